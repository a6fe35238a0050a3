import CaravanCore
import CaravanService

/// A chart of values by year as inline SVG, readable without JavaScript: bars or joined points,
/// dashed reference lines (a target, a capacity), and a `<title>` on every mark for the figure
/// and its source on hover.
public struct YearChart: Sendable {
    public enum Style: Sendable { case bars, line, hollow }

    public struct Point: Sendable {
        public var year: Int
        public var value: Double
        public var note: String

        public init(year: Int, value: Double, note: String) {
            self.year = year
            self.value = value
            self.note = note
        }
    }

    public struct Series: Sendable {
        public var name: String
        public var points: [Point]
        public var style: Style
        public var color: String

        public init(name: String, points: [Point], style: Style, color: String) {
            self.name = name
            self.points = points
            self.style = style
            self.color = color
        }
    }

    /// A level to compare with, drawn across the chart or up to a year.
    public struct Reference: Sendable {
        public var label: String
        public var value: Double
        public var year: Int?
        public var color: String

        public init(label: String, value: Double, year: Int? = nil, color: String) {
            self.label = label
            self.value = value
            self.year = year
            self.color = color
        }
    }

    public var id: String
    public var title: String
    public var series: [Series]
    public var references: [Reference]
    public var format: @Sendable (Double) -> String
    /// The label under an x position: the year itself, unless the chart counts something else.
    public var axisLabel: @Sendable (Int) -> String = { String($0) }
    public var width = 720.0
    public var height = 320.0

    public init(id: String, title: String, series: [Series], references: [Reference] = [], format: @escaping @Sendable (Double) -> String) {
        self.id = id
        self.title = title
        self.series = series
        self.references = references
        self.format = format
    }

    public var svg: HTML {
        let years = series.flatMap { $0.points.map(\.year) } + references.compactMap(\.year)
        guard let first = years.min(), let last = years.max() else {
            return """
                <svg id="\(id)" class="chart" viewBox="0 0 \(Int(width)) 60" role="img"><title>\(title)</title>\
                <text x="10" y="30">No figures yet.</text></svg>
                """
        }
        let top = Self.niceCeiling((series.flatMap { $0.points.map(\.value) } + references.map(\.value)).max() ?? 1)
        let (left, right, upper, lower) = (78.0, 16.0, 28.0, 40.0)
        let span = Double(max(1, last - first + 1))
        let slot = (width - left - right) / span
        func x(_ year: Int) -> Double { left + (Double(year - first) + 0.5) * slot }
        func y(_ value: Double) -> Double { height - lower - value / top * (height - upper - lower) }
        var parts: [HTML] = [
            "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<title>\(title)</title>",
        ]
        let tickStep = Self.niceCeiling(top / 5)
        for value in stride(from: 0.0, through: top + tickStep / 1000, by: tickStep) {
            parts.append(
                """
                <line x1="\(left)" x2="\(width - right)" y1="\(y(value))" y2="\(y(value))" class="grid"/>\
                <text x="\(left - 6)" y="\(y(value) + 4)" class="axis" text-anchor="end">\(format(value))</text>
                """)
        }
        let step = max(1, Int((span / 12).rounded(.up)))
        for year in stride(from: first, through: last, by: step) {
            parts.append("<text x=\"\(x(year))\" y=\"\(height - lower + 16)\" class=\"axis\" text-anchor=\"middle\">\(axisLabel(year))</text>")
        }
        for (index, series) in series.enumerated() {
            let color = series.color
            switch series.style {
            case .bars:
                let barWidth = slot * 0.7 / Double(max(1, self.series.filter { $0.style == .bars }.count))
                let offset = Double(self.series[..<index].filter { $0.style == .bars }.count) * barWidth - slot * 0.35
                for point in series.points {
                    parts.append(
                        """
                        <rect x="\(x(point.year) + offset)" y="\(y(point.value))" width="\(barWidth)" height="\(y(0) - y(point.value))" \
                        fill="\(color)"><title>\(point.note)</title></rect>
                        """)
                }
            case .line, .hollow:
                if series.style == .line && series.points.count > 1 {
                    let path = series.points.map { "\(x($0.year)),\(y($0.value))" }.joined(separator: " ")
                    parts.append("<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>")
                }
                for point in series.points {
                    let fill = series.style == .hollow ? "white" : color
                    parts.append(
                        """
                        <circle cx="\(x(point.year))" cy="\(y(point.value))" r="5" fill="\(fill)" stroke="\(color)" stroke-width="2">\
                        <title>\(point.note)</title></circle>
                        """)
                }
            }
        }
        for reference in references {
            let end = reference.year.map { x($0) + slot * 0.5 } ?? (width - right)
            parts.append(
                """
                <line x1="\(left)" x2="\(end)" y1="\(y(reference.value))" y2="\(y(reference.value))" stroke="\(reference.color)" \
                stroke-dasharray="6 4" stroke-width="1.5"><title>\(reference.label)</title></line>\
                <text x="\(end - 4)" y="\(y(reference.value) - 5)" class="label" text-anchor="end" fill="\(reference.color)">\(reference.label)</text>
                """)
        }
        for (index, series) in series.enumerated() {
            parts.append(
                """
                <rect x="\(left + Double(index) * 170)" y="6" width="12" height="12" fill="\(series.color)"/>\
                <text x="\(left + Double(index) * 170 + 17)" y="16" class="label">\(series.name)</text>
                """)
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The round number (1, 2 or 5 times a power of ten) at or just above `value`.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        while power > value { power /= 10 }
        for step in [1.0, 2, 2.5, 5, 10] where step * power >= value { return step * power }
        return 10 * power
    }
}
