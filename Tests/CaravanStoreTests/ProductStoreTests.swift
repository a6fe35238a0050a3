import CaravanCore
import CaravanStore
import CaravanTestSupport
import Foundation
import Testing

@Suite("Products and tariff schedules, on SQLite and on PostgreSQL")
struct ProductStoreTests {
    let directory = TemporaryDirectory()

    @Test("products are the pair's HS-coded figures, both directions, without totals or groups", arguments: StoreBackend.available)
    func products(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore(in: directory)
        var rows: [StagedObservation] = []
        for (commodity, reporter, value) in [("TOTAL", "KAZ", 9.0), ("NONOIL", "KAZ", 8), ("10", "KAZ", 5), ("1001", "KAZ", 3), ("270900", "IRN", 2)]
        {
            var row = try figure(reporter, reporter == "KAZ" ? "IRN" : "KAZ", .export, "2024", value)
            row.observation.commodity = commodity
            rows.append(row)
        }
        var elsewhere = try figure("KAZ", "TKM", .export, "2024", 1)
        elsewhere.observation.partner = "TKM"
        elsewhere.observation.commodity = "10"
        rows.append(elsewhere)
        _ = try await store.record(ListFeed(rows, sources: [ministry], digest: "p"), file: "p.csv", format: "figures", recordedAt: Date())
        let products = try await store.products(between: "IRN", and: "KAZ")
        #expect(products.map(\.observation.commodity).sorted() == ["10", "1001", "270900"])
        #expect(Set(products.map(\.observation.reporter)) == ["KAZ", "IRN"])
    }

    @Test("tariff entries come back with their sources; a repeated entry refuses the file", arguments: StoreBackend.available)
    func tariffs(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore(in: directory)
        let gazette = SourceDraft(kind: .tariffs, provider: "Official gazette", url: "https://example.org/g", published: "2025-05-01")
        let day = try Period(parsing: "2025-05-15").days.lowerBound
        let lines = [
            Staged(TariffLine(reporter: "KAZ", regime: "IRN", code: "10", mfnPct: 5, preferentialPct: 0, effectiveFrom: day), line: 2, source: 0),
            Staged(
                TariffLine(reporter: "KAZ", regime: "IRN", code: "100190", mfnPct: 5, preferentialPct: nil, effectiveFrom: day), line: 3, source: 0),
            Staged(
                TariffLine(reporter: "KAZ", regime: "EAEU-IRN-FTA", code: "27", mfnPct: 0, preferentialPct: 0, effectiveFrom: day), line: 4, source: 0
            ),
        ]
        _ = try await store.record(tariffs: lines, sources: [gazette], file: "t.csv", digest: "t", recordedAt: Date())
        let stored = try await store.tariffLines(reporter: "KAZ", regime: "IRN")
        #expect(stored.map(\.tariff) == [lines[0].record, lines[1].record])
        #expect(stored.map(\.line) == [2, 3] && stored.allSatisfy { $0.source.provider == "Official gazette" && $0.source.file == "t.csv" })
        #expect(try await store.tariffRegimes(reporter: "KAZ") == ["EAEU-IRN-FTA", "IRN"])
        await #expect(throws: StoreError.self) {
            _ = try await store.record(tariffs: lines + [lines[0]], sources: [gazette], file: "t2.csv", digest: "t2", recordedAt: Date())
        }
        #expect(try await store.batches().map(\.file) == ["t.csv"])
    }
}

@Suite("Relative figures, on SQLite and on PostgreSQL")
struct RelativeFigureStoreTests {
    let directory = TemporaryDirectory()

    @Test("growth rates and multiples come back with their sources, for the pair either way round", arguments: StoreBackend.available)
    func roundTrip(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore(in: directory)
        let akorda = SourceDraft(kind: .figures, provider: "Report.az", url: "https://report.az/x")
        let rising = RelativeFigure(
            reporter: "KAZ", partner: "IRN", flow: .turnover, commodity: "TOTAL", period: try Period(parsing: "2025-01..2025-10"),
            versus: try Period(parsing: "2024-01..2024-10"), ratio: 1.4, stated: .change, note: "рост на 40%")
        var other = rising
        other.reporter = "KAZ"
        other.partner = "UZB"
        let rows = [Staged(rising, line: 2, source: 0), Staged(other, line: 3, source: 0)]
        _ = try await store.record(relations: rows, sources: [akorda], file: "r.csv", digest: "r", recordedAt: Date())
        let stored = try await store.relativeFigures(between: "IRN", and: "KAZ")
        #expect(stored.map(\.figure) == [rising] && stored.map(\.line) == [2] && stored.first?.source.provider == "Report.az")
        #expect(try await store.relativeFigures(between: "KAZ", and: "IRN").count == 1)
        await #expect(throws: StoreError.self) {
            _ = try await store.record(relations: rows + [rows[0]], sources: [akorda], file: "r2.csv", digest: "r2", recordedAt: Date())
        }
        #expect(try await store.batches().map(\.file) == ["r.csv"])
    }
}
