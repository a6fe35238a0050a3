import CaravanCore

/// A chart of values by year (or by position, for finer series) as inline SVG, readable without
/// JavaScript and on a phone: the value axis scaled to hold every value and every reference
/// level, a target past the last year drawn to its level with an arrow at the edge; lines broken
/// where a year is missing; values written by their marks in order of what a reader looks for
/// (the latest, the targets, the extremes, the rest), each text once; and every mark, tapped or
/// focused, shows its figure and source, with a link to its table row.
struct YearChart: Sendable {
    enum Style: Sendable { case bars, line, hollow }

    /// Which of a series' values are written by their marks.
    enum Labelling: Sendable {
        /// Each where it fits: extremes first, then the rest, the most recent first.
        case each
        /// Only where the value changes and at its end (a capacity held for years is written once).
        case changes
    }

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
        var labelling: Labelling = .each
    }

    /// A level to compare with (a target, a capacity), up to a year.
    struct Reference: Sendable {
        var label: String
        var value: Double
        var year: Int?
        var color: String
        /// The label on a phone, where the full one leaves no room (without "(assumed)": its title keeps it).
        var shortLabel: String? = nil
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

    var html: HTML { ChartSize.both(download: id, words: words, svg) }

    func svg(_ size: ChartSize) -> HTML {
        let observed = series.flatMap(\.points)
        guard let first = observed.map(\.year).min(), let last = observed.map(\.year).max() else {
            return """
                <svg id="\(id + size.suffix)" class="chart" viewBox="0 0 \(Int(size.width)) 60" role="img"><title>\(title)</title>\
                <text x="10" y="30" font-size="\(Int(size.font))">\(words("chart.empty"))</text></svg>
                """
        }
        // A phone's chart is as tall as a screen's, though narrower: the room its labels need is the same.
        let height = 340.0
        var space = LabelSpace(width: size.width, height: height)
        // The legend first, wrapping into rows: it decides where the plot begins.
        let (legend, legendBottom) = self.legend(size, &space)
        // The axis holds every value and every target, so each is drawn to scale.
        // Room above the highest value for its label; a target may lie on the top line, its label above or below it.
        let levels = observed.map { $0.value * 1.04 } + references.map(\.value)
        let ticks = Chart.ticks(upTo: max(levels.filter(\.isFinite).max() ?? 1, 1e-9), count: size == .wide ? 5 : 4)
        // A target past the last year points out of the plot, in a margin of its own.
        let pastLast = references.contains { ($0.year ?? last) > last }
        let plot = Plot(
            size: size, height: height, years: first...last, ceiling: ticks.last ?? 1,
            left: (ticks.map { LabelSpace.textWidth(format($0), size: size.font) }.max() ?? 40) + 8, upper: legendBottom + size.font + 14,
            right: pastLast ? 28 : 14)
        var parts: [HTML] = [
            """
            <svg id="\(id + size.suffix)" class="chart" viewBox="0 0 \(Int(size.width)) \(Int(height))" role="img" \
            data-axis-min="0" data-axis-max="\(plot.ceiling)" xmlns="http://www.w3.org/2000/svg">
            """,
            "<title>\(title)</title>",
        ]
        // Room is claimed by the marks and the years, then the latest value and the targets, then the values up the side,
        // then the other values; the marks are written last, so that a mark's detail, shown on top, covers the rest.
        let references = referenceMarks(plot, &space)
        let (shapes, placed) = marks(plot, &space)
        let years = yearAxis(plot, &space)
        var printed: Set<String> = []
        let required = requiredLabels(plot, placed, &space, &printed)
        parts += legend
        parts += valueAxis(plot, ticks: ticks, &space) + years
        parts += references + required
        parts += otherLabels(plot, placed, &space, &printed)
        parts += shapes
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
