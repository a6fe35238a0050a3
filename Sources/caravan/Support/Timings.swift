import Foundation

/// Wall-clock laps printed on stderr, for `--timings`.
final class Timings {
    private let enabled: Bool
    private var last = ContinuousClock.now

    init(enabled: Bool) { self.enabled = enabled }

    /// Prints the time since the previous lap (or since creation) under `label`.
    func lap(_ label: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let seconds = Double((now - last).components.attoseconds) / 1e18 + Double((now - last).components.seconds)
        FileHandle.standardError.write(Data("\(label): \(String(format: "%.6f", seconds)) s\n".utf8))
        last = now
    }
}
