import CaravanCore
import CaravanData
import Foundation
import Testing

@testable import CaravanArticle

/// The labelled quotes of Data/reference/official-figures.csv: each USD figure of trade, with the quote that states it.
struct LabelledFigure {
    let reporter, partner, flow, period: String
    let value: Decimal
    /// The quote as published, and the day it was (empty when the row does not say).
    let quote, published: String

    /// The rows of trade in dollars, the development set of docs/check.md.
    static let all: [LabelledFigure] = BundledData.officialFiguresCSV.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
        let fields = CSVLine.fields(String(line))
        guard fields.count >= 12, ["export", "import", "turnover"].contains(fields[3]), fields[7].hasPrefix("USD") else { return nil }
        return LabelledFigure(
            reporter: fields[1], partner: fields[2], flow: fields[3], period: fields[4], value: usd(fields[6]), quote: fields[10],
            published: fields[11])
    }

    func matches(_ finding: Finding) -> Bool {
        finding.flow?.rawValue == flow && finding.valueUSD == value && finding.period?.description == period
    }
}

/// Precision and recall of one language over the labelled quotes.
struct Measure: CustomStringConvertible {
    var labelled = 0
    var recalled = 0
    var found = 0
    var matched = 0

    var recall: Double { labelled == 0 ? 1 : Double(recalled) / Double(labelled) }
    var precision: Double { found == 0 ? 1 : Double(matched) / Double(found) }
    var description: String {
        "recall \(recalled)/\(labelled) = \(Int((recall * 100).rounded()))%, precision \(matched)/\(found) = \(Int((precision * 100).rounded()))%"
    }

    /// Reads every quote with its row's publication date and pair, and counts by the language read.
    static func byLanguage() throws -> [String: Measure] {
        var measures: [String: Measure] = [:]
        let quotes = Dictionary(grouping: LabelledFigure.all, by: \.quote)
        for (quote, labels) in quotes.sorted(by: { $0.key < $1.key }) {
            let label = labels[0]
            let published = label.published.isEmpty ? nil : try Period(parsing: label.published).days.lowerBound
            let article = reader.read(quote, published: published, pair: (label.reporter, label.partner))
            var measure = measures[article.language, default: Measure()]
            measure.labelled += labels.count
            measure.recalled += labels.filter { label in article.findings.contains { label.matches($0) } }.count
            measure.found += article.findings.count
            measure.matched += article.findings.filter { finding in labels.contains { $0.matches(finding) } }.count
            measures[article.language] = measure
            for missed in labels where !article.findings.contains(where: { missed.matches($0) }) {
                print("article-missed \(article.language): \(missed.flow) \(missed.period) \(missed.value) in: \(quote.prefix(90))")
            }
            for extra in article.findings where !labels.contains(where: { $0.matches(extra) }) {
                print(
                    "article-extra \(article.language): \(extra.flow) \(extra.period?.description ?? "-") \(extra.valueUSD ?? 0) in: \(quote.prefix(90))"
                )
            }
        }
        return measures
    }
}

@Suite("The reader measured on the labelled quotes (docs/check.md)")
struct MeasuredReadingTests {
    /// What the reader reaches today, per language: a change that lowers either fails here.
    static let reached: [String: (recall: Double, precision: Double)] = [
        "en": (15.0 / 51, 15.0 / 31),
        "ru": (0, 0),
        "fa": (1, 1),
    ]

    @Test("precision and recall per language stay at what they reached")
    func measured() throws {
        let measures = try Measure.byLanguage()
        for (language, measure) in measures.sorted(by: { $0.key < $1.key }) {
            print("article-measure \(language): \(measure)")
            let floor = Self.reached[language] ?? (1, 1)
            #expect(measure.recall >= floor.recall, "\(language) \(measure)")
            #expect(measure.precision >= floor.precision, "\(language) \(measure)")
        }
    }
}
