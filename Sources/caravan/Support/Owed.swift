import CaravanService
import CaravanWatch
import Foundation

extension Workspace {
    /// After an import has stored and printed its result: sends the changes owed to watches for
    /// ten seconds at most, five a try, and says on stderr what failed, one line a watch, which a
    /// server or `caravan watch deliver` sends later.
    func sendOwed(allowingPrivate: Bool) async {
        var deliveries = Deliveries(workspace: self)
        deliveries.timeout = .seconds(5)
        deliveries.allowsPrivateAddresses = allowingPrivate
        do {
            let round = try await deliveries.sendDue(budget: .seconds(10))
            if round.delivered + round.failed.count == 0 { return }
            var lines = ["watches: \(round.delivered) delivered" + (round.failed.isEmpty ? "" : ", \(round.failed.count) failed and owed still:")]
            lines += round.failureLines(width: 98).map { "  " + $0 }
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        } catch {
            FileHandle.standardError.write(Data("watches: nothing sent: \(error)\n".utf8))
        }
    }
}
