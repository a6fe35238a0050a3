import CaravanCore

/// Why the two sides' figures differ: a waterfall from A's figure through each step to B's,
/// drawn as horizontal bars a row each (so it reads on a phone), and the steps as a table with
/// their methods and sources — a turnover told by direction, direction by direction — and the
/// sign rule: asked the other way round, only the signs change.
struct GapSection {
    let gap: TradeGap
    let words: Words

    var html: HTML {
        guard let a = gap.a, let b = gap.b, let residual = gap.residualUSD else {
            return "<p class=\"empty\">\(words.english(GapText.missing(gap) + "."))</p>"
        }
        var rows: [[HTML]] = [[side(a), words.amount(a.valueUSD), words.english(GapText.side(a))]]
        if let missing = gap.directionsMissing { rows.append(["\(words("gap.directions"))", "", words.english(missing)]) }
        if gap.directions.isEmpty {
            rows += gap.steps.map(stepRow)
        } else {
            // Each direction: its two figures, its steps, what they leave unexplained.
            for direction in gap.directions {
                let whose = words.english(
                    "\(direction.a.economy): \(GapText.side(direction.a)); \(direction.b.economy): \(GapText.side(direction.b))")
                rows.append(["\(self.direction(direction.exporter, direction.importer))", "", whose])
                rows += direction.steps.map(stepRow)
                let label = "\(words("gap.unexplained")) · \(self.direction(direction.exporter, direction.importer))"
                rows.append(["\(label)", "<span class=\"num\">\(signedMoney(direction.residualUSD))</span>", "\(words("gap.unexplained-how"))"])
            }
        }
        rows += gap.notQuantified.map { ["\(label($0))", "\(words("gap.not-quantified"))", words.english($0.method)] }
        let unexplained = gap.directions.isEmpty ? words("gap.unexplained-how") : words("gap.unexplained-both")
        rows.append(["\(words("gap.unexplained"))", "<span class=\"num\">\(signedMoney(residual))</span>", "\(unexplained)"])
        rows.append([side(b), words.amount(b.valueUSD), words.english(GapText.side(b))])
        let heading = words(
            "gap.heading",
            [
                "a": words.country(a.economy), "aPeriod": words.period(a.period), "b": words.country(b.economy), "bPeriod": words.period(b.period),
            ])
        let signRule = words("gap.sign-rule", ["a": words.country(b.economy), "b": words.country(a.economy)])
        return """
            <h2 id="gap">\(heading)</h2>
            \(ChartSize.both(download: "gap-waterfall", words: words) { waterfall(a: a, b: b, residual: residual, size: $0) })
            \(HTML.table(["step", "amount", "how"].map { words("column.\($0)") }, rows, id: "gap-steps", lead: [1]))
            <p id="gap-sign">\(signRule)</p>
            """
    }

    private func stepRow(_ step: GapStep) -> [HTML] {
        ["\(label(step))", "<span class=\"num\">\(signedMoney(step.amountUSD ?? 0))</span>", words.english(step.method)]
    }

    /// A step's kind, and in a turnover told by direction, whose goods.
    private func label(_ step: GapStep) -> String {
        let kind = words("gap.\(step.kind.rawValue)")
        return step.direction.map { "\(kind) · \(direction($0.exporter, $0.importer))" } ?? kind
    }

    private func direction(_ exporter: String, _ importer: String) -> String {
        words("gap.direction", ["exporter": words.country(exporter), "importer": words.country(importer)])
    }

    private func side(_ side: GapSide) -> HTML { "\(words("gap.reports", ["economy": words.country(side.economy)]))" }

    private func signedMoney(_ amount: Double) -> String { (amount > 0 ? "+" : "") + words.money(amount) }

    /// A bar in the waterfall: what it is, where it runs from and to, and whether it is a side's figure, a step or the rest.
    private typealias Bar = (label: String, from: Double, to: Double, kind: String)

    /// A side's figure from zero, then each step and what is left unexplained from where the last ended, then the other side.
    private func bars(a: GapSide, b: GapSide, residual: Double) -> [Bar] {
        var bars: [Bar] = [(words("gap.reports", ["economy": words.country(a.economy)]) + " " + words.period(a.period), 0, a.valueUSD, "side")]
        var level = a.valueUSD
        func add(_ steps: [GapStep]) {
            for step in steps {
                let amount = step.amountUSD ?? 0
                bars.append((label(step), level, level + amount, "step"))
                level += amount
            }
        }
        if gap.directions.isEmpty {
            add(gap.steps)
            bars.append((words("gap.unexplained"), level, level + residual, "residual"))
        }
        // A direction's bars end with what its steps leave unexplained; the last one ends at B's figure.
        for direction in gap.directions {
            add(direction.steps)
            let rest = "\(words("gap.unexplained")) · \(self.direction(direction.exporter, direction.importer))"
            bars.append((rest, level, level + direction.residualUSD, "residual"))
            level += direction.residualUSD
        }
        bars.append((words("gap.reports", ["economy": words.country(b.economy)]) + " " + words.period(b.period), 0, b.valueUSD, "side"))
        return bars
    }

    /// The waterfall drawn as a row a bar, each named above it with its amount beside it, on a money axis along the bottom.
    private func waterfall(a: GapSide, b: GapSide, residual: Double, size: ChartSize) -> HTML {
        let bars = self.bars(a: a, b: b, residual: residual)
        let (font, width) = (size.font, size.width)
        let row = font * 2 + 18
        let plotBottom = Double(bars.count) * row + 6
        let height = plotBottom + font + 12
        let ticks = Chart.ticks(upTo: max(bars.map { max($0.from, $0.to) }.max() ?? 1, 1), count: size == .wide ? 5 : 3)
        let top = ticks.last ?? 1
        // Room on the right for the widest amount beside its bar, and for the axis' last value centred on its tick.
        let widest = bars.map { LabelSpace.textWidth($0.kind == "side" ? words.money($0.to) : signedMoney($0.to - $0.from), size: font) }.max() ?? 40
        let (left, right) = (4.0, width - max(widest + 8, LabelSpace.textWidth(words.money(top), size: font) / 2 + 4))
        func x(_ value: Double) -> Double { left + max(value, 0) / top * (right - left) }
        var space = LabelSpace(width: width, height: height)
        var axis: [HTML] = ticks.map { tick -> HTML in
            let at = Chart.coordinate(x(tick))
            return """
                <line x1="\(at)" x2="\(at)" y1="0" y2="\(Chart.coordinate(plotBottom))" class="grid"/>\
                \(space.text(words.money(tick), size: font, at: [(x(tick), height - 5, .middle), (x(tick), height - 5, .start), (x(tick), height - 5, .end)], className: "axis"))
                """
        }
        axis.append(
            "<line x1=\"\(Chart.coordinate(left))\" x2=\"\(Chart.coordinate(right))\" y1=\"\(Chart.coordinate(plotBottom))\" y2=\"\(Chart.coordinate(plotBottom))\" stroke=\"#444\"/>"
        )
        let drawn = bars.enumerated().map { index, bar -> HTML in
            let y = 4 + Double(index) * row
            let (low, high) = (min(bar.from, bar.to), max(bar.from, bar.to))
            let color = bar.kind == "side" ? "#2856a3" : bar.kind == "residual" ? "#8a8a8a" : (bar.to >= bar.from ? "#2e7d32" : "#b3261e")
            let change = bar.to - bar.from
            let shown = bar.kind == "side" ? words.money(bar.to) : signedMoney(change)
            let exact = bar.kind == "side" ? words.number(bar.to) : words.digits(NumberText.signed(change))
            let barY = y + font + 8
            let shape = LabelSpace.Box(minX: x(low), minY: barY, maxX: max(x(high), x(low) + 1), maxY: barY + font)
            space.reserve(shape)
            let name = space.text(bar.label, size: font, at: [(left, y + font, .start)], required: true, data: " data-bar=\"\(index)\"")
            let value = space.text(
                shown, size: font, at: [(shape.maxX + 4, barY + font - 2, .start), (shape.minX - 4, barY + font - 2, .end)], className: "value")
            return """
                <g><title>\(bar.label): \(exact) \(words("unit.usd"))</title>\
                <rect x="\(Chart.coordinate(shape.minX))" y="\(Chart.coordinate(barY))" width="\(Chart.coordinate(shape.maxX - shape.minX))" \
                height="\(Int(font))" fill="\(color)"/></g>\(name)\(value)
                """
        }
        let aria = words("gap.chart", ["a": words.country(a.economy), "b": words.country(b.economy)])
        return """
            <svg id="gap-waterfall\(size.suffix)" class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-label="\(aria)" \
            data-axis-min="0" data-axis-max="\(top)" data-bars="\(bars.count)" xmlns="http://www.w3.org/2000/svg">\(axis)\(drawn)</svg>
            """
    }
}
