/// What the ledger holds for a pair, told when a question finds nothing: who reports which flow
/// of which coverage over which periods, and a question that does find figures.
public struct PairHoldings: Sendable, Codable {
    public struct Holding: Sendable, Codable {
        public var reporter: String
        public var partner: String
        public var flow: TradeFlow
        public var commodity: String
        public var first: Period
        public var last: Period
        public var figures: Int
        public var sources: [String]
    }

    /// For a bloc, its members and those the store holds figures of with the other economy: why no sum answers.
    public struct Members: Sendable, Codable {
        public var bloc: String
        public var members: [String]
        public var held: [String]

        public init(bloc: String, members: [String], held: [String]) {
            self.bloc = bloc
            self.members = members
            self.held = held
        }
    }

    public var holdings: [Holding]
    /// A `caravan trade series` that answers with data, when any does.
    public var suggestion: String?
    public var members: Members?

    /// Groups the pair's stored outturns by reporter, flow and coverage; the suggestion keeps to
    /// the asked flow where the store holds it.
    public init(_ observations: [RecordedObservation], asked flow: TradeFlow? = nil) {
        var groups: [String: [RecordedObservation]] = [:]
        for row in observations where row.source.status == .outturn {
            let o = row.observation
            groups["\(o.reporter) \(o.partner) \(o.flow.rawValue) \(o.commodity)", default: []].append(row)
        }
        holdings = groups.keys.sorted().compactMap { key in
            let rows = groups[key]!.sorted { $0.observation.period.days.lowerBound < $1.observation.period.days.lowerBound }
            guard let first = rows.first?.observation, let last = rows.last?.observation else { return nil }
            return Holding(
                reporter: first.reporter, partner: first.partner, flow: first.flow, commodity: first.commodity, first: first.period,
                last: last.period, figures: rows.count, sources: Array(Set(rows.map(\.source.provider))).sorted())
        }
        let same = holdings.filter { $0.flow == flow }
        let best = (same.isEmpty ? holdings : same).max { $0.figures < $1.figures }
        suggestion = best.map { held in
            "caravan trade series --reporter \(held.reporter) --partner \(held.partner) --flow \(held.flow.rawValue) --commodity \(held.commodity)"
                + (held.first.calendar == .solarHijri ? " --by sh-year" : "")
        }
    }

    /// In a sentence or two.
    public var text: String {
        let bloc =
            members.map { m in
                "\(m.bloc) has no figures of its own here, and its members' are added up only where each of them (\(m.members.joined(separator: ", "))) "
                    + "has one from the same source for the same period: the store holds \(m.held.isEmpty ? "none" : m.held.joined(separator: ", "))'s. "
            } ?? ""
        guard let suggestion else {
            if members != nil { return bloc + "Import the others' figures, or the bloc's own (docs/formats.md)." }
            return "the store holds no figures for this pair: import some (docs/formats.md) and see what answers with caravan imports"
        }
        let told = holdings.map {
            "\($0.reporter)'s \($0.flow.rawValue) with \($0.partner) (\($0.commodity), \($0.first)…\($0.last), \($0.figures) figures)"
        }
        return bloc + "no figure answers this; the store holds " + told.joined(separator: "; ") + ". Try: \(suggestion)"
    }
}
