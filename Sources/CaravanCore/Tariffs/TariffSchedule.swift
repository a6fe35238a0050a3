/// A reporter's schedule for one partner or regime as it stands on a day: for each subheading,
/// the most specific entry in force — its own, else its heading's, else its chapter's.
public struct TariffSchedule: Sendable {
    public let reporter: String
    public let regime: String
    public let day: Day
    /// The entry in force for each code that has one, latest `effective_from` up to `day`.
    private let entries: [String: RecordedTariffLine]

    /// - Complexity: O(n) for n entries.
    public init(reporter: String, regime: String, on day: Day, lines: [RecordedTariffLine]) {
        self.reporter = reporter
        self.regime = regime
        self.day = day
        var entries: [String: RecordedTariffLine] = [:]
        for line in lines where line.tariff.reporter == reporter && line.tariff.regime == regime && line.tariff.effectiveFrom <= day {
            let code = line.tariff.code
            // The later entry wins; of two from the same date, the later recorded.
            if let held = entries[code],
                (held.tariff.effectiveFrom, held.source.recordedAt) > (line.tariff.effectiveFrom, line.source.recordedAt)
            {
                continue
            }
            entries[code] = line
        }
        self.entries = entries
    }

    /// The entry that applies to `code` (its own or its nearest ancestor's), or nil.
    public func entry(for code: String) -> RecordedTariffLine? {
        for length in stride(from: code.count, through: 2, by: -2) {
            if let entry = entries[String(code.prefix(length))] { return entry }
        }
        return nil
    }

    /// Whether the schedule has any entry in force.
    public var isEmpty: Bool { entries.isEmpty }

    /// The distinct sources of the entries in force.
    public var sources: [SourceRecord] {
        Array(Set(entries.values.map(\.source))).sorted { ($0.recordedAt, $0.id) < ($1.recordedAt, $1.id) }
    }
}
