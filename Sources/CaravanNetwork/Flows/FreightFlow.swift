import CaravanCore

/// Which way freight moved along an element: along its direction (a link's from → to, a
/// corridor's listed order), against it, or either way / not stated.
public enum FlowDirection: String, Sendable, Codable, CaseIterable {
    case both, forward, backward
}

/// Tonnes reported through a link, node or corridor over a period, with its source.
public struct FreightFlow: Sendable, Hashable, Codable {
    /// A link, node or corridor id of the network.
    public var element: String
    public var period: Period
    public var tonnes: Double
    public var direction: FlowDirection
    public var note: String?

    public init(element: String, period: Period, tonnes: Double, direction: FlowDirection = .both, note: String? = nil) {
        self.element = element
        self.period = period
        self.tonnes = tonnes
        self.direction = direction
        self.note = note
    }
}

/// A stored flow with where it came from.
public struct RecordedFreightFlow: Sendable, Hashable {
    public var flow: FreightFlow
    public var source: SourceRecord
    public var line: Int?

    public init(_ flow: FreightFlow, source: SourceRecord, line: Int?) {
        self.flow = flow
        self.source = source
        self.line = line
    }
}
