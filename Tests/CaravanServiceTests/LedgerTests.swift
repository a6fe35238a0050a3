import CaravanCore
import CaravanImport
import CaravanPresentation
import CaravanSQLite
import CaravanService
import CaravanStore
import CaravanTestSupport
import Foundation
import Testing

@Suite("The ledger end to end, on a SQLite file")
struct LedgerTests {
    let directory = TemporaryDirectory()
    let header = "reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote"
    let ledger: Workspace

    init() throws { ledger = Workspace(store: try SQLiteLedgerStore(path: directory.path("ledger.sqlite"))) }

    @Test("the bundled figures give the IRN–KAZ series, each number with its source, and load only once")
    func bundled() async throws {
        let first = try await ledger.importBundledData()
        #expect(first.allSatisfy { if case .stored = $0.receipt { true } else { false } })
        let again = try await ledger.importBundledData()
        #expect(again.allSatisfy { if case .alreadyImported = $0.receipt { true } else { false } })
        let series = try await ledger.series(TradeQuery(reporter: "IRN", partner: "KAZ"), by: .year)
        let y2024 = try #require(series.points.first { $0.value.period == .year(2024) })
        #expect(y2024.value.valueUSD == 340_000_000 && !y2024.value.partial)
        #expect(y2024.value.sources.map(\.provider) == ["Tehran Times"])
        #expect(y2024.value.sources.first?.file == "Data/figures/iran-kazakhstan.csv")
        let y2025 = try #require(series.points.last)
        #expect(y2025.value.period == .year(2025) && y2025.value.partial && y2025.value.valueUSD == 249_100_000)
        #expect(
            series.points.map(\.value.period.description) == [
                "2004", "2005", "2006", "2007", "2012", "2014", "2015", "2018", "2019", "2020", "2021", "2022", "2024", "2025",
            ])
    }

    @Test("a bad last line leaves the database exactly as it was")
    func atomicFile() async throws {
        let good = directory.write("good.csv", "\(header)\nKAZ,IRN,export,TOTAL,2023,5,,,S,,,\n")
        _ = try await ledger.importFile(good)
        let before = try Data(contentsOf: URL(fileURLWithPath: directory.path("ledger.sqlite")))
        let rows = (2000..<2020).map { "KAZ,IRN,import,TOTAL,\($0),1,,,S,,," } + ["KAZ,IRN,import,TOTAL,2021,1,,,S,,"]
        let bad = directory.write("bad.csv", ([header] + rows).joined(separator: "\n"))
        await #expect(throws: ImportError.self) { _ = try await ledger.importFile(bad) }
        #expect(try await ledger.batches().map(\.file) == [good])
        let series = try await ledger.series(TradeQuery(reporter: "KAZ", partner: "IRN", flow: .import), by: .year)
        #expect(series.points.isEmpty)
        let after = try Data(contentsOf: URL(fileURLWithPath: directory.path("ledger.sqlite")))
        #expect(before == after)
    }

    @Test("a large file refused by the store early stops its reader and stores nothing")
    func refusedEarly() async throws {
        let rows = (0..<50_000).map { "2022,398,364,\(String(100_000 + $0)),1,1" }
        let path = directory.write("BACI.csv", (["t,i,j,k,v,q", "2022,398,364,100000,1,1"] + rows).joined(separator: "\n"))
        await #expect(throws: ImportError.self) { _ = try await ledger.importFile(path) }
        #expect(try await ledger.batches().isEmpty)
    }

    @Test("as of a date before a revision, the series shows the figure then known")
    func asOf() async throws {
        let v1 = directory.write("v1.csv", "\(header)\nKAZ,IRN,export,TOTAL,2024,300,,,Customs,,,\n")
        let v2 = directory.write("v2.csv", "\(header)\nKAZ,IRN,export,TOTAL,2024,320,,,Customs,,,revised\n")
        let january = Date(timeIntervalSince1970: 1_735_689_600)
        let march = january.addingTimeInterval(59 * 86_400)
        _ = try await ledger.importFile(v1, recordedAt: january)
        _ = try await ledger.importFile(v2, recordedAt: march)
        let now = try await ledger.series(TradeQuery(reporter: "KAZ", partner: "IRN", flow: .export), by: .year)
        #expect(now.points.map(\.value.valueUSD) == [320])
        let then = try await ledger.series(
            TradeQuery(reporter: "KAZ", partner: "IRN", flow: .export, asOf: january.addingTimeInterval(86_400)), by: .year)
        #expect(then.points.map(\.value.valueUSD) == [300])
    }

    @Test("a BACI file answers exports, imports (the partner's export row) and turnover for the pair")
    func baci() async throws {
        let path = directory.write(
            "BACI_HS92_Y2022_V202501.csv", "t,i,j,k,v,q\n2022,398,364,100199,300,1000\n2022,398,364,271019,200,NA\n2022,364,398,080410,50,20\n")
        let result = try await ledger.importFile(path)
        #expect(result.summary.derived == 2)
        let exports = try await ledger.series(TradeQuery(reporter: "KAZ", partner: "IRN", flow: .export), by: .year)
        #expect(exports.points.map(\.value.valueUSD) == [500_000])
        let imports = try await ledger.series(TradeQuery(reporter: "KAZ", partner: "IRN", flow: .import), by: .year)
        #expect(imports.points.map(\.value.valueUSD) == [50_000])
        let turnover = try await ledger.series(TradeQuery(reporter: "KAZ", partner: "IRN"), by: .year)
        #expect(turnover.points.map(\.value.valueUSD) == [550_000])
        let wheat = try await ledger.series(TradeQuery(reporter: "KAZ", partner: "IRN", flow: .export, commodity: "100199"), by: .year)
        #expect(wheat.points.first?.value.quantityT == 1000)
    }

    @Test("the mirror from Comtrade reports of both sides")
    func mirror() async throws {
        let path = directory.write(
            "comtrade.csv",
            ComtradeRows.file([
                ["flowCode": "X", "primaryValue": "100", "fobvalue": "100"],
                [
                    "reporterISO": "IRN", "reporterCode": "364", "partnerISO": "KAZ", "partnerCode": "398", "flowCode": "M", "primaryValue": "110",
                    "cifvalue": "110",
                ],
            ]))
        _ = try await ledger.importFile(path)
        let mirror = try await ledger.mirror("KAZ", "IRN", commodity: "TOTAL", period: nil, asOf: nil)
        let flow = try #require(mirror.flows.first)
        #expect(flow.exporter == "KAZ" && flow.gapUSD == 10 && abs(flow.cifFOBRatio! - 1.1) < 1e-12 && flow.rule == .importerCIFToFOB)
    }

    @Test("the series JSON has the documented shape")
    func json() async throws {
        _ = try await ledger.importBundledData()
        let series = try await ledger.series(TradeQuery(reporter: "IRN", partner: "KAZ"), by: .year)
        let object = try JSONSerialization.jsonObject(with: Data(try JSONOutput.string(series).utf8)) as! [String: Any]
        let points = try #require(object["series"] as? [[String: Any]])
        let first = try #require(points.first)
        #expect(first["period"] as? String == "2004" && first["value_usd"] as? Double == 7e8)
        #expect(Set(first.keys).isSuperset(of: ["period", "value_usd", "quantity_t", "change_pct", "partial", "sources"]))
        let source = try #require((first["sources"] as? [[String: Any]])?.first)
        #expect(source["provider"] as? String == "Jamestown Eurasia Daily Monitor v3 i219" && source["line"] as? Int == 5)
        #expect(source["recorded_at"] is String && source["url"] is String)
    }
}

@Suite("A scorecard shared between answers while the store is unchanged")
struct SharedScorecardTests {
    let directory = TemporaryDirectory()

    @Test("shared or worked out afresh, the same scorecard, before and after a figure that changes it, and as of a past moment")
    func sameAsWorkedOut() async throws {
        let shared = Workspace(store: try await StoreBackend.sqlite.makeStore(in: directory))
        var afresh = shared
        afresh.sharesScorecards = false
        _ = try await shared.importBundledData(recordedAt: Date(timeIntervalSince1970: 1_780_000_000))
        let now = Date()
        let before = try JSONOutput.string(try await shared.scorecard(asOf: now))
        #expect(before == (try JSONOutput.string(try await afresh.scorecard(asOf: now))))
        // A moment later the same day: the shared one is the same answer.
        #expect(try JSONOutput.string(try await shared.scorecard(asOf: now.addingTimeInterval(1))) == before)
        // A figure for the pair's latest year changes the trade test; the shared scorecard follows at once.
        let header = "reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote"
        let figure = directory.write("more.csv", "\(header)\nIRN,KAZ,turnover,TOTAL,2026-01,900000000,,,Shared test,,,\n")
        _ = try await shared.importFile(figure, as: "more.csv", recordedAt: Date())
        let after = try JSONOutput.string(try await shared.scorecard(asOf: Date()))
        #expect(after != before)
        #expect(after == (try JSONOutput.string(try await afresh.scorecard(asOf: Date()))))
        // As of a moment before the newest figure was recorded: worked out, not shared.
        let past = Date(timeIntervalSince1970: 1_785_000_000)
        #expect(try JSONOutput.string(try await shared.scorecard(asOf: past)) == (try JSONOutput.string(try await afresh.scorecard(asOf: past))))
        #expect(try JSONOutput.string(try await shared.scorecard(asOf: past)) != after)
    }
}
