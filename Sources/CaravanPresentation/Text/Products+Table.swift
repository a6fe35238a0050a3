import CaravanCore
import CaravanService

extension ProductComposition: Sectioned {
    public var sections: [TableSection] {
        let versusTotal = versusTotalUSD.map { ", \(NumberText.grouped($0)) USD in \(versus)" } ?? ""
        let lead =
            "\(query.reporter)–\(query.partner) \(query.flow.rawValue), \(period), by HS \(level.rawValue): "
            + "\(NumberText.grouped(totalUSD)) USD\(versusTotal)."
        var result = [TableSection(title: "Products", lead: lead, table: Self.shares(products + (other.map { [$0] } ?? [])))]
        result.append(
            TableSection(
                title: "Concentration",
                lead: "Herfindahl–Hirschman index of the products' shares (10,000 = one product) and how many products make 80% of the value.",
                table: TextTable(
                    columns: [
                        .init("period"), .init("products", numeric: true), .init("hhi", numeric: true), .init("products_for_80pct", numeric: true),
                    ],
                    rows: concentration.map {
                        [$0.period.description, String($0.products), NumberText.fixed($0.hhi, decimals: 0), String($0.productsFor80Pct)]
                    })))
        if !gainers.isEmpty { result.append(TableSection(title: "Gained most since \(versus)", table: Self.shares(gainers))) }
        if !losers.isEmpty { result.append(TableSection(title: "Lost most since \(versus)", table: Self.shares(losers))) }
        return result
    }

    static func shares(_ shares: [ProductShare]) -> TextTable {
        TextTable(
            columns: [
                .init("code"), .init("product"), .init("value_usd", numeric: true), .init("share_pct", numeric: true),
                .init("change_pct", numeric: true), .init("quantity_t", numeric: true), .init("usd_per_t", numeric: true), .init("sources"),
            ],
            rows: shares.map { share in
                [
                    share.code, share.count.map { "\($0) other products" } ?? String((share.name ?? "").prefix(60)),
                    NumberText.grouped(share.valueUSD), NumberText.fixed(share.sharePct, decimals: 1),
                    share.changePct.map(NumberText.percent) ?? "", share.quantityT.map(NumberText.grouped) ?? "",
                    share.unitValueUSDPerT.map(NumberText.grouped) ?? "", CitationText.list(share.sources),
                ]
            })
    }
}

extension TariffCoverage: Sectioned {
    public var sections: [TableSection] {
        var rows = [
            [
                "tariff lines liberalized", lines.liberalizedPct.map { NumberText.fixed($0, decimals: 1) + "%" } ?? "—",
                "\(NumberText.grouped(Double(lines.liberalized))) of \(NumberText.grouped(Double(lines.withRate))) subheadings with a rate, of \(NumberText.grouped(Double(lines.total))) in the nomenclature",
            ],
            [
                "mean preference margin", lines.meanMarginPct.map { NumberText.fixed($0, decimals: 2) + " pts" } ?? "—",
                "MFN less preferential, simple mean",
            ],
            ["lines duty-free at MFN", String(lines.mfnFree), "a preference cannot cut these"],
        ]
        if let trade {
            rows += [
                [
                    "trade in liberalized lines", trade.liberalizedPct.map { NumberText.fixed($0, decimals: 1) + "%" } ?? "—",
                    "\(NumberText.grouped(trade.liberalizedUSD)) of \(NumberText.grouped(trade.withRateUSD)) USD of \(reporter) imports from \(partner), \(trade.period)",
                ],
                [
                    "trade-weighted margin", trade.weightedMarginPct.map { NumberText.fixed($0, decimals: 2) + " pts" } ?? "—",
                    "weighted by each line's imports",
                ],
                ["imports in lines without a rate", NumberText.grouped(trade.totalUSD - trade.withRateUSD), "USD"],
            ]
        } else {
            rows.append(["trade in liberalized lines", "—", "no \(reporter) imports from \(partner) at the subheading level in the store"])
        }
        let lead =
            "\(reporter)'s schedule for \(regime) on \(scheduleDate); sources: \(sources.map { $0.provider + ($0.published.map { " \($0)" } ?? "") }.joined(separator: "; "))."
        return [
            TableSection(
                title: "Tariff coverage", lead: lead,
                table: TextTable(columns: [.init("measure"), .init("value", numeric: true), .init("of what")], rows: rows))
        ]
    }
}

extension PublishedCoverageAnswer: Sectioned {
    public var sections: [TableSection] {
        let pairs = Set(figures.map { [$0.reporter, $0.partner].sorted().joined(separator: "–") }).sorted().joined(separator: ", ")
        let lead = """
            No tariff schedule of \(reporter) for \(partner) is stored, so no share is computed here; to compute them, import one:
              caravan import schedule.csv   # reporter,partner_or_regime,hs_code,mfn_rate_pct,preferential_rate_pct,effective_from,source,url
            What the \(pairs) agreements are published to cover, as quoted (not computed; where figures disagree, all are kept):
            """
        return [
            TableSection(
                title: "Tariff coverage, as published", lead: lead,
                table: TextTable(
                    columns: [.init("sides"), .init("period"), .init("value", numeric: true), .init("of what"), .init("source")],
                    rows: figures.map { figure in
                        [
                            "\(figure.reporter)–\(figure.partner)", figure.period,
                            figure.unit.hasPrefix("percent ") ? NumberText.fixed(figure.value, decimals: 0) + "%" : NumberText.grouped(figure.value),
                            figure.unit,
                            figure.source,
                        ]
                    }))
        ]
    }
}
