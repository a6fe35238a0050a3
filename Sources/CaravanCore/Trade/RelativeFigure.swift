/// A figure stated against another period rather than as an amount: a growth rate ("up 20% on
/// 2021"), a multiple ("1.8 times", "doubled"). Evidence too, read as the ratio of the flow's value
/// over `period` to its value over `versus`.
public struct RelativeFigure: Sendable, Hashable {
    /// How the source put it: a change in percent, or a multiple.
    public enum Stated: String, Sendable, Hashable, Codable, CaseIterable {
        case change
        case ratio
    }

    public var reporter: String
    public var partner: String
    public var flow: TradeFlow
    public var commodity: String
    public var period: Period
    /// The base period the figure is stated against.
    public var versus: Period
    /// The value over `period` divided by the value over `versus`: 1.4 for "up 40%".
    public var ratio: Double
    public var stated: Stated
    /// The quote the figure came with.
    public var note: String?

    public init(
        reporter: String, partner: String, flow: TradeFlow, commodity: String, period: Period, versus: Period, ratio: Double, stated: Stated,
        note: String? = nil
    ) {
        self.reporter = reporter
        self.partner = partner
        self.flow = flow
        self.commodity = commodity
        self.period = period
        self.versus = versus
        self.ratio = ratio
        self.stated = stated
        self.note = note
    }

    /// The change in percent the ratio amounts to.
    public var changePct: Double { (ratio - 1) * 100 }

    /// Whether it speaks of the queried flow and coverage between the pair: turnover either way round.
    public func answers(_ query: TradeQuery) -> Bool {
        guard commodity == query.commodity, flow == query.flow else { return false }
        let same = reporter == query.reporter && partner == query.partner
        let mirrored = reporter == query.partner && partner == query.reporter
        return same || (flow == .turnover && mirrored)
    }
}

/// A stored relative figure with its source and the line it was read from.
public struct RecordedRelativeFigure: Sendable, Hashable {
    public var figure: RelativeFigure
    public var source: SourceRecord
    public var line: Int?

    public init(_ figure: RelativeFigure, source: SourceRecord, line: Int?) {
        self.figure = figure
        self.source = source
        self.line = line
    }
}
