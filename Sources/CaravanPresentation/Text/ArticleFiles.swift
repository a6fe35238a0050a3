import CaravanArticle
import CaravanCheck
import CaravanCore
import CaravanDossier
import Foundation

/// An article's statements written as files a person reviews and then imports or adds: its
/// figures as a figures CSV (docs/formats.md), its claims and targets as a dossier's parts (docs/dossier.md).
public enum ArticleFiles {
    /// Each figure the text pins down — pair, period and amount — as a row of the figures CSV, with
    /// the article as its source. A lower or upper bound keeps its status; nil when the article
    /// names no source, which every row needs.
    public static func figures(_ judgement: ArticleJudgement) -> String? {
        guard let source = judgement.about.source else { return nil }
        let table = TextTable(
            columns: [
                "reporter", "partner", "flow", "commodity", "period", "value_usd", "quantity_t", "valuation", "source", "url", "published", "quote",
                "compiler", "status",
            ].map { TextTable.Column($0) },
            rows: judgement.article.findings.compactMap { finding in
                guard finding.kind == .figure, let reporter = finding.reporter, let partner = finding.partner, let flow = finding.flow,
                    let period = finding.period, let value = finding.valueUSD
                else { return nil }
                let status = [Bound.above: "lower-bound", .below: "upper-bound"][finding.bound] ?? ""
                return [
                    reporter, partner, flow.rawValue, finding.commodity ?? "TOTAL", period.description, "\(value)", "", "", source,
                    judgement.about.url ?? "", judgement.about.published ?? "", finding.quote, "", status,
                ]
            })
        return table.rendered(.csv)
    }

    /// The article as a source, with its claims and targets, in the dossier's YAML: to be added to
    /// the partnership's dossier by hand. A target's year is the article's; every string is quoted.
    public static func dossier(_ judgement: ArticleJudgement) -> String {
        let source = judgement.source
        var lines = [
            "# What \(source.title) states, read by caravan check: review each before adding it to the dossier of \(judgement.about.partnership).",
            "# Ids f1, f2, … follow the order of the findings; give them lasting ids when you add them.",
            "sources:",
            "  - id: \(yaml(source.id))",
            "    title: \(yaml(source.title))",
        ]
        if let publisher = source.publisher { lines.append("    publisher: \(yaml(publisher))") }
        if let published = source.published { lines.append("    published: \(yaml(published))") }
        if let url = source.url { lines.append("    url: \(yaml(url))") }
        lines.append("targets:" + (judgement.targets.isEmpty ? " []" : ""))
        for target in judgement.targets {
            lines += [
                "  - id: \(yaml(target.id))", "    metric: \(metric(target.metric))", "    value: \(number(target.value))",
                "    deadline: \(target.deadline)", "    source: \(yaml(target.source))",
            ]
            if let quote = target.quote { lines.append("    quote: \(yaml(quote))") }
        }
        lines.append("claims:" + (judgement.claims.isEmpty ? " []" : ""))
        for claim in judgement.claims {
            lines += [
                "  - id: \(yaml(claim.id))", "    source: \(yaml(claim.source))", "    quote: \(yaml(claim.quote))",
                "    metric: \(metric(claim.metric))", "    period: \(yaml(claim.period.description))",
                "    expect: \(expectation(claim.expectation))",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func metric(_ metric: Metric) -> String {
        guard case .trade(let query) = metric else { return "{kind: \(metric.kind)}" }
        return
            "{kind: trade, reporter: \(query.reporter), partner: \(query.partner), flow: \(query.flow.rawValue), commodity: \(yaml(query.commodity))}"
    }

    private static func expectation(_ expectation: ClaimExpectation) -> String {
        switch expectation {
        case .value(let value, let tolerance): "{value: \(number(value)), tolerance_pct: \(number(tolerance))}"
        case .change(let percent, let versus, let tolerance):
            "{change_pct: \(number(percent)), versus: \(yaml(versus.description)), tolerance_points: \(number(tolerance))}"
        case .ratio(let ratio, let versus, let tolerance):
            "{ratio: \(number(ratio)), versus: \(yaml(versus.description)), tolerance: \(number(tolerance))}"
        case .below(let bound): "{below: \(number(bound))}"
        case .above(let bound): "{above: \(number(bound))}"
        }
    }

    /// A number as YAML reads it back exactly: no exponent, no trailing `.0`.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(Decimal(value))"
    }

    /// A string in double quotes, escaped as JSON, which YAML reads the same: nothing an article says can end the scalar.
    private static func yaml(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029:
                quoted += String(format: "\\u%04X", scalar.value)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}
