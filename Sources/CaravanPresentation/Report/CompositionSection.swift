import CaravanCore
import CaravanService

/// What a pair trades, as bars of each product's share with the rest as "other", and beside it
/// the tariff coverage of the pair's schedules: the two shares "tariffs removed on N% of goods"
/// can mean.
struct CompositionSection {
    let composition: ProductComposition?
    let coverage: [TariffCoverage]
    let words: Words
    /// The agreements' coverage as published, shown when no schedule gives `coverage`.
    var published: [PublishedCoverage] = []

    var html: HTML {
        var parts: [HTML] = ["<h2>\(words("composition.heading"))</h2>"]
        if let composition, !composition.products.isEmpty {
            let query = composition.query
            let what = words(
                "composition.what",
                [
                    "reporter": words.country(query.reporter), "partner": words.country(query.partner), "flow": words("flow.\(query.flow.rawValue)"),
                    "period": words.period(composition.period), "level": words("level.\(composition.level.rawValue)"),
                ])
            parts.append("<p>\(what): \(words.amount(composition.totalUSD))</p>")
            parts.append(ChartSize.both(download: "composition-chart", words: words) { bars(composition, size: $0) })
            if let latest = composition.concentration.last {
                let text = words(
                    "composition.concentration",
                    [
                        "period": words.period(latest.period), "hhi": words.number(latest.hhi, decimals: 0),
                        "few": words.integer(latest.productsFor80Pct), "all": words.integer(latest.products),
                    ])
                parts.append("<p id=\"concentration\">\(text)</p>")
            }
        } else {
            parts.append("<p class=\"note\" id=\"composition\">\(words("composition.none"))</p>")
        }
        parts.append(coverageHTML)
        return parts.joined(separator: "\n")
    }

    /// Horizontal bars, largest first, each product named above its bar and titled with its value, change and source.
    func bars(_ composition: ProductComposition, size: ChartSize) -> HTML {
        let rows = composition.products + (composition.other.map { [$0] } ?? [])
        let (width, font) = (size.width, size.font)
        let row = font * 2 + 12
        let height = Double(rows.count) * row + 6
        let scale = max(rows.map(\.sharePct).max() ?? 1, 1)
        var space = LabelSpace(width: width, height: height)
        var parts: [HTML] = [
            "<svg id=\"composition-chart\(size.suffix)\" class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<title>\(words("composition.chart"))</title>",
        ]
        let longest = Int((width - 8) / (font * 0.64)) - 1
        var printed: Set<String> = []
        for (index, share) in rows.enumerated() {
            let y = 3 + Double(index) * row
            let length = share.sharePct / scale * (width - 70)
            let label = share.count.map { words("composition.other", ["count": words.integer($0)]) } ?? "\(share.code) \(share.name ?? "")"
            let sources = share.sources.map { "\($0.provider)\($0.published.map { " \($0)" } ?? "") (\($0.file.split(separator: "/").last ?? ""))" }
            let note =
                "\(label): \(words.number(share.valueUSD)) \(words("unit.usd")), \(words.number(share.sharePct, decimals: 1))%"
                + (share.changePct.map { ", \(words.percent($0))" } ?? "")
                + (sources.isEmpty ? "" : " — " + Array(Set(sources)).sorted().joined(separator: "; "))
            let shown = label.count > longest ? String(label.prefix(longest - 1)) + "…" : label
            parts.append(space.text(shown, size: font, at: [(2, y + font, .start)]))
            let barY = y + font + 4
            space.reserve(LabelSpace.Box(minX: 2, minY: barY, maxX: 2 + max(length, 1), maxY: barY + 14))
            parts.append(
                """
                <rect x="2" y="\(Chart.coordinate(barY))" width="\(Chart.coordinate(max(length, 1)))" height="14" fill="\(share.count == nil ? "#2856a3" : "#9aa7bd")"><title>\(note)</title></rect>
                """)
            // A share already written by a bar above is not written again: the bar's length and title say it.
            let shareText = words.digits(NumberText.fixed(share.sharePct, decimals: 1) + "%")
            guard !printed.contains(shareText) else { continue }
            let written = space.text(shareText, size: font, at: [(length + 8, barY + 12, .start)], className: "value")
            if !written.isEmpty { printed.insert(shareText) }
            parts.append(written)
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private func percent(_ value: Double?, decimals: Int = 1) -> String {
        value.map { words.digits(NumberText.fixed($0, decimals: decimals) + (decimals == 1 ? "%" : "")) } ?? "—"
    }

    private func row(_ coverage: TariffCoverage) -> [HTML] {
        let lines = coverage.lines
        var trade = words("tariff.no-imports")
        if let value = coverage.trade {
            trade = words(
                "tariff.trade",
                ["liberalized": words.money(value.liberalizedUSD), "all": words.money(value.withRateUSD), "period": words.period(value.period)])
        }
        let sources = coverage.sources.map { HTML.link($0.provider + ($0.published.map { " \(words.date($0))" } ?? ""), $0.url) }
        return [
            "\(words("tariff.schedule", ["reporter": words.country(coverage.reporter), "regime": coverage.regime]))",
            "\(words.date(coverage.scheduleDate))",
            "\(percent(lines.liberalizedPct))",
            "\(words("tariff.lines", ["liberalized": words.number(Double(lines.liberalized)), "all": words.number(Double(lines.withRate))]))",
            "\(percent(coverage.trade?.liberalizedPct))", "\(trade)",
            "\(percent(lines.meanMarginPct, decimals: 2))", "\(percent(coverage.trade?.weightedMarginPct, decimals: 2))",
            sources.joined(separator: "; "),
        ]
    }

    private var coverageHTML: HTML {
        guard !coverage.isEmpty else {
            return published.isEmpty ? "<p class=\"note\" id=\"tariff-coverage\">\(words("tariff.none"))</p>" : publishedHTML
        }
        return "<h3>\(words("tariff.heading"))</h3>"
            + HTML.table(
                ["schedule", "on", "lines-liberalized", "lines", "trade-in-them", "trade", "mean-margin", "weighted-margin", "source"].map {
                    words("column.\($0)")
                }, coverage.map(row), id: "tariff-coverage", lead: [2])
    }

    /// The published figures, each as its source put it and linked to it: quoted, never computed.
    private var publishedHTML: HTML {
        let rows = published.map { figure -> [HTML] in
            let value =
                figure.unit.hasPrefix("percent ") ? words.digits(NumberText.fixed(figure.value, decimals: 0) + "%") : words.number(figure.value)
            return [
                "\(words.country(figure.reporter)) – \(words.country(figure.partner))", "\(figure.period)", "\(value)", "\(figure.unit)",
                HTML.link(figure.source, figure.url),
            ]
        }
        return "<h3>\(words("tariff.published-heading"))</h3><p class=\"note\">\(words("tariff.published-note"))</p>"
            + HTML.table(
                ["sides", "period", "value", "of-what", "source"].map { words("column.\($0)") }, rows, id: "tariff-coverage", lead: [2])
    }
}
