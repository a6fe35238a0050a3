import CaravanCore
import CaravanDossier
import Foundation

/// What the trade page shows: a pair's series with the partnership's targets, the two sides'
/// reports of the same flows, the gap between them, and what the pair trades.
public struct TradePageData: Sendable {
    public var scorecard: Scorecard
    /// The pair, flow and commodity shown: the one asked, or else the partnership's own pair.
    public var query: TradeQuery
    public var grain: SeriesGrain
    public var series: TradeSeries
    public var mirror: MirrorComparison
    /// What the pair trades in its last full year at an HS level; nil when none.
    public var composition: ProductComposition?
    public var coverage: [TariffCoverage]
    /// What the pair's agreements are published to cover, when no schedule gives `coverage`.
    public var publishedCoverage: [PublishedCoverage] = []
    /// Why the two sides' figures differ in the latest year both give one; nil when they never do.
    public var gap: TradeGap?

    public init(
        scorecard: Scorecard, query: TradeQuery, grain: SeriesGrain, series: TradeSeries, mirror: MirrorComparison,
        composition: ProductComposition? = nil, coverage: [TariffCoverage] = [], gap: TradeGap? = nil
    ) {
        self.scorecard = scorecard
        self.query = query
        self.grain = grain
        self.series = series
        self.mirror = mirror
        self.composition = composition
        self.coverage = coverage
        self.gap = gap
    }

    /// Whether the page shows the partnership's own question: its pair's turnover of all goods.
    public var isOwnPair: Bool {
        Set([query.reporter, query.partner]) == Set(scorecard.partnership.economies) && query.flow == .turnover
            && query.commodity == CommodityCode.total
    }
}

extension Workspace {
    /// The trade page's data; without a query, for the partnership's own pair.
    public func tradePage(
        _ query: TradeQuery?, by grain: SeriesGrain = .year, partnership: String? = nil, asOf: Date = Date()
    ) async throws
        -> TradePageData
    {
        let scorecard = try await scorecard(partnership, asOf: asOf)
        let economies = scorecard.partnership.economies
        let query = query ?? TradeQuery(reporter: economies.first ?? "", partner: economies.dropFirst().first ?? "", asOf: asOf)
        let series = try await series(query, by: grain)
        let mirror = try await mirror(query.reporter, query.partner, commodity: query.commodity, period: nil, asOf: query.asOf)
        let (composition, coverage) = try await whatIsTraded(query, asOf: asOf)
        let gap = try await latestGap(query.reporter, query.partner, flow: query.flow, commodity: query.commodity)
        var page = TradePageData(
            scorecard: scorecard, query: query, grain: grain, series: series, mirror: mirror, composition: composition, coverage: coverage, gap: gap)
        if coverage.isEmpty { page.publishedCoverage = publishedCoverage(reporter: query.reporter, partner: query.partner).figures }
        return page
    }
}
