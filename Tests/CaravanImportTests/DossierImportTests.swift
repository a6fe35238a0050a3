import CaravanDossier
import CaravanImport
import CaravanTestSupport
import Testing

@Suite("Reading a partnership dossier")
struct DossierImportTests {
    let reader = DossierReader(tables: tables, elements: ["kti", "aktau_port"])

    let document = """
        partnership:
          id: p
          title: A partnership
          economies: [IRN, KAZ]
          corridor: kti
        sources:
          - {id: s, title: Article, publisher: Paper, published: 2025-12-11}
        targets:
          - id: t
            metric: {kind: trade, reporter: IRN, partner: KAZ}
            value: 1000000000
            deadline: 2028
            assumed: true
            assumption: near term
            source: s
        claims:
          - id: c
            source: s
            quote: about $340 million
            metric: {kind: trade, reporter: IRN, partner: KAZ}
            period: "2024"
            expect: {value: 340000000}
        projects:
          - id: port
            title: Port
            status: funded
            completion_year: 2028
            source: s
            effects:
              - {element: aktau_port, capacity_mt: {add: 5.5}}
            funding:
              - {funder: Bank, kind: commitment, amount_usd: 1000, date: 2025-01-01, source: s}
        """

    func problems(_ text: String) -> [String] {
        do {
            _ = try reader.read(text: text, file: "d.yaml")
            return []
        } catch {
            guard case .invalidDocument(_, let problems) = error else { return ["\(error)"] }
            return problems
        }
    }

    @Test("a valid dossier reads into its parts, with defaults where fields are left out")
    func valid() throws {
        let dossier = try reader.read(text: document, file: "d.yaml")
        #expect(dossier.partnership.economies == ["IRN", "KAZ"] && dossier.partnership.corridor == "kti")
        #expect(dossier.targets.first?.assumed == true && dossier.targets.first?.deadline == 2028)
        #expect(dossier.claims.first?.expectation == .value(340_000_000, tolerancePct: 5))
        #expect(dossier.projects.first?.effects == [ProjectEffect(element: "aktau_port", figure: .capacityMt, change: .add, amount: 5.5)])
        #expect(dossier.projects.first?.funding.first?.amountUSD == 1000)
    }

    @Test("titles in other languages are read by language code, for partnerships, targets, agreements and projects")
    func titles() throws {
        let text = document.replacingOccurrences(of: "title: A partnership", with: "title: A partnership\n  titles: {fa: شراکت, ru: Партнёрство}")
            .replacingOccurrences(
                of: "    metric: {kind: trade, reporter: IRN, partner: KAZ}\n    value",
                with: "    titles: {ru: Цель}\n    metric: {kind: trade, reporter: IRN, partner: KAZ}\n    value")
        let dossier = try reader.read(text: text, file: "d.yaml")
        #expect(dossier.partnership.titles == ["fa": "شراکت", "ru": "Партнёрство"] && dossier.targets.first?.titles == ["ru": "Цель"])
    }

    @Test("a source names whom it quotes and whom it reprints: one name or a list of them")
    func originAndVia() throws {
        let text = document.replacingOccurrences(
            of: "published: 2025-12-11}",
            with: "published: 2025-12-11, origin: Iranian customs (IRICA), via: [Tehran Times, IRNA]}")
        let source = try #require(try reader.read(text: text, file: "d.yaml").sources.first)
        #expect(source.origin == ["Iranian customs (IRICA)"] && source.via == ["Tehran Times", "IRNA"])
        #expect(
            problems(text.replacingOccurrences(of: "via: [Tehran Times, IRNA]", with: "via: {a: 1}")) == ["sources[0].via (line 7): expected text"])
    }

    @Test(
        "each mistake is named with its YAML path and line, and all are reported at once",
        arguments: [
            (
                "source: s\n    quote", "source: nowhere\n    quote",
                "claims[0].source (line 18): unknown source 'nowhere'; sources are listed under sources"
            ),
            (
                "corridor: kti", "corridor: ktx",
                "partnership.corridor (line 5): unknown element 'ktx': not a link, node or corridor of the network in the store"
            ),
            (
                "economies: [IRN, KAZ]", "economies: [IRN, XXX]",
                "partnership.economies[1] (line 4): unknown economy 'XXX'; expected an ISO 3166 alpha-3 code or a bloc"
            ),
            ("period: \"2024\"", "period: \"2024-13\"", "claims[0].period (line 21): 2024-13: there is no month 13; months run from 01 to 12"),
            ("    value: 1000000000\n", "", "targets[0].value (line 9): missing"),
            ("    deadline: 2028\n", "", "targets[0].deadline (line 9): missing"),
            (
                "    expect: {value: 340000000}", "",
                "claims[0].expect (line 17): a claim needs an expectation: value, change_pct, ratio, below or above"
            ),
            ("amount_usd: 1000", "amount_usd: -1000", "projects[0].funding[0].amount_usd (line 32): must be at least 0, not -1,000"),
            (
                "title: A partnership", "title: A partnership\n  titles: {fa: شراکت, Russian: Партнёрство}",
                "partnership.titles (line 4): 'Russian' is not a two-letter language code (fa, ru)"
            ),
            (
                "title: A partnership", "title: A partnership\n  titles: شراکت",
                "partnership.titles (line 4): expected a language code for each text, as in {fa: …, ru: …}"
            ),
            (
                "status: funded", "status: dreaming",
                "projects[0].status (line 26): 'dreaming'; expected proposed, agreed, funded, under_construction, operational, stalled, cancelled"
            ),
        ])
    func refused(old: String, new: String, expected: String) {
        #expect(problems(document.replacingOccurrences(of: old, with: new)).contains(expected))
    }

    @Test("several mistakes are all reported")
    func several() {
        let broken = document.replacingOccurrences(of: "source: s\n    quote", with: "source: x\n    quote").replacingOccurrences(
            of: "corridor: kti", with: "corridor: y")
        #expect(problems(broken).count == 2)
    }

    @Test("a dossier that names an element when the store holds no network is refused with the reason")
    func noNetwork() throws {
        let bare = DossierReader(tables: tables, elements: nil)
        #expect(throws: ImportError.self) { try bare.read(text: document, file: "d.yaml") }
    }

    @Test("text that is not YAML, or not a mapping")
    func notYAML() {
        #expect(problems("partnership: [unclosed").first?.contains("not valid YAML") == true)
        #expect(problems("- a\n- b\n") == ["the dossier must be a mapping with a partnership"])
    }
}
