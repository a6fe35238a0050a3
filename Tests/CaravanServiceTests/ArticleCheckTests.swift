import CaravanCheck
import CaravanCore
import CaravanData
import CaravanDossier
import CaravanImport
import CaravanPresentation
import CaravanSQLite
import CaravanService
import CaravanTestSupport
import Foundation
import Testing

@Suite("An article checked against the ledger, on a SQLite file with the bundled data")
struct ArticleCheckTests {
    let directory = TemporaryDirectory()
    let ledger: Workspace

    init() throws { ledger = Workspace(store: try SQLiteLedgerStore(path: directory.path("ledger.sqlite"))) }

    private func check(
        _ text: String, published: String? = "2025-12-11", source: String? = "Tehran Times"
    ) async throws -> (
        ArticleJudgement, ArticleCheck
    ) {
        let request = try RequestReader(.commandLine, workspace: ledger).article(
            .init(partnership: nil, published: published, source: source, url: nil, markup: nil, asOf: nil), text: text)
        let judgement = try await ledger.read(request)
        return (judgement, try await ledger.check(judgement))
    }

    @Test("the seed article: each statement the dossier codes as a claim of that article is judged as the dossier judges it")
    func seedAsTheDossier() async throws {
        _ = try await ledger.importBundledData()
        let (_, checked) = try await check(BundledData.seedArticle)
        let scorecard = try await ledger.scorecard("iran-kazakhstan")
        let dossier = try await ledger.dossier("iran-kazakhstan")
        let coded = dossier.claims.filter { $0.source == "tehrantimes-2025-12-11" }
        var matched: [String] = []
        for claim in coded {
            // The same metric, period and kind of expectation at the same number: the same statement.
            guard
                let statement = checked.found.first(where: { statement in
                    Self.sameStatement(statement, claim)
                })
            else { continue }
            let judged = try #require(scorecard.claims.first { $0.id == claim.id })
            #expect(statement.verdict.rawValue == judged.verdict.rawValue, "\(claim.id): \(statement.reason.english) / \(judged.reason.english)")
            matched.append(claim.id)
        }
        // Every claim the text pins down as the dossier does; a9-growth's base (2019) and a12's month are
        // the dossier's interpretations, which the text does not state (docs/check.md), and are listed as unpinned.
        #expect(Set(matched) == ["a1", "a2", "a3", "a4", "a5", "a9", "a13"], "\(matched)")
    }

    /// Whether an article's statement says what a dossier claim says.
    static func sameStatement(_ statement: CheckedStatement, _ claim: Claim) -> Bool {
        let finding = statement.finding
        guard case .trade(let query) = claim.metric, finding.reporter.map({ [query.reporter, query.partner].contains($0) }) == true,
            finding.flow == query.flow, finding.commodity == query.commodity
        else {
            if case .agreements = claim.metric, finding.kind == .count, finding.period == claim.period,
                case .above(let bound) = claim.expectation
            {
                return finding.value.map { NSDecimalNumber(decimal: $0).doubleValue } == bound
            }
            return false
        }
        switch claim.expectation {
        case .value(let value, _): return finding.kind == .figure && finding.period == claim.period && double(finding.valueUSD) == value
        case .above(let value):
            return finding.kind == .figure && finding.bound == .above && finding.period == claim.period && double(finding.valueUSD) == value
        case .below(let value):
            return finding.kind == .figure && finding.bound == .below && finding.period == claim.period && double(finding.valueUSD) == value
        case .change(let pct, let versus, _):
            return finding.kind == .growth && finding.period == claim.period && finding.versus == versus && double(finding.pct) == pct
        case .ratio(let ratio, let versus, _):
            return finding.kind == .growth && finding.period == claim.period && finding.versus == versus && double(finding.pct) == (ratio - 1) * 100
        }
    }

    private static func double(_ value: Decimal?) -> Double? { value.map { NSDecimalNumber(decimal: $0).doubleValue } }

    @Test("an article's own figures, once imported, are set aside: they never confirm it")
    func ownFiguresSetAside() async throws {
        _ = try await ledger.importBundledData()
        let text = "Trade between Iran and Kazakhstan reached $777 million in 2023, officials said."
        let (judgement, before) = try await check(text, source: "Example Daily")
        let figure = try #require(before.found.first)
        #expect(figure.finding.period == .year(2023) && figure.verdict != .consistent)
        let csv = try #require(ArticleFiles.figures(judgement))
        let file = directory.write("example-daily.csv", csv)
        let imported = try await ledger.importFile(file, as: "example-daily.csv", format: .figures)
        guard case .stored = imported.receipt else {
            Issue.record("the emitted figures were not stored: \(imported.receipt)")
            return
        }
        let (_, after) = try await check(text, source: "Example Daily")
        let again = try #require(after.found.first)
        #expect(again.verdict == figure.verdict, "\(again.reason.english)")
        #expect(again.setAside.contains { $0.provider == "Example Daily" })
        #expect(!again.basis.contains { $0.provider == "Example Daily" })
        // Another outlet checking the same number is confirmed by it: the figure is Example Daily's, not the other's own.
        let (_, other) = try await check("Iran–Kazakhstan trade was $777 million in 2023.", source: "Other Outlet")
        #expect(other.found.first?.basis.contains { $0.provider == "Example Daily" } == true)
    }

    @Test("with no partnership asked, the one whose economies the article names: Turkmenistan's, or the first imported when none")
    func partnershipByName() async throws {
        _ = try await ledger.importBundledData()
        let (_, turkmen) = try await check("Iran's exports to Turkmenistan reached $95 million in 2022.", published: nil)
        #expect(turkmen.article.partnership == "iran-turkmenistan")
        let (_, kazakh) = try await check("Kazakhstan's imports from Iran were $120 million in 2022.", published: nil)
        #expect(kazakh.article.partnership == "iran-kazakhstan")
        let (_, none) = try await check("Trade reached $95 million in 2022.", published: nil)
        #expect(none.article.partnership == "iran-kazakhstan" && none.found.first?.finding.partner == "KAZ")
    }

    @Test("what the text leaves open is listed as unpinned with why, never judged")
    func unpinned() async throws {
        _ = try await ledger.importBundledData()
        let (_, checked) = try await check("Trade reached $340 million, officials said.", published: nil)
        let statement = try #require(checked.found.first)
        #expect(statement.verdict == .unpinned && statement.reason.english == "no period the text pins down" && statement.basis.isEmpty)
    }

    @Test("the emitted dossier reads back with the partnership's own reader: the same claims and targets")
    func emittedDossier() async throws {
        _ = try await ledger.importBundledData()
        let (judgement, _) = try await check(BundledData.seedArticle)
        let yaml = ArticleFiles.dossier(judgement)
        let header = "partnership:\n  id: iran-kazakhstan\n  title: Iran–Kazakhstan\n  economies: [IRN, KAZ]\n"
        let dossier = try DossierReader(tables: ledger.tables, elements: nil, checksElements: false).read(text: header + yaml, file: "emitted.yaml")
        #expect(dossier.claims == judgement.claims && dossier.targets == judgement.targets)
        #expect(dossier.sources.map(\.publisher) == ["Tehran Times"] && !judgement.claims.isEmpty)
    }

    @Test("a hostile source and quote stay inside their YAML strings")
    func hostileYAML() async throws {
        _ = try await ledger.importBundledData()
        let text = "Trade reached $340 million in 2024 \u{202E}\"]: {x: 1}\n# and: [\u{0085}\u{2028}"
        let (judgement, _) = try await check(text, source: "Evil\" # outlet: {a: b}")
        let yaml = ArticleFiles.dossier(judgement)
        let header = "partnership:\n  id: iran-kazakhstan\n  title: T\n  economies: [IRN, KAZ]\n"
        let dossier = try DossierReader(tables: ledger.tables, elements: nil, checksElements: false).read(text: header + yaml, file: "emitted.yaml")
        #expect(dossier.sources.first?.publisher == "Evil\" # outlet: {a: b}")
        #expect(dossier.claims.map(\.quote) == judgement.claims.map(\.quote))
    }
}
