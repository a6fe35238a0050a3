import Foundation

/// A question put to the ledger: one pair's flow of one commodity, as the store stood at a date.
public struct TradeQuery: Sendable, Hashable, Codable {
    public var reporter: String
    public var partner: String
    public var flow: TradeFlow
    public var commodity: String
    /// Only figures recorded by this moment count; nil for everything recorded.
    public var asOf: Date?

    public init(
        reporter: String, partner: String, flow: TradeFlow = .turnover, commodity: String = CommodityCode.total,
        asOf: Date? = nil
    ) {
        self.reporter = reporter
        self.partner = partner
        self.flow = flow
        self.commodity = commodity
        self.asOf = asOf
    }

    enum CodingKeys: String, CodingKey {
        case reporter, partner, flow, commodity
        case asOf = "as_of"
    }
}

/// The grain a series is told in.
public enum SeriesGrain: String, Sendable, Codable, CaseIterable {
    case year, quarter, month
    /// Solar Hijri years, which begin at the March equinox.
    case shYear = "sh-year"

    public var calendar: CalendarSystem { self == .shYear ? .solarHijri : .gregorian }

    public var grain: Period.Grain {
        switch self {
        case .year, .shYear: .year
        case .quarter: .quarter
        case .month: .month
        }
    }
}
