import CaravanCore

/// A chart of values by year (or by position, for finer series) as inline SVG, readable without
/// JavaScript and on a phone: the value axis scaled to what was observed, a target beyond it
/// drawn as a labelled marker at the edge; lines broken where a year is missing; each value
/// written by its mark where it fits; and every mark a link to its table row, where its figure
/// and source are, so a tap reaches them as a hover does.
struct YearChart: Sendable {
    enum Style: Sendable { case bars, line, hollow }

    struct Point: Sendable {
        var year: Int
        var value: Double
        var note: String
        /// The table row holding the figure and its source (`#trade-series-2024`).
        var row: String?

        init(year: Int, value: Double, note: String, row: String? = nil) {
            self.year = year
            self.value = value
            self.note = note
            self.row = row
        }
    }

    struct Series: Sendable {
        var name: String
        var points: [Point]
        var style: Style
        var color: String
    }

    /// A level to compare with (a target, a capacity), up to a year.
    struct Reference: Sendable {
        var label: String
        var value: Double
        var year: Int?
        var color: String
    }

    var id: String
    var title: String
    var series: [Series]
    var references: [Reference] = []
    var words: Words
    /// How a value is written on the axis and by its mark ($340M, 12.5 Mt).
    var format: @Sendable (Double) -> String
    /// The label under an x position: the year itself, unless the chart counts something else.
    var axisLabel: (@Sendable (Int) -> String)?

    var html: HTML { ChartSize.both(svg) }

    func svg(_ size: ChartSize) -> HTML {
        let font = size.font
        let width = size.width
        let observed = series.flatMap(\.points)
        guard let first = observed.map(\.year).min(), let last = observed.map(\.year).max() else {
            return """
                <svg id="\(id + size.suffix)" class="chart" viewBox="0 0 \(Int(width)) 60" role="img"><title>\(title)</title>\
                <text x="10" y="30" font-size="\(Int(font))">\(words("chart.empty"))</text></svg>
                """
        }
        let height = size == .wide ? 340.0 : 300.0
        var space = LabelSpace(width: width, height: height)
        var parts: [HTML] = []
        // The legend first, wrapping into rows: it decides where the plot begins.
        var (legendX, legendY) = (4.0, font + 4)
        for entry in series where !entry.points.isEmpty {
            let entryWidth = 16 + LabelSpace.textWidth(entry.name, size: font)
            if legendX + entryWidth > width { (legendX, legendY) = (4, legendY + font + 8) }
            parts.append(
                """
                <rect x="\(Chart.coordinate(legendX))" y="\(Chart.coordinate(legendY - font + 2))" width="11" height="11" fill="\(entry.color)"/>\
                \(space.text(entry.name, size: font, at: [(legendX + 15, legendY, .start)]))
                """)
            space.reserve(LabelSpace.Box(minX: legendX, minY: legendY - font, maxX: legendX + 14, maxY: legendY + 2))
            legendX += entryWidth + 10
        }
        let ticks = Chart.ticks(upTo: max(observed.map(\.value).max() ?? 1, 1e-9) * 1.04, count: size == .wide ? 5 : 4)
        let ceiling = ticks.last ?? 1
        let left = (ticks.map { LabelSpace.textWidth(format($0), size: font) }.max() ?? 40) + 8
        let (right, upper, lower) = (14.0, legendY + font + 14, 34.0)
        let span = Double(last - first + 1)
        let slot = max((width - left - right) / span, 1)
        func x(_ year: Int) -> Double { left + (Double(year - first) + 0.5) * slot }
        func y(_ value: Double) -> Double { height - lower - value / ceiling * (height - upper - lower) }
        parts.insert("<title>\(title)</title>", at: 0)
        parts.insert(
            "<svg id=\"\(id + size.suffix)\" class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">",
            at: 0)
        for value in ticks {
            parts.append(
                "<line x1=\"\(Chart.coordinate(left))\" x2=\"\(Chart.coordinate(width - right))\" y1=\"\(Chart.coordinate(y(value)))\" y2=\"\(Chart.coordinate(y(value)))\" class=\"grid\"/>"
            )
            parts.append(space.text(format(value), size: font, at: [(left - 6, y(value) + font * 0.35, .end)], className: "axis"))
        }
        // Years along the bottom, as many as fit.
        let label = axisLabel ?? { words.integer($0) }
        let widest = (first...last).map { LabelSpace.textWidth(label($0), size: font) }.max() ?? 30
        let every = max(1, Int(((widest + 6) / slot).rounded(.up)))
        for year in stride(from: first, through: last, by: every) {
            parts.append(space.text(label(year), size: font, at: [(x(year), height - lower + font + 6, .middle)], className: "axis"))
        }
        let barSeries = series.filter { $0.style == .bars }
        var marks: [HTML] = []
        for (index, entry) in series.enumerated() {
            switch entry.style {
            case .bars:
                let barWidth = slot * 0.7 / Double(max(1, barSeries.count))
                let offset = Double(series[..<index].filter { $0.style == .bars }.count) * barWidth - slot * 0.35
                for point in entry.points {
                    let box = LabelSpace.Box(minX: x(point.year) + offset, minY: y(point.value), maxX: x(point.year) + offset + barWidth, maxY: y(0))
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
                if entry.style == .line {
                    // One line per run of consecutive years: a missing year is a gap, not a straight line across it.
                    var runs: [[Point]] = []
                    for point in entry.points.sorted(by: { $0.year < $1.year }) {
                        if let previous = runs.last?.last, previous.year + 1 == point.year {
                            runs[runs.count - 1].append(point)
                        } else {
                            runs.append([point])
                        }
                    }
                    for run in runs where run.count > 1 {
                        let path = run.map { "\(Chart.coordinate(x($0.year))),\(Chart.coordinate(y($0.value)))" }.joined(separator: " ")
                        parts.append("<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(entry.color)\" stroke-width=\"2.5\"/>")
                    }
                }
                for point in entry.points {
                    let radius = size == .wide ? 5.0 : 4.0
                    space.reserve(
                        LabelSpace.Box(
                            minX: x(point.year) - radius, minY: y(point.value) - radius, maxX: x(point.year) + radius, maxY: y(point.value) + radius))
                    let fill = entry.style == .hollow ? "white" : entry.color
                    marks.append(
                        mark(
                            point,
                            """
                            <circle cx="\(Chart.coordinate(x(point.year)))" cy="\(Chart.coordinate(y(point.value)))" r="\(radius)" fill="\(fill)" \
                            stroke="\(entry.color)" stroke-width="2"/><circle cx="\(Chart.coordinate(x(point.year)))" \
                            cy="\(Chart.coordinate(y(point.value)))" r="14" fill="transparent"/>
                            """))
                }
            }
        }
        parts.append(contentsOf: marks)
        // Targets: a dashed line where they fall inside the chart, a marker at its edge where they do not.
        for reference in references {
            let beyondTop = reference.value > ceiling
            let beyondRight = (reference.year ?? last) > last
            let level = y(min(reference.value, ceiling))
            let end = reference.year.map { min(x($0) + slot * 0.5, width - right) } ?? (width - right)
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
                    <line x1="\(Chart.coordinate(left))" x2="\(Chart.coordinate(end))" y1="\(Chart.coordinate(level))" y2="\(Chart.coordinate(level))" \
                    stroke="\(reference.color)" stroke-dasharray="6 4" stroke-width="1.5"><title>\(reference.label)</title></line>
                    """)
            }
            let below = beyondTop ? level + font + 12 : level + font + 4
            parts.append(
                space.text(
                    reference.label, size: font,
                    at: [
                        (end - 14, beyondTop ? below : level - 5, .end), (end - 14, below, .end), (left + 4, level - 5, .start),
                        (left + 4, below, .start),
                    ],
                    fill: reference.color))
        }
        // Each value by its mark where it fits: above, else below.
        for entry in series where entry.style != .bars || entry.points.count <= 12 {
            for point in entry.points {
                let (px, py) = (x(point.year), y(point.value))
                parts.append(
                    space.text(format(point.value), size: font, at: [(px, py - 9, .middle), (px, py + font + 8, .middle)], className: "value"))
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// A mark titled with its figure and source, linked to its table row when there is one.
    private func mark(_ point: Point, _ shape: HTML) -> HTML {
        guard let row = point.row else { return "<g><title>\(point.note)</title>\(shape)</g>" }
        return "<a href=\"#\(row)\"><title>\(point.note)</title>\(shape)</a>"
    }
}
