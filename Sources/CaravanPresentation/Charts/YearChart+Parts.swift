/// The parts of a year chart, each drawn in the order it claims room for its labels: legend, axes,
/// marks, reference levels, then the values by their marks where room is left.
extension YearChart {
    /// Where the plot lies within the chart, and where a year and a value fall on it.
    struct Plot {
        let size: ChartSize
        let height: Double
        let years: ClosedRange<Int>
        let ceiling: Double
        let left: Double
        let upper: Double
        let right = 14.0
        let lower = 34.0

        /// The width one year takes.
        var slot: Double { max((size.width - left - right) / Double(years.count), 1) }
        func x(_ year: Int) -> Double { left + (Double(year - years.lowerBound) + 0.5) * slot }
        func y(_ value: Double) -> Double { height - lower - value / ceiling * (height - upper - lower) }
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

    /// Grid lines with their values up the side; years along the bottom, as many as fit.
    func axes(_ plot: Plot, ticks: [Double], _ space: inout LabelSpace) -> [HTML] {
        let font = plot.size.font
        var parts: [HTML] = []
        for value in ticks {
            parts.append(
                "<line x1=\"\(Chart.coordinate(plot.left))\" x2=\"\(Chart.coordinate(plot.size.width - plot.right))\" y1=\"\(Chart.coordinate(plot.y(value)))\" y2=\"\(Chart.coordinate(plot.y(value)))\" class=\"grid\"/>"
            )
            parts.append(space.text(format(value), size: font, at: [(plot.left - 6, plot.y(value) + font * 0.35, .end)], className: "axis"))
        }
        let label = axisLabel ?? { words.integer($0) }
        let widest = plot.years.map { LabelSpace.textWidth(label($0), size: font) }.max() ?? 30
        let every = max(1, Int(((widest + 6) / plot.slot).rounded(.up)))
        for year in stride(from: plot.years.lowerBound, through: plot.years.upperBound, by: every) {
            parts.append(space.text(label(year), size: font, at: [(plot.x(year), plot.height - plot.lower + font + 6, .middle)], className: "axis"))
        }
        return parts
    }

    /// Each series' marks: bars side by side within a year, lines broken where a year is missing, points as circles.
    /// The lines come first, so every mark is drawn over them.
    func marks(_ plot: Plot, _ space: inout LabelSpace) -> [HTML] {
        let bars = series.filter { $0.style == .bars }.count
        var (lines, marks): ([HTML], [HTML]) = ([], [])
        for (index, entry) in series.enumerated() {
            switch entry.style {
            case .bars:
                let barWidth = plot.slot * 0.7 / Double(max(1, bars))
                let offset = Double(series[..<index].filter { $0.style == .bars }.count) * barWidth - plot.slot * 0.35
                for point in entry.points {
                    let box = LabelSpace.Box(
                        minX: plot.x(point.year) + offset, minY: plot.y(point.value), maxX: plot.x(point.year) + offset + barWidth, maxY: plot.y(0))
                    space.reserve(box)
                    marks.append(
                        mark(
                            point,
                            """
                            <rect x="\(Chart.coordinate(box.minX))" y="\(Chart.coordinate(box.minY))" width="\(Chart.coordinate(barWidth))" \
                            height="\(Chart.coordinate(max(box.maxY - box.minY, 0.5)))" fill="\(entry.color)"/>
                            """))
                }
            case .line, .hollow:
                if entry.style == .line { lines += polylines(entry, plot) }
                for point in entry.points { marks.append(circle(point, of: entry, plot, &space)) }
            }
        }
        return lines + marks
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
    private func circle(_ point: Point, of entry: Series, _ plot: Plot, _ space: inout LabelSpace) -> HTML {
        let radius = plot.size == .wide ? 5.0 : 4.0
        let (cx, cy) = (plot.x(point.year), plot.y(point.value))
        space.reserve(LabelSpace.Box(minX: cx - radius, minY: cy - radius, maxX: cx + radius, maxY: cy + radius))
        let fill = entry.style == .hollow ? "white" : entry.color
        return mark(
            point,
            """
            <circle cx="\(Chart.coordinate(cx))" cy="\(Chart.coordinate(cy))" r="\(radius)" fill="\(fill)" \
            stroke="\(entry.color)" stroke-width="2"/><circle cx="\(Chart.coordinate(cx))" \
            cy="\(Chart.coordinate(cy))" r="14" fill="transparent"/>
            """)
    }

    /// Targets: a dashed line where they fall inside the chart, a marker at its edge where they do not; each labelled.
    func referenceMarks(_ plot: Plot, _ space: inout LabelSpace) -> [HTML] {
        let font = plot.size.font
        var parts: [HTML] = []
        for reference in references {
            let beyondTop = reference.value > plot.ceiling
            let beyondRight = (reference.year ?? plot.years.upperBound) > plot.years.upperBound
            let level = plot.y(min(reference.value, plot.ceiling))
            let edge = plot.size.width - plot.right
            let end = reference.year.map { min(plot.x($0) + plot.slot * 0.5, edge) } ?? edge
            if beyondTop || beyondRight {
                let (tipX, tipY) = (end - 6, level)
                let arrow =
                    beyondTop
                    ? "\(tipX - 6),\(tipY + 10) \(tipX + 6),\(tipY + 10) \(tipX),\(tipY)"
                    : "\(tipX - 8),\(tipY - 6) \(tipX - 8),\(tipY + 6) \(tipX + 4),\(tipY)"
                parts.append("<polygon points=\"\(arrow)\" fill=\"\(reference.color)\"><title>\(reference.label)</title></polygon>")
                space.reserve(LabelSpace.Box(minX: tipX - 8, minY: tipY - 6, maxX: tipX + 6, maxY: tipY + 10))
            } else {
                parts.append(
                    """
                    <line x1="\(Chart.coordinate(plot.left))" x2="\(Chart.coordinate(end))" y1="\(Chart.coordinate(level))" y2="\(Chart.coordinate(level))" \
                    stroke="\(reference.color)" stroke-dasharray="6 4" stroke-width="1.5"><title>\(reference.label)</title></line>
                    """)
            }
            let below = beyondTop ? level + font + 12 : level + font + 4
            parts.append(
                space.text(
                    reference.label, size: font,
                    at: [
                        (end - 14, beyondTop ? below : level - 5, .end), (end - 14, below, .end), (plot.left + 4, level - 5, .start),
                        (plot.left + 4, below, .start),
                    ],
                    fill: reference.color))
        }
        return parts
    }

    /// Each value by its mark where it fits: above, else below (bars only when few enough to read).
    func valueLabels(_ plot: Plot, _ space: inout LabelSpace) -> [HTML] {
        var parts: [HTML] = []
        for entry in series where entry.style != .bars || entry.points.count <= 12 {
            for point in entry.points {
                let (px, py) = (plot.x(point.year), plot.y(point.value))
                parts.append(
                    space.text(
                        format(point.value), size: plot.size.font, at: [(px, py - 9, .middle), (px, py + plot.size.font + 8, .middle)],
                        className: "value"))
            }
        }
        return parts
    }
}
