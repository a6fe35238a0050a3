import CaravanCore
import Foundation

extension Chart {
    /// A mark's figure and source on a card, hidden until the mark is hovered, focused or tapped
    /// (the stylesheet's `.mark:focus .detail`, no script), wrapped to the chart's width, with a
    /// link to the table row that holds them.
    static func detail(_ note: String, row: String?, words: Words, at origin: (x: Double, y: Double), width: Double, font: Double) -> HTML {
        let fits = max(Int((width - 12) / (font * 0.64)), 12)
        let lines = note.components(separatedBy: " — ").flatMap { wrap($0, fits) }.prefix(4)
        let link = row.map { _ in words("chart.to-row") }
        let count = Double(lines.count + (link == nil ? 0 : 1))
        let widest = (lines + [link ?? ""]).map { LabelSpace.textWidth($0, size: font) }.max() ?? 0
        let (x, y) = (origin.x, origin.y)
        let spans = lines.enumerated().map { index, line -> HTML in
            "<tspan x=\"\(Chart.coordinate(x + 6))\" y=\"\(Chart.coordinate(y + font + 4 + Double(index) * (font + 4)))\">\(line)</tspan>"
        }
        let linked: HTML =
            row.map { row in
                """
                <a href="#\(row)"><text x="\(Chart.coordinate(x + 6))" y="\(Chart.coordinate(y + font + 4 + Double(lines.count) * (font + 4)))" \
                font-size="\(Int(font))" class="detail-link">\(link ?? "")</text></a>
                """
            } ?? ""
        return """
            <g class="detail"><rect x="\(Chart.coordinate(x))" y="\(Chart.coordinate(y))" width="\(Chart.coordinate(min(widest + 12, width)))" \
            height="\(Chart.coordinate(count * (font + 4) + 8))" rx="4"/><text font-size="\(Int(font))">\(spans)</text>\(linked)</g>
            """
    }

    /// Text broken at spaces into lines of at most `width` characters; a word longer than that cut with an ellipsis.
    static func wrap(_ text: String, _ width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ").map(String.init) {
            let word = word.count > width ? String(word.prefix(width - 1)) + "…" : word
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = word
            }
        }
        return line.isEmpty ? lines : lines + [line]
    }

    /// A link that saves a chart's wide drawing as an SVG file, styled on its own (the page's
    /// stylesheet does not travel with it), carried in the page as a data: address.
    static func download(_ svg: HTML, name: String, words: Words) -> HTML {
        let markup = svg.rendered
        guard let open = markup.range(of: ">", range: (markup.range(of: "<svg")?.upperBound ?? markup.startIndex)..<markup.endIndex) else {
            return ""
        }
        let opening = String(markup[..<open.upperBound])
        // A file needs the namespace a page's inline SVG does without.
        let namespaced =
            opening.contains("xmlns=") ? opening : opening.replacingOccurrences(of: "<svg ", with: "<svg xmlns=\"http://www.w3.org/2000/svg\" ")
        let file = namespaced + "<style>\(standaloneStyle)</style>" + String(markup[open.upperBound...])
        let address = "data:image/svg+xml;base64," + Data(file.utf8).base64EncodedString()
        return "<p class=\"download\"><a download=\"\(name).svg\" href=\"\(address)\">\(words("chart.download"))</a></p>"
    }

    /// The stylesheet's rules for charts, for a chart saved on its own.
    static let standaloneStyle =
        ".grid{stroke:#e6e8ef}.axis{fill:#555}.value{fill:#1d2330;font-weight:600}text{font-family:system-ui,Tahoma,sans-serif}"
        + ".detail{display:none}.mark:hover .detail,.mark:focus .detail{display:inline}.detail rect{fill:#fff;stroke:#889}"
}
