import CaravanCore

/// Why the two sides' figures differ: a waterfall from A's figure through each step to B's,
/// and the steps as a table with their methods and sources.
struct GapSection {
    let gap: TradeGap

    var html: HTML {
        guard let a = gap.a, let b = gap.b, let residual = gap.residualUSD else {
            return "<p class=\"empty\">\(GapText.missing(gap)).</p>"
        }
        var rows: [[HTML]] = [["\(a.economy) reports", "\(NumberText.grouped(a.valueUSD))", "\(GapText.side(a))"]]
        rows += gap.steps.map { ["\($0.kind.rawValue)", "\(NumberText.signed($0.amountUSD ?? 0))", "\($0.method)"] }
        rows += gap.notQuantified.map { ["\($0.kind.rawValue)", "not quantified", "\($0.method)"] }
        rows.append(["unexplained", "\(NumberText.signed(residual))", "what the steps do not explain"])
        rows.append(["\(b.economy) reports", "\(NumberText.grouped(b.valueUSD))", "\(GapText.side(b))"])
        return """
            <h2 id="gap">Why the two sides differ: \("\(a.economy) \(a.period) against \(b.economy) \(b.period)")</h2>
            \(waterfall(a: a, b: b, residual: residual))
            \(HTML.table(["step", "USD", "how"], rows, id: "gap-steps"))
            """
    }

    /// Bars from zero for the two figures, floating bars for the steps and the residual between them.
    private func waterfall(a: GapSide, b: GapSide, residual: Double) -> HTML {
        var bars: [(label: String, from: Double, to: Double, kind: String)] = [("\(a.economy) \(a.period)", 0, a.valueUSD, "side")]
        var level = a.valueUSD
        for step in gap.steps {
            let amount = step.amountUSD ?? 0
            bars.append((step.kind.rawValue, level, level + amount, "step"))
            level += amount
        }
        bars.append(("unexplained", level, level + residual, "residual"))
        bars.append(("\(b.economy) \(b.period)", 0, b.valueUSD, "side"))
        let top = max(bars.map { max($0.from, $0.to) }.max() ?? 1, 1)
        let (width, height, left, bottom) = (640.0, 260.0, 70.0, 40.0)
        let slot = (width - left) / Double(bars.count)
        func y(_ value: Double) -> Double { (height - bottom) * (1 - value / top) + 10 }
        let drawn = bars.enumerated().map { index, bar -> HTML in
            let x = left + Double(index) * slot + slot * 0.15
            let (low, high) = (min(bar.from, bar.to), max(bar.from, bar.to))
            let color = bar.kind == "side" ? "#2856a3" : bar.kind == "residual" ? "#9a9a9a" : (bar.to >= bar.from ? "#2e7d32" : "#b3261e")
            let change = bar.to - bar.from
            let shown = bar.kind == "side" ? HTMLReport.money(bar.to) : (change >= 0 ? "+" : "−") + HTMLReport.money(abs(change))
            let exact = bar.kind == "side" ? NumberText.grouped(bar.to) : NumberText.signed(change)
            return """
                <g><title>\(bar.label): \(exact) USD</title>\
                <rect x="\(NumberText.fixed(x, decimals: 1))" y="\(NumberText.fixed(y(high), decimals: 1))" \
                width="\(NumberText.fixed(slot * 0.7, decimals: 1))" height="\(NumberText.fixed(max(y(low) - y(high), 1), decimals: 1))" fill="\(color)"/>\
                <text x="\(NumberText.fixed(x + slot * 0.35, decimals: 1))" y="\(NumberText.fixed(y(high) - 4, decimals: 1))" \
                text-anchor="middle" font-size="11">\(shown)</text>\
                <text x="\(NumberText.fixed(x + slot * 0.35, decimals: 1))" y="\(NumberText.fixed(height - bottom + 26, decimals: 1))" \
                text-anchor="middle" font-size="11">\(bar.label)</text></g>
                """
        }
        return """
            <svg id="gap-waterfall" class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" \
            aria-label="\("From \(a.economy)'s figure to \(b.economy)'s, step by step")">\
            <line x1="\(Int(left))" y1="\(NumberText.fixed(y(0), decimals: 1))" x2="\(Int(width))" y2="\(NumberText.fixed(y(0), decimals: 1))" stroke="#444"/>\
            \(drawn)</svg>
            """
    }
}
