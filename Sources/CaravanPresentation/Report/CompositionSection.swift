import CaravanCore
import CaravanService

/// What a pair trades, as bars of each product's share with the rest as "other", and beside it
/// the tariff coverage of the pair's schedules: the two shares "tariffs removed on N% of goods"
/// can mean.
struct CompositionSection {
    let composition: ProductComposition?
    let coverage: [TariffCoverage]

    var html: HTML {
        var parts: [HTML] = ["<h2>What is traded</h2>"]
        if let composition, !composition.products.isEmpty {
            let query = composition.query
            let what = "\(query.reporter)–\(query.partner) \(query.flow.rawValue), \(composition.period), by HS \(composition.level.rawValue)"
            parts.append("<p>\(what): \(NumberText.grouped(composition.totalUSD)) USD.</p>")
            parts.append(Self.bars(composition))
            if let latest = composition.concentration.last {
                parts.append(
                    """
                    <p id="concentration">Concentration in \(latest.period.description): HHI \(NumberText.fixed(latest.hhi, decimals: 0)) \
                    (10,000 = one product); \(latest.productsFor80Pct) of \(latest.products) products make 80% of the value.</p>
                    """)
            }
        } else {
            parts.append(
                "<p class=\"note\" id=\"composition\">No figures of this pair at an HS level are stored: import a Comtrade or BACI file to see what is traded.</p>"
            )
        }
        parts.append(coverageHTML)
        return parts.joined(separator: "\n")
    }

    /// Horizontal bars, largest first, each titled with its value, change and source.
    static func bars(_ composition: ProductComposition) -> HTML {
        let rows = composition.products + (composition.other.map { [$0] } ?? [])
        let (width, rowHeight, left) = (720.0, 24.0, 250.0)
        let scale = max(rows.map(\.sharePct).max() ?? 1, 1)
        var parts: [HTML] = [
            """
            <svg id="composition-chart" class="chart" viewBox="0 0 \(Int(width)) \(Int(Double(rows.count) * rowHeight + 10))" role="img" \
            xmlns="http://www.w3.org/2000/svg">
            """,
            "<title>Each product's share of the value</title>",
        ]
        for (index, share) in rows.enumerated() {
            let y = 4 + Double(index) * rowHeight
            let length = share.sharePct / scale * (width - left - 70)
            let label = share.count.map { "\($0) other products" } ?? "\(share.code) \(share.name ?? "")"
            let sources = share.sources.map { "\($0.provider)\($0.published.map { " \($0)" } ?? "") (\($0.file.split(separator: "/").last ?? ""))" }
            let note =
                "\(label): \(NumberText.grouped(share.valueUSD)) USD, \(NumberText.fixed(share.sharePct, decimals: 1))%"
                + (share.changePct.map { ", \(NumberText.percent($0)) on \(composition.versus)" } ?? "")
                + (sources.isEmpty ? "" : " — " + Array(Set(sources)).sorted().joined(separator: "; "))
            parts.append(
                """
                <text x="0" y="\(y + 14)" class="label">\(String(label.prefix(38)))</text>\
                <rect x="\(left)" y="\(y)" width="\(max(length, 1))" height="17" fill="\(share.count == nil ? "#2856a3" : "#9aa7bd")"><title>\(note)</title></rect>\
                <text x="\(left + length + 5)" y="\(y + 14)" class="label">\(NumberText.fixed(share.sharePct, decimals: 1))%</text>
                """)
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private static func percent(_ value: Double?, decimals: Int = 1) -> String {
        value.map { NumberText.fixed($0, decimals: decimals) + (decimals == 1 ? "%" : "") } ?? "—"
    }

    private static func row(_ coverage: TariffCoverage) -> [HTML] {
        let lines = coverage.lines
        var trade = "no subheading imports"
        if let value = coverage.trade {
            trade = "\(NumberText.grouped(value.liberalizedUSD)) of \(NumberText.grouped(value.withRateUSD)) USD, \(value.period)"
        }
        let sources = coverage.sources.map { HTML.link($0.provider + ($0.published.map { " \($0)" } ?? ""), $0.url) }
        return [
            "\(coverage.reporter) for \(coverage.regime)", "\(coverage.scheduleDate)", "\(percent(lines.liberalizedPct))",
            "\(lines.liberalized) of \(lines.withRate)", "\(percent(coverage.trade?.liberalizedPct))", "\(trade)",
            "\(percent(lines.meanMarginPct, decimals: 2))", "\(percent(coverage.trade?.weightedMarginPct, decimals: 2))",
            sources.joined(separator: "; "),
        ]
    }

    private var coverageHTML: HTML {
        guard !coverage.isEmpty else {
            return
                "<p class=\"note\" id=\"tariff-coverage\">No tariff schedule of either side is stored, so what a preference covers cannot be said (docs/products.md).</p>"
        }
        return "<h3>Tariff coverage</h3>"
            + HTML.table(
                [
                    "schedule", "on", "lines liberalized", "lines", "trade in them", "trade", "mean margin (pts)", "trade-weighted margin (pts)",
                    "source",
                ], coverage.map(Self.row), id: "tariff-coverage")
    }
}
