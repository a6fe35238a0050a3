import CaravanCore
import CaravanSQLite
import CaravanService
import CaravanTestSupport
import Foundation
import Testing

/// The backtest through the workspace: both sides' reports from a real store, read by their dates of publication.
@Suite struct NowcastBacktestServiceTests {
    let directory = TemporaryDirectory()

    /// Kazakhstan's own 2021 and 2022; 2020 and 2021 as Iran reported them; 2019 too, published after 2022's cut-off.
    static let figures = """
        reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote
        KAZ,IRN,turnover,TOTAL,2022-01..2022-06,30,,,Kazstat,,2022-08-01,
        KAZ,IRN,turnover,TOTAL,2022,80,,,Kazstat,,2023-03-01,
        KAZ,IRN,turnover,TOTAL,2021-01..2021-06,40,,,Kazstat,,2021-08-01,
        KAZ,IRN,turnover,TOTAL,2021,100,,,Kazstat,,2022-03-01,
        IRN,KAZ,turnover,TOTAL,2021-01..2021-06,25,,,IRICA,,2021-08-01,
        IRN,KAZ,turnover,TOTAL,2021,100,,,IRICA,,2022-02-10,
        IRN,KAZ,turnover,TOTAL,2020-01..2020-06,50,,,IRICA,,2020-08-01,
        IRN,KAZ,turnover,TOTAL,2020,100,,,IRICA,,2021-02-01,
        IRN,KAZ,turnover,TOTAL,2019-01..2019-06,10,,,IRICA,,2022-07,
        IRN,KAZ,turnover,TOTAL,2019,100,,,IRICA,,2022-07,

        """

    @Test("a trial takes the reporter's own year first and the partner's where its own is missing, as published by its cut-off")
    func bothSidesAsPublished() async throws {
        let workspace = Workspace(store: try SQLiteLedgerStore(path: directory.path("backtest.sqlite")))
        _ = try await workspace.importFile(directory.write("figures.csv", Self.figures), as: "figures.csv")
        let backtest = try await workspace.backtest(TradeQuery(reporter: "KAZ", partner: "IRN"), calendar: .gregorian)
        let trial = try #require(backtest.trials.first { $0.year == .year(2022) })
        // 2021 is Kazakhstan's own share (0.4, not Iran's 0.25); 2020 Iran's (0.5); 2019 came out in July 2022, after the cut-off.
        #expect(trial.months == 6 && trial.knownBy.description == "2022-06-30")
        #expect(trial.nowcast.method.english == "seasonal shares of 2020, 2021")
        #expect(abs(trial.nowcast.fullYear - 30 / 0.45) < 1e-9 && trial.held == false)
        let (low, high) = (try #require(trial.nowcast.low), try #require(trial.nowcast.high))
        #expect(abs(low - 60) < 1e-9 && abs(high - 75) < 1e-9)
        #expect(backtest.trials.map(\.year.description) == ["2019", "2020", "2021", "2022"])
    }
}
