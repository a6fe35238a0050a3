import Foundation
import Testing

/// The evidence rules through the command and the API, on a hand-made partnership: a claim's own
/// origin never confirms it, no evidence is no verdict, and the ledger's precedence in one sentence.
@Suite("Evidence rules through the CLI and the API")
struct EvidenceCLITests {
    let cli = CLI()

    static let figures = """
        reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote,compiler,status
        ARM,GEO,turnover,TOTAL,2018,422000000,,,Statistics Office via Wire,https://wire.example/a/1,2020-01-08,turnover 2018,Statistics Office,
        ARM,GEO,turnover,TOTAL,2018,516300000,,,Undated Digest,https://digest.example/x,,turnover 2018 with its parts,,
        ARM,GEO,export,TOTAL,2018,426700000,,,Undated Digest,https://digest.example/x,,turnover 2018 with its parts,,
        ARM,GEO,import,TOTAL,2018,89500000,,,Undated Digest,https://digest.example/x,,turnover 2018 with its parts,,
        GEO,ARM,export,TOTAL,2022-01..2022-03,95000000,,,Capital Times,https://capitaltimes.example/news/475013/Exports-to-Armenia-rise-38-in-3-months,2022-07-25,Georgia exported goods worth $95 million to Armenia in the three-month period,,
        ARM,GEO,turnover,TOTAL,2021,400000000,,,Capital Times,https://capitaltimes.example/news/400001/trade,2022-02-01,trade in 2021,,
        ARM,GEO,turnover,TOTAL,2020,300000000,,,Ministry of Economy,,2021-02-01,trade in 2020,,

        """

    static let tariffs = """
        reporter,partner_or_regime,hs_code,mfn_rate_pct,preferential_rate_pct,effective_from,source,url
        ARM,GEO,10,5,0,2025-05-15,Capital Times,

        """

    static let dossier = """
        partnership: {id: arm-geo, title: Armenia–Georgia, economies: [ARM, GEO]}
        sources:
          - {id: capital, title: Leaders meet in Tbilisi, publisher: Capital Times, published: 2025-12-11, url: "https://capitaltimes.example/news/500001/leaders-meet"}
          - {id: reprint, title: Exports to Armenia rise 38% in 3 months, publisher: Reprint Weekly, url: "https://reprint.example/article.php?id=368549"}
          - {id: ministry, title: Bulletin, publisher: Ministry of Economy}
          - {id: syndicated, title: Trade news, publisher: Regional Wire, via: Capital Times}
        claims:
          - {id: agreements-own, source: capital, quote: over 20 agreements will be signed, metric: {kind: agreements}, period: 2025-12, expect: {above: 20}}
          - {id: agreements-none, source: ministry, quote: two agreements were signed, metric: {kind: agreements}, period: 2024-01, expect: {above: 1}}
          - id: reprint
            source: reprint
            quote: Georgia exported goods worth $95 million to Armenia in the three-month period
            metric: {kind: trade, reporter: GEO, partner: ARM, flow: export}
            period: 2022-01..2022-03
            expect: {value: 95000000, tolerance_pct: 2}
          - {id: amount-own, source: capital, quote: trade was $400 million, metric: {kind: trade, reporter: ARM, partner: GEO}, period: "2021", expect: {value: 400000000}}
          - {id: via-own, source: syndicated, quote: trade was $400 million in 2021, metric: {kind: trade, reporter: ARM, partner: GEO}, period: "2021", expect: {value: 400000000}}
          - {id: other, source: capital, quote: trade was $300 million in 2020, metric: {kind: trade, reporter: ARM, partner: GEO}, period: "2020", expect: {value: 300000000}}
          - {id: funding-own, source: capital, quote: $80 million committed, metric: {kind: funding, projects: [port]}, period: "2025", expect: {value: 80000000}}
          - {id: share-own, source: capital, quote: tariffs removed on 90% of goods, metric: {kind: tariff_coverage, reporter: ARM, partner: GEO, share: lines}, period: "2025", expect: {value: 90}}
        agreements:
          - {id: package, title: Package, parties: [ARM, GEO], signed: 2025-12-11, domain: several, status: signed, count: 14, source: capital}
        projects:
          - id: port
            title: Port
            kind: port
            countries: [GEO]
            status: funded
            source: ministry
            funding:
              - {funder: Bank, kind: commitment, amount_usd: 80000000, date: 2025-03-01, source: capital}

        """

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text.prefix(300))")
    }

    func importAll() throws {
        let files = [
            cli.directory.write("figures.csv", Self.figures), cli.directory.write("tariffs.csv", Self.tariffs),
            cli.directory.write("arm-geo.yaml", Self.dossier),
        ]
        let imported = try cli.run(["import"] + files)
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    /// Each claim's verdict, reason and the providers set aside.
    func claims(_ card: [String: Any]) throws -> [String: (verdict: String, reason: String, setAside: [String])] {
        let claims = try #require(card["claims"] as? [[String: Any]])
        return Dictionary(
            uniqueKeysWithValues: claims.compactMap { claim in
                (claim["id"] as? String).map { id in
                    (
                        id,
                        (
                            claim["verdict"] as? String ?? "", claim["reason"] as? String ?? "",
                            (claim["set_aside"] as? [[String: Any]] ?? []).compactMap { $0["provider"] as? String }
                        )
                    )
                }
            })
    }

    func expectRules(_ card: [String: Any]) throws {
        let verdicts = try claims(card)
        #expect(verdicts["agreements-own"]?.verdict == "unverifiable")
        #expect(verdicts["agreements-own"]?.reason == "only its own origin (Capital Times) reports agreements signed for 2025-12")
        #expect(verdicts["agreements-none"]?.reason == "no agreements signed for 2024-01 from a source other than Ministry of Economy")
        #expect(verdicts["reprint"]?.verdict == "unverifiable" && verdicts["reprint"]?.setAside == ["Capital Times"])
        #expect(verdicts["amount-own"]?.verdict == "unverifiable" && verdicts["via-own"]?.verdict == "unverifiable")
        #expect(verdicts["other"]?.verdict == "consistent")
        #expect(verdicts["funding-own"]?.reason == "only its own origin (Capital Times) reports funding committed for 2025")
        #expect(verdicts["share-own"]?.reason == "only its own origin (Capital Times) gives the tariff schedule")
    }

    func expectPrecedence(_ series: [String: Any]) throws {
        let points = try #require(series["series"] as? [[String: Any]])
        let year = try #require(points.first { $0["period"] as? String == "2018" })
        #expect(year["value_usd"] as? Double == 422_000_000)
        #expect((year["sources"] as? [[String: Any]])?.first?["precedence"] as? String == "names-compiler")
        let alternatives = try #require(year["alternatives"] as? [[String: Any]])
        #expect(alternatives.map { $0["value_usd"] as? Double } == [516_300_000] && alternatives.first?["precedence"] as? String == "undated")
        #expect((year["components"] as? [[String: Any]])?.compactMap { $0["flow"] as? String } == ["export", "import"])
    }

    @Test("a claim's own origin never confirms it, and an undated quote loses to a compiler's figure: caravan claims and trade series")
    func command() throws {
        try importAll()
        try expectRules(try json(try cli.run("scorecard", "--partnership", "arm-geo", "--format", "json").stdout))
        try expectPrecedence(try json(try cli.run("trade", "series", "--reporter", "ARM", "--partner", "GEO", "--format", "json").stdout))
        let table = try cli.run("trade", "series", "--reporter", "ARM", "--partner", "GEO")
        #expect(table.stdout.contains("components: export 426,700,000 Undated Digest, import 89,500,000 Undated Digest"))
        #expect(table.stdout.contains("(figures.csv:2; names its compiler)"))
        let claims = try cli.run("claims", "--partnership", "arm-geo", "--format", "csv")
        #expect(claims.stdout.contains("only its own origin (Capital Times) reports agreements signed for 2025-12"))
    }

    @Test("the same verdicts and choice of figures over the API")
    func api() async throws {
        try importAll()
        let server = try ServeProcess(cli, ["--db", cli.directory.path("env.sqlite")])
        let card = try await fetch(server.url("/api/v1/scorecard?partnership=arm-geo"))
        #expect(card.status == 200)
        try expectRules(try json(card.text))
        let series = try await fetch(server.url("/api/v1/trade/series?reporter=ARM&partner=GEO"))
        try expectPrecedence(try json(series.text))
        let page = try await fetch(server.url("/claims?partnership=arm-geo"))
        #expect(page.status == 200 && page.text.contains("Reprint Weekly") && page.text.contains("its own origin, set aside"))
        #expect(server.stop().status == 0)
    }
}

/// Blocs as partners and growth rates as evidence, through the command and the API.
@Suite("Blocs and relative figures through the CLI and the API")
struct BlocAndRelationCLITests {
    let cli = CLI()

    static let figures = """
        reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote,compiler,status
        IRN,EAEU,turnover,TOTAL,2023,3000000000,,,Eurasian Economic Commission,,2024-03-01,EAEU trade with Iran,Eurasian Economic Commission,
        IRN,ARM,turnover,TOTAL,2024,700000000,,,Customs Bulletin,,2025-02-01,turnover 2024,IRICA,
        IRN,BLR,turnover,TOTAL,2024,100000000,,,Customs Bulletin,,2025-02-01,turnover 2024,IRICA,
        IRN,KAZ,turnover,TOTAL,2024,300000000,,,Customs Bulletin,,2025-02-01,turnover 2024,IRICA,
        IRN,KGZ,turnover,TOTAL,2024,50000000,,,Customs Bulletin,,2025-02-01,turnover 2024,IRICA,
        IRN,RUS,turnover,TOTAL,2024,4000000000,,,Customs Bulletin,,2025-02-01,turnover 2024,IRICA,

        """

    static let relations = """
        reporter,partner,flow,commodity,period,versus,change_pct,ratio,source,url,published,quote,compiler
        KAZ,IRN,turnover,TOTAL,2025-01..2025-10,2024-01..2024-10,40,,Report.az,https://report.az/x,,rose by 40%,

        """

    static let dossier = """
        partnership: {id: iran-eaeu, title: Iran and the EAEU, economies: [IRN, EAEU]}
        sources:
          - {id: wire, title: Trade rises, publisher: Wire, published: 2025-12-11}
          - {id: summit, title: Summit, publisher: Summit Daily, published: 2025-05-01}
        claims:
          - {id: bloc-2024, source: summit, quote: trade with the Union passed $5 billion, metric: {kind: trade, reporter: IRN, partner: EAEU}, period: "2024", expect: {above: 5000000000}}
          - {id: grew-40, source: wire, quote: turnover increased by 40% this year, metric: {kind: trade, reporter: IRN, partner: KAZ}, period: 2025-01..2025-10, expect: {change_pct: 40, versus: 2024-01..2024-10, tolerance_points: 5}}

        """

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text.prefix(300))")
    }

    func importAll() throws {
        let files = [
            cli.directory.write("figures.csv", Self.figures), cli.directory.write("relations.csv", Self.relations),
            cli.directory.write("iran-eaeu.yaml", Self.dossier),
        ]
        let imported = try cli.run(["import"] + files)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("relations.csv (relations): 1 rows read, 1 stored"))
    }

    func expectSeries(_ series: [String: Any]) throws {
        let points = try #require(series["series"] as? [[String: Any]])
        #expect(points.compactMap { $0["period"] as? String } == ["2023", "2024"])
        // 2023 is the bloc's own figure; 2024 its five members' figures added up.
        #expect(points.compactMap { $0["value_usd"] as? Double } == [3_000_000_000, 5_150_000_000])
        let sources = try #require(points.last?["sources"] as? [[String: Any]])
        #expect(sources.first?["note"] as? String == "sum of the 5 members of EAEU: ARM, BLR, KAZ, KGZ, RUS")
    }

    func expectVerdicts(_ card: [String: Any]) throws {
        let claims = try #require(card["claims"] as? [[String: Any]])
        let bloc = try #require(claims.first { $0["id"] as? String == "bloc-2024" })
        #expect(bloc["verdict"] as? String == "consistent" && bloc["computed"] as? Double == 5_150_000_000)
        let grew = try #require(claims.first { $0["id"] as? String == "grew-40" })
        #expect(grew["verdict"] as? String == "consistent", "\(grew)")
        #expect((grew["basis"] as? [[String: Any]])?.first?["provider"] as? String == "Report.az")
    }

    @Test("a bloc figure imports and answers a series, its members' figures where its own is missing; a stated growth checks a claim")
    func command() throws {
        try importAll()
        try expectSeries(try json(try cli.run("trade", "series", "--reporter", "IRN", "--partner", "EAEU", "--format", "json").stdout))
        try expectVerdicts(try json(try cli.run("scorecard", "--partnership", "iran-eaeu", "--format", "json").stdout))
        // A bloc whose members are not all held says whose figures are missing.
        let partial = try cli.run("trade", "series", "--reporter", "IRN", "--partner", "SCO")
        #expect(partial.status == 0 && partial.stdout.contains("the store holds BLR, KAZ, KGZ, RUS's"), "\(partial.stdout)")
        let unknown = try cli.run("trade", "series", "--reporter", "IRN", "--partner", "EAUE")
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown country 'EAUE'"))
    }

    @Test("the same bloc series and verdicts over the API")
    func api() async throws {
        try importAll()
        let server = try ServeProcess(cli, ["--db", cli.directory.path("env.sqlite")])
        try expectSeries(try json(try await fetch(server.url("/api/v1/trade/series?reporter=IRN&partner=EAEU")).text))
        try expectVerdicts(try json(try await fetch(server.url("/api/v1/scorecard?partnership=iran-eaeu")).text))
        #expect(server.stop().status == 0)
    }
}
