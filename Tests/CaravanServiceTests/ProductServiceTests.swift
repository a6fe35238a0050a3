import CaravanCore
import CaravanData
import CaravanDossier
import CaravanImport
import CaravanSQLite
import CaravanService
import CaravanStore
import CaravanTestSupport
import Foundation
import Testing

/// BACI rows of Iran's exports to Kazakhstan (364 → 398) and back, thousands of USD.
let baciIranKazakhstan = """
    t,i,j,k,v,q
    2023,364,398,100111,1000.000,500.000
    2023,364,398,270900,4000.000,9000.000
    2023,364,398,851713,2000.000,1.000
    2024,364,398,100111,1500.000,600.000
    2024,364,398,100610,500.000,250.000
    2024,364,398,270900,3000.000,8000.000
    2024,364,398,851713,2800.000,1.500
    2024,364,398,280110,200.000,20.000
    2024,398,364,100111,900.000,450.000
    2024,398,364,720839,600.000,1000.000
    """

@Suite("Products, groups and tariffs through the workspace")
struct ProductServiceTests {
    let directory = TemporaryDirectory()
    let workspace: Workspace

    init() throws { workspace = Workspace(store: try SQLiteLedgerStore(path: directory.path("products.sqlite"))) }

    /// Recorded on 1 January 2026, so a scorecard as of mid-2026 counts it.
    static let recorded = Date(timeIntervalSince1970: 1_767_225_600)

    func importBACI() async throws {
        _ = try await workspace.importFile(
            directory.write("BACI_HS22_Y2024.csv", baciIranKazakhstan), as: "BACI_HS22_Y2024.csv", recordedAt: Self.recorded)
    }

    @Test("the bundled nomenclature and groups load whole")
    func bundled() throws {
        let hs = try #require(ReferenceTables.bundled.nomenclature)
        #expect(hs.subheadings.count == 5_613 && hs.contains("851713") && hs.sections.count == 21)
        #expect(ReferenceTables.bundled.groups["NONOIL"]?.contains("10") == true && ReferenceTables.bundled.groups["AGRI"]?.contains("24") == true)
        #expect(ReferenceTables.bundled.groups["NONOIL"]?.contains("27") == false)
    }

    @Test("a composition sums to the pair's total, and named groups and chapters sum the finer figures")
    func composition() async throws {
        try await importBACI()
        let imports = TradeQuery(reporter: "KAZ", partner: "IRN", flow: .import)
        let year = try Period(parsing: "2024")
        let total = try #require(try await workspace.series(imports, by: .year).values["2024"])
        let chapters = try await workspace.products(imports, period: year, level: .chapter, top: 3)
        #expect(total == 8_000_000 && chapters.totalUSD == total)
        #expect(chapters.products.map(\.code) == ["27", "85", "10"] && chapters.other?.valueUSD == 200_000)
        #expect(chapters.products[0].name == "Mineral fuels, mineral oils and products of their distillation; bituminous substances; mineral waxes")
        let turnover = try await workspace.products(TradeQuery(reporter: "KAZ", partner: "IRN"), period: year, level: .section, top: 20)
        #expect(turnover.totalUSD == 9_500_000 && turnover.products.map(\.valueUSD).reduce(0, +) == 9_500_000)
        var nonoil = imports
        nonoil.commodity = "NONOIL"
        #expect(try await workspace.series(nonoil, by: .year).values == ["2023": 3_000_000, "2024": 5_000_000])
        var cereals = imports
        cereals.commodity = "10"
        #expect(try await workspace.series(cereals, by: .year).values == ["2023": 1_000_000, "2024": 2_000_000])
        let reader = RequestReader(.api, workspace: workspace)
        await #expect { try await reader.commodity("NOSUCH") } throws: { ($0 as? RequestError)?.reason.contains("no product group") == true }
    }

    @Test("a groups file adds and redefines groups for every query")
    func userGroups() async throws {
        try await importBACI()
        let file = directory.write("my-groups.csv", "group,include,exclude,description\nFOOD,10,,Cereals only\nNONOIL,85,,Redefined: phones\n")
        _ = try await workspace.importFile(file, as: "my-groups.csv")
        var food = TradeQuery(reporter: "KAZ", partner: "IRN", flow: .import, commodity: "FOOD")
        #expect(try await workspace.series(food, by: .year).values["2024"] == 2_000_000)
        food.commodity = "NONOIL"
        #expect(try await workspace.series(food, by: .year).values["2024"] == 2_800_000)
        let bad = directory.write("bad-groups.csv", "group,include,exclude,description\nBAD,1-24,,x\n")
        await #expect(throws: ImportError.self) { _ = try await workspace.importFile(bad, as: "bad-groups.csv") }
    }

    @Test("claim a8 is unverifiable without a schedule, and checked against one: lines and trade tell apart")
    func claimA8() async throws {
        _ = try await workspace.importBundledData(recordedAt: Self.recorded)
        try await importBACI()
        let asOf = try #require(RecordedTime("2026-06-30")).endOfDay
        let before = try await workspace.scorecard(asOf: asOf).claims.first { $0.id == "a8" }
        #expect(before?.verdict == .unverifiable && before?.reason.english.contains("no tariff schedule of KAZ for IRN") == true)
        // Every chapter free but 85, 28 and 62: 89.7% of the subheadings, while chapter 85 carries most of the trade.
        let hs = try #require(ReferenceTables.bundled.nomenclature)
        let chapters = Array(Set(hs.subheadings.map { String($0.prefix(2)) })).sorted()
        let rows = chapters.map { chapter in
            "KAZ,IRN,\(chapter),5,\(["85", "28", "62"].contains(chapter) ? "5" : "0"),2025-05-15,EAEU Council decision,https://example.org/eaeu"
        }
        let schedule = directory.write(
            "kaz-irn.csv",
            "reporter,partner_or_regime,hs_code,mfn_rate_pct,preferential_rate_pct,effective_from,source,url\n" + rows.joined(separator: "\n"))
        _ = try await workspace.importFile(schedule, as: "kaz-irn.csv", recordedAt: Self.recorded)
        let coverage = try await workspace.tariffCoverage(reporter: "KAZ", partner: "IRN", asOf: asOf)
        #expect(abs((coverage.lines.liberalizedPct ?? 0) - 5_033.0 / 5_613 * 100) < 1e-9)
        let trade = try #require(coverage.trade)
        #expect(trade.period.description == "2024" && trade.totalUSD == 8_000_000 && trade.liberalizedUSD == 5_000_000)
        let after = try await workspace.scorecard(asOf: asOf).claims.first { $0.id == "a8" }
        #expect(after?.verdict == .consistent && abs((after?.computed ?? 0) - 89.67) < 0.01)
        #expect(after?.basis.first?.provider == "EAEU Council decision")
        let early = try await workspace.tariffCoverage(reporter: "KAZ", partner: "IRN", asOf: try #require(RecordedTime("2025-01-01")).endOfDay)
        #expect(early.lines.withRate == 0, "the schedule is in force from 2025-05-15")
        await #expect(throws: ProductError.self) { _ = try await workspace.tariffCoverage(reporter: "IRN", partner: "KAZ") }
    }
}

extension TradeSeries {
    /// Each point's period and value, for compact expectations.
    var values: [String: Double] { Dictionary(uniqueKeysWithValues: points.map { ($0.value.period.description, $0.value.valueUSD) }) }
}
