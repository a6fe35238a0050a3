import CaravanCore
import CaravanDossier

extension NowcastBacktest: Sectioned {
    /// Each cut-off summed up, then every trial.
    public var sections: [TableSection] {
        [
            TableSection(
                title: "By cut-off",
                table: TextTable(
                    columns: [
                        .init("months", numeric: true), .init("trials", numeric: true), .init("nowcast_mape_pct", numeric: true),
                        .init("by_days_mape_pct", numeric: true), .init("interval_held", numeric: true),
                    ],
                    rows: cutOffs.map { cut in
                        [
                            String(cut.months), String(cut.trials), NumberText.fixed(cut.nowcastMAPE, decimals: 1),
                            NumberText.fixed(cut.byDaysMAPE, decimals: 1), cut.intervals == 0 ? "no interval" : "\(cut.held) of \(cut.intervals)",
                        ]
                    })),
            TableSection(
                title: "Every trial",
                table: TextTable(
                    columns: [
                        .init("year"), .init("months", numeric: true), .init("known_by"), .init("so_far_usd", numeric: true),
                        .init("nowcast_usd", numeric: true),
                        .init("interval_usd"), .init("by_days_usd", numeric: true), .init("outturn_usd", numeric: true),
                        .init("nowcast_error_pct", numeric: true), .init("by_days_error_pct", numeric: true), .init("method"),
                    ],
                    rows: trials.map { trial in
                        [
                            trial.year.description, String(trial.months), trial.knownBy.description, NumberText.grouped(trial.soFar),
                            NumberText.grouped(trial.nowcast.fullYear),
                            trial.nowcast.low.map { low in "\(NumberText.grouped(low))–\(NumberText.grouped(trial.nowcast.high ?? low))" } ?? "",
                            NumberText.grouped(trial.byDays), NumberText.grouped(trial.outturn), NumberText.fixed(trial.nowcastError, decimals: 1),
                            NumberText.fixed(trial.byDaysError, decimals: 1), trial.nowcast.method.english,
                        ]
                    })),
        ]
    }
}
