import CaravanArticle
import CaravanCheck
import CaravanCore
import CaravanDossier
import Foundation

extension ArticleCheck: Sectioned {
    /// A line on the article, then a row for each statement: what it says, how it stands, why, and on what.
    public var sections: [TableSection] {
        [
            TableSection(
                title: "What the article states, checked",
                lead: ArticleCheckText.lead(self),
                table: TextTable(
                    columns: [.init("id"), .init("kind"), .init("statement"), .init("verdict"), .init("why"), .init("basis"), .init("quote")],
                    rows: found.map { statement in
                        [
                            statement.id, statement.finding.kind.rawValue, ArticleCheckText.statement(statement.finding), statement.verdict.rawValue,
                            statement.reason.english, ArticleCheckText.basis(statement.basis), statement.finding.quote,
                        ]
                    }))
        ]
    }
}

/// An article's statements in words, for the table and the pages alike.
public enum ArticleCheckText {
    /// `Tehran Times, 2025-12-11, en; read with the pair of iran-kazakhstan: 9 statements, 4 consistent, 2 unpinned`.
    public static func lead(_ check: ArticleCheck) -> String {
        let about = check.article
        let said = [about.source, about.published, about.url].compactMap { $0 }.joined(separator: ", ")
        let counts = CheckVerdict.allCases.compactMap { verdict -> String? in
            let count = check.found.filter { $0.verdict == verdict }.count
            return count == 0 ? nil : "\(count) \(verdict.rawValue)"
        }
        return "\(said.isEmpty ? "An article" : said) (\(about.language)), read with the pair of \(about.partnership): "
            + "\(check.found.count) statements" + (counts.isEmpty ? "" : ", " + counts.joined(separator: ", ")) + "."
    }

    /// What one finding says, in the ledger's terms: `IRN–KAZ turnover TOTAL 2024: about 340,000,000 USD`.
    public static func statement(_ finding: Finding) -> String {
        let pair = [finding.reporter ?? "?", finding.partner ?? "?"].joined(separator: "–")
        let trade = "\(pair) \(finding.flow?.rawValue ?? "trade") \(finding.commodity ?? "TOTAL")"
        let bound = finding.bound == .exact ? "" : finding.bound.rawValue + " "
        switch finding.kind {
        case .figure:
            return "\(trade) \(finding.period?.description ?? "(no period)"): \(bound)\(finding.valueUSD.map(usd) ?? "")"
        case .target:
            let amount = finding.what == .tonnes ? finding.value.map { NumberText.grouped(double($0)) + " t" } : finding.valueUSD.map(usd)
            return "\(trade): \(bound)\(amount ?? "") by \(finding.year.map(String.init) ?? "(no year)")"
        case .growth:
            let change = finding.pct.map { NumberText.percent(double($0)) } ?? ""
            return "\(trade) \(finding.period?.description ?? "(no period)"): \(bound)\(change) on \(finding.versus?.description ?? "(no period)")"
        case .count:
            let value = finding.value.map { NumberText.grouped(double($0)) } ?? ""
            return "\(bound)\(value) \(finding.what?.rawValue ?? "") \(finding.period?.description ?? "(no period)")"
        }
    }

    /// The sources a verdict stands on, briefly.
    public static func basis(_ basis: [Provenance]) -> String {
        var seen = Set<String>()
        return basis.map { "\($0.provider)\($0.published.map { " \($0)" } ?? "")" }.filter { seen.insert($0).inserted }.joined(separator: "; ")
    }

    private static func usd(_ value: Decimal) -> String { NumberText.grouped(double(value)) + " USD" }

    private static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }
}
