import CaravanCore
import CaravanPresentation
import Testing

@Suite("Tables")
struct TextTableTests {
    let table = TextTable(columns: [.init("period"), .init("value_usd", numeric: true)], rows: [["2024", "340,000,000"], ["2025", "1"]])
    let mixed = TextTable(
        columns: [.init("note"), .init("change_pct", numeric: true), .init("value_usd", numeric: true)],
        rows: [["Kazakh figures, FOB", "-36.4%", "1.00e+16"], ["", "+12.3%", "n/a"]])

    @Test("text aligns numbers right and text left")
    func text() {
        #expect(table.rendered(.text) == "period    value_usd\n2024    340,000,000\n2025              1\n")
    }

    @Test("CSV writes numbers plainly, readable in any locale, and quotes text holding commas")
    func csv() {
        #expect(table.rendered(.csv) == "period,value_usd\n2024,340000000\n2025,1\n")
        #expect(mixed.rendered(.csv) == "note,change_pct,value_usd\n\"Kazakh figures, FOB\",-36.4,1.00e+16\n,12.3,n/a\n")
    }

    @Test("Markdown right-aligns numeric columns")
    func markdown() {
        #expect(table.rendered(.markdown).hasPrefix("| period | value_usd |\n|---|---:|\n| 2024 | 340,000,000 |"))
    }

    @Test("numbers are grouped and rounded as tables show them")
    func numbers() {
        #expect(NumberText.grouped(340_000_000) == "340,000,000")
        #expect(NumberText.grouped(-1_234.6) == "-1,235")
        #expect(NumberText.percent(12.345) == "+12.3%")
        #expect(NumberText.fixed(-0.05, decimals: 1) == "-0.1")
    }
}
