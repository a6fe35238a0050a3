import CaravanCore
import Foundation

extension Workspace {
    /// The pair's flow period by period, oldest first.
    public func series(_ query: TradeQuery, by grain: SeriesGrain) async throws -> TradeSeries {
        let observations = try await store.observations(between: query.reporter, and: query.partner, commodity: query.commodity)
        return TradeSeries(query, by: grain, from: observations)
    }

    /// The pair's flow over `period` against `versus` (by default a year earlier).
    public func compare(_ query: TradeQuery, period: Period, versus: Period?) async throws -> TradeComparison {
        let observations = try await store.observations(between: query.reporter, and: query.partner, commodity: query.commodity)
        return TradeComparison(query, period: period, versus: versus, from: observations)
    }

    /// Each side's report of the pair's two flows, the gap between them and a best estimate.
    public func mirror(_ a: String, _ b: String, commodity: String, period: Period?, asOf: Date?) async throws -> MirrorComparison {
        let observations = try await store.observations(between: a, and: b, commodity: commodity)
        return MirrorComparison(a, b, period: period, asOf: asOf, from: observations)
    }

    /// A problem with a country code given on the command line or in a request, or nil.
    public func problem(withCountry code: String) -> String? {
        tables.countries.contains(code) ? nil : "unknown country '\(code)'; expected an ISO 3166 alpha-3 code such as KAZ"
    }
}
