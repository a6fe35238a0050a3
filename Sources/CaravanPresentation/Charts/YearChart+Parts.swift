/// The parts of a year chart, each drawn in the order it claims room for its labels: legend, axes,
/// reference levels, marks, then the values by their marks where room is left.
extension YearChart {
    /// Where the plot lies within the chart, and where a year and a value fall on it.
    struct Plot {
        let size: ChartSize
        let height: Double
        let years: ClosedRange<Int>
        let ceiling: Double
        let left: Double
        let upper: Double
        let right: Double
        let lower = 34.0

        /// The width one year takes.
        var slot: Double { max((size.width - left - right) / Double(years.count), 1) }
        /// Where the plot ends on the right.
        var edge: Double { size.width - right }
        func x(_ year: Int) -> Double { left + (Double(year - years.lowerBound) + 0.5) * slot }
        /// Where a reference's line ends: at its year, or at the plot's edge when it has none or it is past the last.
        func end(of reference: Reference) -> Double {
            guard let year = reference.year, year <= years.upperBound else { return edge }
            return min(x(year) + slot * 0.5, edge)
        }
        func y(_ value: Double) -> Double { height - lower - value / ceiling * (height - upper - lower) }
    }

    /// A point as drawn: its series, and where its mark ended up.
    struct Placed {
        let point: Point
        let series: Int
        let x: Double
        let y: Double
        let latest: Bool
    }

    /// A swatch and name for each series with points, wrapping into rows; and the baseline of its last row.
    func legend(_ size: ChartSize, _ space: inout LabelSpace) -> ([HTML], Double) {
        let font = size.font
        var parts: [HTML] = []
        var (legendX, legendY) = (4.0, font + 4)
        for entry in series where !entry.points.isEmpty {
            let entryWidth = 16 + LabelSpace.textWidth(entry.name, size: font)
            if legendX + entryWidth > size.width { (legendX, legendY) = (4, legendY + font + 8) }
            parts.append(
                """
                <rect x="\(Chart.coordinate(legendX))" y="\(Chart.coordinate(legendY - font + 2))" width="11" height="11" fill="\(entry.color)"/>\
                \(space.text(entry.name, size: font, at: [(legendX + 15, legendY, .start)]))
                """)
            space.reserve(LabelSpace.Box(minX: legendX, minY: legendY - font, maxX: legendX + 14, maxY: legendY + 2))
            legendX += entryWidth + 10
        }
        return (parts, legendY)
    }

    /// Grid lines with their values up the side, where the latest value's and the targets' labels left room.
    func valueAxis(_ plot: Plot, ticks: [Double], _ space: inout LabelSpace) -> [HTML] {
        let font = plot.size.font
        var parts: [HTML] = []
        for value in ticks {
            parts.append(
                "<line x1=\"\(Chart.coordinate(plot.left))\" x2=\"\(Chart.coordinate(plot.edge))\" y1=\"\(Chart.coordinate(plot.y(value)))\" y2=\"\(Chart.coordinate(plot.y(value)))\" class=\"grid\"/>"
            )
            parts.append(space.text(format(value), size: font, at: [(plot.left - 6, plot.y(value) + font * 0.35, .end)], className: "axis"))
        }
        return parts
    }

    /// Years along the bottom, as many as fit, counted back from the last, so the latest is always named.
    func yearAxis(_ plot: Plot, _ space: inout LabelSpace) -> [HTML] {
        let font = plot.size.font
        var parts: [HTML] = []
        let label = axisLabel ?? { words.integer($0) }
        let widest = plot.years.map { LabelSpace.textWidth(label($0), size: font) }.max() ?? 30
        let every = max(1, Int(((widest + 6) / plot.slot).rounded(.up)))
        for year in stride(from: plot.years.upperBound, through: plot.years.lowerBound, by: -every) {
            parts.append(space.text(label(year), size: font, at: [(plot.x(year), plot.height - plot.lower + font + 6, .middle)], className: "axis"))
        }
        return parts
    }

    /// Each series' marks: bars side by side within a year, lines broken where a year is missing, points as circles
    /// moved aside where another series' point would hide them. The lines come first, so every mark is drawn over them.
    func marks(_ plot: Plot, _ space: inout LabelSpace) -> ([HTML], [Placed]) {
        let bars = series.filter { $0.style == .bars }.count
        let first = series.firstIndex { !$0.points.isEmpty }
        let latestYear = first.flatMap { series[$0].points.map(\.year).max() }
        var (lines, marks, placed): ([HTML], [HTML], [Placed]) = ([], [], [])
        for (index, entry) in series.enumerated() {
            for point in entry.points {
                let latest = index == first && point.year == latestYear && !placed.contains { $0.latest }
                switch entry.style {
                case .bars:
                    let barWidth = plot.slot * 0.7 / Double(max(1, bars))
                    let offset = Double(series[..<index].filter { $0.style == .bars }.count) * barWidth - plot.slot * 0.35
                    let box = LabelSpace.Box(
                        minX: plot.x(point.year) + offset, minY: plot.y(point.value), maxX: plot.x(point.year) + offset + barWidth, maxY: plot.y(0))
                    space.reserve(box)
                    let shape: HTML = """
                        <rect x="\(Chart.coordinate(box.minX))" y="\(Chart.coordinate(box.minY))" width="\(Chart.coordinate(barWidth))" \
                        height="\(Chart.coordinate(max(box.maxY - box.minY, 0.5)))" fill="\(entry.color)"/>
                        """
                    marks.append(mark(point, shape, plot, latest: latest))
                    placed.append(Placed(point: point, series: index, x: (box.minX + box.maxX) / 2, y: box.minY, latest: latest))
                case .line, .hollow:
                    let (cx, cy) = clear(plot.x(point.year), plot.y(point.value), of: placed, plot)
                    marks.append(circle(point, of: entry, at: (cx, cy), plot, &space, latest: latest))
                    placed.append(Placed(point: point, series: index, x: cx, y: cy, latest: latest))
                }
            }
            if entry.style == .line { lines += polylines(entry, plot) }
        }
        return (lines + marks, placed)
    }

    private func radius(_ plot: Plot) -> Double { plot.size == .wide ? 5 : 4 }

    /// Where a circle at (x, y) is seen whole: moved aside, right then left, from any point already drawn there, within
    /// the plot (the right margin is the targets' arrows'); left where it is when no place nearby is clear.
    private func clear(_ x: Double, _ y: Double, of placed: [Placed], _ plot: Plot) -> (Double, Double) {
        let step = radius(plot) * 2 + 1
        let free = [0, step, -step].map { x + $0 }.first { candidate in
            candidate >= plot.left + step / 2 && candidate <= plot.edge - step / 2
                && !placed.contains { abs($0.x - candidate) < step - 1 && abs($0.y - y) < step - 1 }
        }
        return (free ?? x, y)
    }

    /// One line per run of consecutive years: a missing year is a gap, not a straight line across it.
    private func polylines(_ entry: Series, _ plot: Plot) -> [HTML] {
        var runs: [[Point]] = []
        for point in entry.points.sorted(by: { $0.year < $1.year }) {
            if let previous = runs.last?.last, previous.year + 1 == point.year {
                runs[runs.count - 1].append(point)
            } else {
                runs.append([point])
            }
        }
        return runs.filter { $0.count > 1 }.map { run in
            let path = run.map { "\(Chart.coordinate(plot.x($0.year))),\(Chart.coordinate(plot.y($0.value)))" }.joined(separator: " ")
            return "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(entry.color)\" stroke-width=\"2.5\"/>"
        }
    }

    /// A point's circle, hollow or filled, with a wider transparent one a finger can tap.
    private func circle(
        _ point: Point, of entry: Series, at centre: (Double, Double), _ plot: Plot, _ space: inout LabelSpace, latest: Bool
    ) -> HTML {
        let radius = self.radius(plot)
        let (cx, cy) = centre
        space.reserve(LabelSpace.Box(minX: cx - radius, minY: cy - radius, maxX: cx + radius, maxY: cy + radius))
        let fill = entry.style == .hollow ? "white" : entry.color
        return mark(
            point,
            """
            <circle cx="\(Chart.coordinate(cx))" cy="\(Chart.coordinate(cy))" r="\(radius)" fill="\(fill)" \
            stroke="\(entry.color)" stroke-width="2"/><circle cx="\(Chart.coordinate(cx))" \
            cy="\(Chart.coordinate(cy))" r="14" fill="transparent"/>
            """, plot, latest: latest)
    }

    /// Targets: a dashed line at their level, ending at their year, with an arrow in the right margin for a year past the last.
    func referenceMarks(_ plot: Plot, _ space: inout LabelSpace) -> [HTML] {
        var parts: [HTML] = []
        for (index, reference) in references.enumerated() {
            let level = plot.y(reference.value)
            let pastLast = (reference.year ?? plot.years.upperBound) > plot.years.upperBound
            let end = plot.end(of: reference)
            parts.append(
                """
                <line x1="\(Chart.coordinate(plot.left))" x2="\(Chart.coordinate(end))" y1="\(Chart.coordinate(level))" y2="\(Chart.coordinate(level))" \
                stroke="\(reference.color)" stroke-dasharray="6 4" stroke-width="1.5" data-target="\(index)" data-value="\(reference.value)">\
                <title>\(reference.label)</title></line>
                """)
            // The line is kept clear of other values' labels; its own lies just above or below it.
            space.reserve(LabelSpace.Box(minX: plot.left, minY: level - 0.75, maxX: end, maxY: level + 0.75))
            if pastLast {
                let tip = plot.edge + 12
                let arrow = [(tip - 10, level - 6), (tip - 10, level + 6), (tip, level)].map { "\(Chart.coordinate($0)),\(Chart.coordinate($1))" }
                parts.append(
                    "<polygon points=\"\(arrow.joined(separator: " "))\" fill=\"\(reference.color)\"><title>\(reference.label)</title></polygon>")
                space.reserve(LabelSpace.Box(minX: tip - 10, minY: level - 6, maxX: tip, maxY: level + 6))
            }
        }
        return parts
    }
}
