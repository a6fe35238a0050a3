import CaravanCore
import CaravanImport
import CaravanStore
import Foundation

extension Workspace {
    /// Checks a tariff schedule file against the code tables and stores it as one batch.
    func importTariffs(_ path: String, as name: String, recordedAt: Date) async throws -> ImportResult {
        let file = try FileImport<TariffLine>(tariffsAt: path, name: name, tables: tables)
        return try await storeRows(of: file, as: name, field: "hs_code") { rows, sources, digest in
            try await store.record(tariffs: rows, sources: sources, file: name, digest: digest, recordedAt: recordedAt)
        }
    }

    /// The share of tariff lines a reporter liberalized for a partner, and the share of the
    /// partner's trade in them. The schedule is read as it stands on `asOf` (default today); the
    /// trade is that of `period`, by default the last full year of the pair's HS-level figures —
    /// the trade a preference is usually judged against. The regime defaults to the partner's own
    /// entries, or the reporter's only regime.
    public func tariffCoverage(
        reporter: String, partner: String, regime: String? = nil, period: Period? = nil, asOf: Date? = nil
    ) async throws -> TariffCoverage {
        let regimes = try await store.tariffRegimes(reporter: reporter)
        let chosen: String
        if let regime {
            guard regimes.contains(regime) else { throw ProductError.noSchedule(reporter: reporter, partner: regime, regimes: regimes) }
            chosen = regime
        } else if regimes.contains(partner) {
            chosen = partner
        } else if regimes.count == 1 {
            chosen = regimes[0]
        } else if regimes.isEmpty {
            throw ProductError.noSchedule(reporter: reporter, partner: partner, regimes: [])
        } else {
            throw ProductError.ambiguousRegime(reporter: reporter, regimes: regimes)
        }
        // The nomenclature is read only once a schedule is found: a scorecard asks of reporters that have none.
        guard let nomenclature = tables.nomenclature else { throw ProductError.noNomenclature }
        let rows = try await productFigures(reporter, partner)
        let imports = TradeQuery(reporter: reporter, partner: partner, flow: .import, commodity: CommodityCode.total, asOf: asOf)
        let year = period ?? Self.lastFullYear(of: rows, asOf: asOf)
        let trade = year.map { ProductComposition.values(imports, level: .subheading, over: $0, rows: rows, nomenclature: nomenclature) }
        let day = Day(containing: asOf ?? Date())
        // As of a moment, a schedule recorded later does not count, as figures recorded later do not.
        let recorded = try await store.tariffLines(reporter: reporter, regime: chosen).filter { asOf == nil || $0.source.recordedAt <= asOf! }
        let schedule = TariffSchedule(reporter: reporter, regime: chosen, on: day, lines: recorded)
        let values = trade.flatMap { $0.isEmpty ? nil : $0.mapValues(\.valueUSD) }
        return TariffCoverage(
            schedule, partner: partner, subheadings: nomenclature.subheadings, trade: values,
            period: year ?? Period.unit(.year, containing: day, in: .gregorian))
    }

    /// The last Gregorian year, before the one `asOf` falls in, with figures at the subheading level.
    private static func lastFullYear(of rows: [RecordedObservation], asOf: Date?) -> Period? {
        let current = Period.unit(.year, containing: Day(containing: asOf ?? Date()), in: .gregorian).first
        let years = rows.filter { $0.observation.commodity.count == 6 }.map {
            Period.unit(.year, containing: $0.observation.period.days.upperBound, in: .gregorian).first
        }
        return years.filter { $0 < current }.max().map { Period(.year, $0, in: .gregorian) }
    }
}
