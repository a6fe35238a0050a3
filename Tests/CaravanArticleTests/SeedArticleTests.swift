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

    /// The dossier's claims of trade values and bounds that cite the seed article.
    static func codedFigures() throws -> [(Claim, TradeQuery, Double)] {
        let tables = ReferenceTables(
            countriesCSV: BundledData.countriesCSV, baciCountryCodesCSV: BundledData.baciCountryCodesCSV,
            nomenclature: HSNomenclature(codesCSV: BundledData.harmonizedSystemCSV, sectionsCSV: BundledData.hsSectionsCSV),
            groups: try ProductGroups(csv: BundledData.productGroupsCSV), blocs: Blocs(csv: BundledData.blocsCSV))
        let dossierReader = DossierReader(tables: tables, elements: nil, checksElements: false)
        let file = try #require(BundledData.dossierFiles.first { $0.lastPathComponent == "iran-kazakhstan.yaml" })
        let dossier = try dossierReader.read(path: file.path)
        return dossier.claims.compactMap { claim in
            guard claim.source == source, case .trade(let query) = claim.metric else { return nil }
            switch claim.expectation {
            case .value(let value, _), .below(let value): return (claim, query, value)
            default: return nil
            }
        }
    }

    @Test("every trade figure the dossier codes for the article is found with its pair, period, commodity and value")
    func seed() throws {
        let article = reader.read(BundledData.seedArticle, published: day(2025, 12, 11), pair: ("IRN", "KAZ"))
        let coded = try Self.codedFigures()
        #expect(coded.count >= 5)
        for (claim, query, value) in coded {
            let found = article.findings.first { finding in
                finding.reporter == query.reporter && finding.partner == query.partner && finding.period == claim.period
                    && finding.commodity == query.commodity && finding.valueUSD == Decimal(value)
            }
            #expect(found != nil, "claim \(claim.id): \(claim.quote)")
        }
    }

    @Test("the article's figures, and nothing it does not state as one")
    func everything() {
        let article = reader.read(BundledData.seedArticle, published: day(2025, 12, 11), pair: ("IRN", "KAZ"))
        let read = article.findings.map {
            "\($0.flow?.rawValue ?? "-") \($0.commodity ?? "-") \($0.period?.description ?? "-") \($0.valueUSD ?? 0) \($0.bound.rawValue)"
        }
        #expect(
            read == [
                "turnover TOTAL 2024 340000000 about", "turnover TOTAL 2025-01..2025-09 249100000 exact",
                "turnover NONOIL SH1404-01..SH1404-07 159000000 exact", "turnover TOTAL 2022 521000000 exact",
                "turnover TOTAL 2025 400000000 below",
            ])
    }
}
