import CaravanService
import CaravanWatch
import Foundation

extension Workspace {
    /// After an import has stored and printed its result: sends the changes owed to watches for
    /// ten seconds at most, five a try, and says on stderr what failed, which a server or
    /// `caravan watch deliver` sends later.
    func sendOwed() async {
        var deliveries = Deliveries(store: store)
        deliveries.timeout = .seconds(5)
        do {
            let round = try await deliveries.sendDue(budget: .seconds(10))
            if round.delivered + round.failed.count == 0 { return }
            var line = "watches: \(round.delivered) delivered"
            if !round.failed.isEmpty { line += ", \(round.failed.count) failed and owed still: " + round.failed.joined(separator: "; ") }
            FileHandle.standardError.write(Data((line + "\n").utf8))
        } catch {
            FileHandle.standardError.write(Data("watches: nothing sent: \(error)\n".utf8))
        }
    }
}
