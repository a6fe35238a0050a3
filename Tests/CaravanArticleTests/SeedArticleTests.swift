import CaravanArticle
import CaravanCore
import CaravanData
import CaravanDossier
import CaravanImport
import Foundation
import Testing

@Suite("The seed article, read as the bundled dossier codes it")
struct SeedArticleTests {
    static let source = "tehrantimes-2025-12-11"

    static func dossier() throws -> Dossier {
        let tables = ReferenceTables(
            countriesCSV: BundledData.countriesCSV, baciCountryCodesCSV: BundledData.baciCountryCodesCSV,
            nomenclature: HSNomenclature(codesCSV: BundledData.harmonizedSystemCSV, sectionsCSV: BundledData.hsSectionsCSV),
            groups: try ProductGroups(csv: BundledData.productGroupsCSV), blocs: Blocs(csv: BundledData.blocsCSV))
        let dossierReader = DossierReader(tables: tables, elements: nil, checksElements: false)
        let file = try #require(BundledData.dossierFiles.first { $0.lastPathComponent == "iran-kazakhstan.yaml" })
        return try dossierReader.read(path: file.path)
    }

    static let article = reader.read(BundledData.seedArticle, published: day(2025, 12, 11), pair: ("IRN", "KAZ"))

    /// Where the dossier reads more than the words give, what the words give: the claim's id, and the period
    /// and versus the text states (nil: it states none). a9-growth: "increased trade by 38%" names no base
    /// year (2019 is the dossier's reading of "the 2019 interim arrangement"); a12: the visit's month is the
    /// publication date's, not the sentence's.
    static let textGives: [String: (period: Period?, versus: Period?)] = [
        "a9-growth": (Period.year(2022), nil),
        "a12": (nil, nil),
    ]

    @Test("every claim the dossier codes for the article is found with its pair, period, value and expectation")
    func claims() throws {
        let claims = try Self.dossier().claims.filter { $0.source == Self.source }
        #expect(claims.count >= 9)
        for claim in claims {
            let given = Self.textGives[claim.id]
            let period = given.map(\.period) ?? claim.period
            let found = Self.article.findings.first { finding in
                guard finding.period == period else { return false }
                switch (claim.metric, claim.expectation) {
                case (.trade(let query), .value(let value, _)):
                    return finding.kind == .figure && Self.of(finding, query) && finding.valueUSD == Decimal(value)
                case (.trade(let query), .below(let value)):
                    return finding.kind == .figure && Self.of(finding, query) && finding.valueUSD == Decimal(value) && finding.bound == .below
                case (.trade(let query), .change(let percent, let versus, _)):
                    return finding.kind == .growth && Self.of(finding, query) && finding.pct == Decimal(percent)
                        && finding.versus == (given.map(\.versus) ?? versus)
                case (.trade(let query), .ratio(let ratio, let versus, _)):
                    return finding.kind == .growth && Self.of(finding, query) && finding.pct == Decimal((ratio - 1) * 100) && finding.versus == versus
                        && finding.bound == .about
                case (.agreements, .above(let count)):
                    return finding.kind == .count && finding.what == .agreements && finding.value == Decimal(count) && finding.bound == .above
                default:
                    return false
                }
            }
            // Tariff lines ("roughly 90% of goods") are no kind the reader reads: the claim is the dossier's.
            if case .tariffCoverage = claim.metric { continue }
            #expect(found != nil, "claim \(claim.id): \(claim.quote)")
        }
    }

    @Test("every target whose words the article holds is found, with its year when it states one")
    func targets() throws {
        let text = BundledData.seedArticle
        for target in try Self.dossier().targets where target.quote.map(text.contains) ?? false {
            // "move beyond the current sub-$400 million level" states a level, read as claim a13; that it is to
            // be passed by 2026 is the dossier's assumption.
            if target.id == "level-400m" { continue }
            let found = Self.article.findings.first { finding in
                guard finding.kind == .target, finding.year == (target.assumed ? nil : target.deadline) else { return false }
                switch target.metric {
                case .trade(let query): return Self.of(finding, query) && finding.valueUSD == Decimal(target.value)
                case .freight: return finding.what == .tonnes && finding.value == Decimal(target.value)
                default: return false
                }
            }
            #expect(found != nil, "target \(target.id): \(target.quote ?? "")")
        }
    }

    @Test("the article's statements, and nothing it does not state")
    func everything() {
        let read = Self.article.findings.map { finding in
            [
                finding.kind.rawValue, finding.flow?.rawValue ?? "-", finding.commodity ?? "-", finding.period?.description ?? "-",
                finding.valueUSD.map { "$\($0)" } ?? finding.pct.map { "\($0)%" } ?? "\(finding.what?.rawValue ?? "-") \(finding.value ?? 0)",
                finding.bound.rawValue, finding.versus.map { "vs \($0)" } ?? finding.year.map { "by \($0)" } ?? "",
            ].joined(separator: " ")
        }
        #expect(
            read == [
                "count - - - agreements 20 above ", "figure turnover TOTAL 2024 $340000000 about ", "growth turnover TOTAL 2024 12.3% exact vs 2023",
                "figure turnover TOTAL 2025-01..2025-09 $249100000 exact ",
                "growth turnover TOTAL 2025-01..2025-09 100% about vs 2024-01..2024-09",
                "figure turnover NONOIL SH1404-01..SH1404-07 $159000000 exact ", "target turnover TOTAL - $1000000000 exact ",
                "target turnover TOTAL - $3000000000 below ", "growth turnover TOTAL 2022 38% exact ", "figure turnover TOTAL 2022 $521000000 exact ",
                "target - - - tonnes 15000000 exact by 2027", "target - - - tonnes 20000000 exact by 2030",
                "figure turnover TOTAL 2025 $400000000 below ",
            ])
    }

    private static func of(_ finding: Finding, _ query: TradeQuery) -> Bool {
        finding.reporter == query.reporter && finding.partner == query.partner && finding.commodity == query.commodity
            && finding.flow == query.flow
    }
}
