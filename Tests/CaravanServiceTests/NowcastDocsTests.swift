import CaravanCore
import CaravanPresentation
import CaravanSQLite
import CaravanService
import CaravanTestSupport
import Foundation
import Testing

/// docs/scorecard.md's backtest table is what the bundled data give (scripts/backtest-nowcast writes it).
@Suite struct NowcastDocsTests {
    let directory = TemporaryDirectory()

    @Test func theDocumentedBacktestIsTheBundledDatas() async throws {
        let workspace = Workspace(store: try SQLiteLedgerStore(path: directory.path("docs.sqlite")))
        _ = try await workspace.importBundledData()
        let query = TradeQuery(reporter: "IRN", partner: "KAZ", flow: .turnover, commodity: "NONOIL")
        let table = try OutputFormat.md.render(sections: try await workspace.backtest(query, calendar: .solarHijri))
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/scorecard.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try #require(text.range(of: "<!-- backtest -->\n"))
        let end = try #require(text.range(of: "<!-- /backtest -->"))
        #expect(String(text[start.upperBound..<end.lowerBound]) == table, "run scripts/backtest-nowcast")
        #expect(table.contains("| SH1401 | 5 | 2022-08-22 | 139,620,000 |") && table.contains("| SH1401 | 10 | 2023-01-20 | 265,900,000 |"))
    }
}
