/// Rows and columns rendered for people (aligned text, Markdown) or for programs (CSV).
public struct TextTable: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var title: String
        public var numeric: Bool
        /// Prose (a sentence, a reason): wrapped in aligned text so the table fits `TextTable.width`.
        public var wraps: Bool

        public init(_ title: String, numeric: Bool = false, wraps: Bool = false) {
            self.title = title
            self.numeric = numeric
            self.wraps = wraps
        }
    }

    /// The columns aligned text fits in, a terminal's and a pasted note's.
    public static let width = 100

    /// How a table is written out.
    public enum Style: String, Sendable, CaseIterable {
        case text, csv, markdown
    }

    public var columns: [Column]
    public var rows: [[String]]

    public init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    public func rendered(_ style: Style) -> String {
        switch style {
        case .csv:
            let body = rows.map { cells in cells.indices.map { columns[$0].numeric ? Self.plainNumber(cells[$0]) : cells[$0] } }
            return ([columns.map(\.title)] + body).map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
        case .markdown:
            let header = "| " + columns.map(\.title).joined(separator: " | ") + " |"
            let rule = "|" + columns.map { $0.numeric ? "---:|" : "---|" }.joined()
            let body = rows.map { "| " + $0.map { $0.replacingAll("|", with: "\\|") }.joined(separator: " | ") + " |" }
            return ([header, rule] + body).joined(separator: "\n") + "\n"
        case .text:
            let widths = textWidths
            let lines = ([columns.map(\.title)] + rows).flatMap { cells in
                let wrapped = cells.indices.map { columns[$0].wraps ? Self.wrap(cells[$0], width: widths[$0]) : [cells[$0]] }
                return (0..<(wrapped.map(\.count).max() ?? 1)).map { line in
                    cells.indices.map { index in
                        let cell = line < wrapped[index].count ? wrapped[index][line] : ""
                        let padding = String(repeating: " ", count: max(widths[index] - cell.count, 0))
                        return columns[index].numeric ? padding + cell : cell + padding
                    }.joined(separator: "  ").trimmingTrailingSpaces
                }
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// Each column's width in aligned text: its widest cell, prose columns narrowed (to 24 at
    /// least) so the table fits `width` where it can.
    private var textWidths: [Int] {
        var widths = columns.indices.map { index in ([columns[index].title] + rows.map { $0[index] }).map(\.count).max() ?? 0 }
        let prose = columns.indices.filter { columns[$0].wraps }
        let fixed = columns.indices.filter { !columns[$0].wraps }.map { widths[$0] }.reduce(0, +) + 2 * (columns.count - 1)
        guard !prose.isEmpty, fixed + prose.map({ widths[$0] }).reduce(0, +) > Self.width else { return widths }
        let share = max((Self.width - fixed) / prose.count, 24)
        for index in prose { widths[index] = min(widths[index], share) }
        return widths
    }

    /// Prose broken at spaces into lines of at most `width` characters (a longer word on its own).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = String(word)
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        return lines + [line]
    }

    /// A numeric cell as a program reads it in any locale: `1,000,000` → `1000000`, `-36.4%` →
    /// `-36.4`, `+12.3%` → `12.3`; a cell that is no number (`n/a`, a note) is left as it is.
    static func plainNumber(_ cell: String) -> String {
        var text = cell.replacingAll(",", with: "")
        if text.hasSuffix("%") { text.removeLast() }
        if text.hasPrefix("+") { text.removeFirst() }
        return Double(text) != nil ? text : cell
    }

    private static func csvField(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + field.replacingAll("\"", with: "\"\"") + "\"" : field
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        reduce(into: "") { result, character in
            if character == target { result += replacement } else { result.append(character) }
        }
    }

    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
