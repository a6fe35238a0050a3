import CaravanArticle
import CaravanCheck
import CaravanCore
import CaravanDossier
import Foundation

/// The statements of a checked article, one card each (`id="statement-f1"`, `data-verdict`): what
/// it says in the page's language, its verdict, the reason in the page's language (for one that
/// cannot be pinned down, what the text leaves open), and the figures it was checked against.
struct CheckStatements {
    let check: ArticleCheck
    let marks: CheckVerdictMarks

    var html: HTML {
        let words = marks.words
        let says = StatementWords(words: words)
        let items = check.found.enumerated().map { index, statement -> HTML in
            let verdict = statement.verdict.rawValue
            return """
                <li id="statement-\(statement.id)" data-verdict="\(verdict)">\
                <p>\(marks.flag(statement, number: index + 1, id: nil, href: "#\(statement.id)"))</p><dl>\
                <dt>\(words("check.says"))</dt><dd>\(says(statement.finding))</dd>\
                <dt>\(words("column.why"))</dt><dd>\(words.say(statement.reason))</dd>\
                <dt>\(words("check.against"))</dt><dd>\(basis(statement.basis, words: words))</dd></dl></li>
                """
        }
        return "<ol class=\"statements\" id=\"statements\">\(items.joined(separator: "\n"))</ol>"
    }

    /// Each source once: its provider and date, linked to its address where it has one.
    private func basis(_ basis: [Provenance], words: Words) -> HTML {
        var seen = Set<String>()
        let cited = basis.compactMap { source -> HTML? in
            let name = source.provider + (source.published.map { " \(words.date($0))" } ?? "")
            guard seen.insert(name + "\u{1F}" + (source.url ?? "")).inserted else { return nil }
            return HTML.link(name, source.url)
        }
        return cited.isEmpty ? "\(words("check.against-none"))" : cited.joined(separator: "; ")
    }
}

/// What a statement says, in the page's language and its digits: the trade, the pair, the period
/// and the amount, change or count with its bound ("about $340M").
struct StatementWords {
    let words: Words

    func callAsFunction(_ finding: Finding) -> String {
        let trade = ["flow": flow(finding), "pair": pair(finding)]
        let period = finding.period.map(words.period) ?? words("check.no-period-stated")
        switch finding.kind {
        case .figure:
            return words("check.figure", trade.merging(["period": period, "amount": bounded(money(finding.valueUSD), finding.bound)]) { $1 })
        case .target:
            // A target of freight states tonnes, not dollars.
            let stated = finding.what == .tonnes ? finding.value.map { words.number(Self.double($0)) + " " + words("unit.t") } : nil
            let amount = bounded(stated ?? money(finding.valueUSD), finding.bound)
            guard let year = finding.year else { return words("check.target-open", trade.merging(["amount": amount]) { $1 }) }
            return words("check.target-by", trade.merging(["amount": amount, "year": words.integer(year)]) { $1 })
        case .growth:
            let change = finding.pct.map { words.percent(Self.double($0)) } ?? unknown
            let versus = finding.versus.map(words.period) ?? words("check.no-period-stated")
            return words("check.growth", trade.merging(["period": period, "change": bounded(change, finding.bound), "versus": versus]) { $1 })
        case .count:
            let count = finding.value.map { words.number(Self.double($0)) } ?? unknown
            let what = finding.what.map { words("counted.\($0.rawValue)") } ?? ""
            return words("check.count", ["count": bounded(count, finding.bound), "what": what, "period": period])
        }
    }

    private var unknown: String { words("check.unknown-side") }

    private func pair(_ finding: Finding) -> String {
        [finding.reporter, finding.partner].map { $0.map(words.country) ?? unknown }.joined(separator: "–")
    }

    /// The flow, and what it is of unless all goods: a group by its name, an HS code as it is.
    private func flow(_ finding: Finding) -> String {
        let flow = finding.flow.map { words("flow.\($0.rawValue)") } ?? unknown
        guard let commodity = finding.commodity, commodity != CommodityCode.total else { return flow }
        let named = words.commodity(commodity)
        return words("check.flow-of", ["flow": flow, "commodity": named])
    }

    private func money(_ value: Decimal?) -> String { value.map { words.money(Self.double($0)) } ?? unknown }

    private func bounded(_ value: String, _ bound: Bound) -> String {
        bound == .exact ? value : words("check.bound.\(bound.rawValue)", ["value": value])
    }

    private static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }
}
