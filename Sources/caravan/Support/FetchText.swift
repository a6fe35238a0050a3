import CaravanFetch
import Foundation

/// What `caravan fetch` prints: the calls planned, progress as they are made, and the outcome.
enum FetchText {
    static func dryRun(_ fetch: ComtradeFetch) -> String {
        var lines = ["Availability calls (which datasets are released, and when):"]
        lines += fetch.plan.availabilityCalls.map { "  GET \(fetch.access.baseURL)\($0)" }
        if fetch.request.periods == nil {
            lines.append("Data calls follow from the availability answers: one per block of released periods not yet stored.")
        } else {
            lines.append("Data calls, for the periods asked; those the API lists as unreleased, or stored at their latest release, are left out:")
            lines += fetch.plan.steps(releases: nil).map { "  GET \(fetch.access.baseURL)\($0.call)   (\($0.side))" }
        }
        lines.append(
            fetch.access.key == nil
                ? "No $COMTRADE_KEY: the public preview endpoints, 500 records an answer." : "With $COMTRADE_KEY: the data endpoints.")
        return lines.joined(separator: "\n")
    }

    /// Progress on stderr: every step on a terminal; retries and splits always, as a log would want them.
    static func progress(terminal: Bool) -> @Sendable (ComtradeFetch.Event) -> Void {
        { event in
            let line: String?
            switch event {
            case .asking(let call): line = terminal ? "asking which datasets are released: \(call.brief)" : nil
            case .calling(let step, let number, let count):
                line = terminal ? "[\(number)/\(count)] \(step.side) \(step.call.value("period") ?? "")" : nil
            case .retrying(let call, let attempt, let reason, let wait):
                line = FetchError.wrapped(
                    "\(call.brief): try \(attempt) failed (\(reason)); trying again in \(wait.formatted(.units(allowed: [.seconds, .milliseconds])))")
            case .stored(_, let result): line = terminal ? "  \(result.receipt.batch.observations) figures stored" : nil
            case .alreadyStored(let step):
                line = terminal ? "  \(step.side) \(step.call.value("period") ?? ""): stored at its latest release" : nil
            case .nothingReleased: line = terminal ? "  no records for the pair" : nil
            case .split(let call, let pieces):
                line = FetchError.wrapped("\(call.brief): the answer came back full; asking again in \(pieces) smaller calls")
            }
            if let line { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        }
    }

    static func outcome(_ outcome: ComtradeFetch.Outcome) -> String {
        var lines = ["Fetched \(outcome.calls) answers; \(outcome.imported.count) imported with \(outcome.figures) figures."]
        if outcome.alreadyStored > 0 { lines.append("\(outcome.alreadyStored) calls left out: stored at their latest release before.") }
        if outcome.empty > 0 { lines.append("\(outcome.empty) answers held no records for the pair.") }
        for result in outcome.imported { lines.append("  \(result.receipt.batch.file): \(result.receipt.batch.observations) figures") }
        return lines.joined(separator: "\n")
    }
}
