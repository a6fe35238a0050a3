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
        let observed = series.flatMap(\.points)
        guard let first = observed.map(\.year).min(), let last = observed.map(\.year).max() else {
            return """
                <svg id="\(id + size.suffix)" class="chart" viewBox="0 0 \(Int(size.width)) 60" role="img"><title>\(title)</title>\
                <text x="10" y="30" font-size="\(Int(size.font))">\(words("chart.empty"))</text></svg>
                """
        }
        let height = size == .wide ? 340.0 : 300.0
        var space = LabelSpace(width: size.width, height: height)
        // The legend first, wrapping into rows: it decides where the plot begins.
        let (legend, legendBottom) = self.legend(size, &space)
        let ticks = Chart.ticks(upTo: max(observed.map(\.value).max() ?? 1, 1e-9) * 1.04, count: size == .wide ? 5 : 4)
        let plot = Plot(
            size: size, height: height, years: first...last, ceiling: ticks.last ?? 1,
            left: (ticks.map { LabelSpace.textWidth(format($0), size: size.font) }.max() ?? 40) + 8, upper: legendBottom + size.font + 14)
        var parts: [HTML] = [
            "<svg id=\"\(id + size.suffix)\" class=\"chart\" viewBox=\"0 0 \(Int(size.width)) \(Int(height))\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<title>\(title)</title>",
        ]
        parts += legend
        parts += axes(plot, ticks: ticks, &space)
        parts += marks(plot, &space)
        parts += referenceMarks(plot, &space)
        parts += valueLabels(plot, &space)
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// A mark titled with its figure and source, linked to its table row when there is one.
    func mark(_ point: Point, _ shape: HTML) -> HTML {
        guard let row = point.row else { return "<g><title>\(point.note)</title>\(shape)</g>" }
        return "<a href=\"#\(row)\"><title>\(point.note)</title>\(shape)</a>"
    }
}
