/// Rows and columns rendered for people (aligned text, Markdown) or for programs (CSV).
public struct TextTable: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var title: String
        public var numeric: Bool

        public init(_ title: String, numeric: Bool = false) {
            self.title = title
            self.numeric = numeric
        }
    }

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
            let widths = columns.indices.map { index in
                ([columns[index].title] + rows.map { $0[index] }).map(\.count).max() ?? 0
            }
            let lines = ([columns.map(\.title)] + rows).map { cells in
                cells.indices.map { index in
                    let padding = String(repeating: " ", count: widths[index] - cells[index].count)
                    return columns[index].numeric ? padding + cells[index] : cells[index] + padding
                }.joined(separator: "  ").trimmingTrailingSpaces
            }
            return lines.joined(separator: "\n") + "\n"
        }
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
