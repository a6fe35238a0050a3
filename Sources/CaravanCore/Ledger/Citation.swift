import Foundation

/// A figure a result stands on, with enough to find it again: who published it, where, when it
/// was recorded, and the file and line it was read from.
public struct Citation: Sendable, Hashable, Codable {
    public var reporter: String
    public var partner: String
    public var flow: TradeFlow
    public var period: Period
    public var valueUSD: Double
    public var valuation: Valuation?
    /// The fraction of the figure counted here, below 1 when it was apportioned by days.
    public var share: Double?
    public var kind: SourceKind
    public var provider: String
    public var title: String?
    public var url: String?
    public var published: String?
    /// Whose statistics the figure is, when `provider` quotes another's.
    public var compiler: String?
    public var status: FigureStatus
    /// Where the figure stands among others for the same period: why it was chosen, or why not.
    public var precedence: Precedence
    /// The HS edition of the figure's product code, when its source says.
    public var edition: String?
    public var recordedAt: Date
    public var file: String
    public var line: Int?
    public var note: String?

    init(_ recorded: RecordedObservation) {
        let observation = recorded.observation
        reporter = observation.reporter
        partner = observation.partner
        flow = observation.flow
        period = observation.period
        valueUSD = observation.valueUSD
        valuation = observation.valuation
        kind = recorded.source.kind
        provider = recorded.source.provider
        title = recorded.source.title
        url = recorded.source.url
        published = recorded.source.published
        compiler = recorded.source.compiler
        status = recorded.source.status
        precedence = Precedence(recorded.source)
        edition = recorded.source.edition
        recordedAt = recorded.source.recordedAt
        file = recorded.source.file
        line = recorded.line
        note = observation.note
    }

    enum CodingKeys: String, CodingKey {
        case reporter, partner, flow, period, valuation, share, kind, provider, title, url, published, compiler, status, precedence, edition, file
        case line, note
        case valueUSD = "value_usd"
        case recordedAt = "recorded_at"
    }
}
