import CaravanTestSupport
import Foundation
import Testing

@Suite("caravan check: an article read, judged and written out")
struct CheckCLITests {
    let cli = CLI()
    static let seed = CLI.repository.appendingPathComponent("Data/reference/seed-article.txt").path

    private func demo() throws {
        #expect(try cli.run("demo", "--db", "c.sqlite").status == 0)
    }

    @Test("the seed article: a table of its statements, each with a verdict and why; JSON with the contract's fields")
    func seed() throws {
        try demo()
        let table = try cli.run("check", Self.seed, "--db", "c.sqlite", "--published", "2025-12-11", "--source", "Tehran Times")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("IRN–KAZ turnover TOTAL 2024: about 340,000,000 USD") && table.stdout.contains("Tehran Times, 2025-12-11 (en)"))
        let json = try cli.run("check", Self.seed, "--db", "c.sqlite", "--published", "2025-12-11", "--source", "Tehran Times", "--format", "json")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let article = try #require(answer["article"] as? [String: Any])
        #expect(article["published"] as? String == "2025-12-11" && article["language"] as? String == "en")
        let found = try #require(answer["found"] as? [[String: Any]])
        // The seed article's first figure; a count of agreements comes before it.
        let first = try #require(found.first { $0["kind"] as? String == "figure" })
        for key in [
            "kind", "quote", "span", "reporter", "partner", "flow", "commodity", "period", "value_usd", "bound", "year", "pct", "what", "value",
            "verdict", "reason", "basis",
        ] {
            #expect(first.keys.contains(key), "\(key)")
        }
        #expect(first["period"] as? String == "2024" && first["value_usd"] as? Double == 340_000_000 && first["bound"] as? String == "about")
        // The span is the quote's place in the text as read, which for a plain file is the file.
        let text = try String(contentsOfFile: Self.seed, encoding: .utf8)
        let span = try #require(first["span"] as? [Int])
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[span[0]..<span[1]])) == first["quote"] as? String)
        let md = try cli.run("check", Self.seed, "--db", "c.sqlite", "--published", "2025-12-11", "--format", "md")
        #expect(md.status == 0 && md.stdout.contains("| id | kind | statement |"))
    }

    @Test("--emit figures writes a figures CSV that imports; --emit dossier writes the claims in the dossier's YAML")
    func emit() throws {
        try demo()
        let article = cli.directory.write("a.md", "# Trade\n\nTrade between Iran and Kazakhstan reached **$777 million** in 2023.\n")
        let result = try cli.run(
            "check", article, "--db", "c.sqlite", "--source", "Example Daily", "--url", "https://example.org/a", "--published", "2024-02-01",
            "--emit", "figures", "a.csv", "--emit", "dossier", "a.yaml")
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOfFile: cli.directory.path("a.csv"), encoding: .utf8)
        #expect(csv.contains("IRN,KAZ,turnover,TOTAL,2023,777000000,,,Example Daily,https://example.org/a,2024-02-01"))
        let imported = try cli.run("import", "a.csv", "--db", "c.sqlite")
        #expect(imported.status == 0, "\(imported.stderr)")
        let yaml = try String(contentsOfFile: cli.directory.path("a.yaml"), encoding: .utf8)
        #expect(yaml.contains("period: \"2023\"") && yaml.contains("expect: {value: 777000000, tolerance_pct: 2}"))
    }

    @Test("--calendar solar-hijri reads \"last year\" as the Iranian year before the publication's")
    func calendar() throws {
        try demo()
        _ = cli.directory.write("irna.txt", "Iran's exports to Kazakhstan reached $200 million last year.\n")
        func period(_ extra: [String]) throws -> String? {
            let result = try cli.run(["check", "irna.txt", "--db", "c.sqlite", "--published", "2023-05-01", "--format", "json"] + extra)
            let answer = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return ((answer?["found"] as? [[String: Any]])?.first?["period"]) as? String
        }
        #expect(try period([]) == "2022")
        #expect(try period(["--calendar", "solar-hijri"]) == "SH1401")
        let wrong = try cli.run("check", "irna.txt", "--db", "c.sqlite", "--calendar", "julian")
        #expect(wrong.status == 64 && wrong.stderr.contains("--calendar: 'julian'; expected gregorian, solar-hijri"))
    }

    @Test("--out writes the check as one self-contained page, in the language asked, each statement marked")
    func report() throws {
        try demo()
        let result = try cli.run(
            "check", Self.seed, "--db", "c.sqlite", "--published", "2025-12-11", "--source", "Tehran Times", "--out", "check.html", "--lang", "fa")
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: cli.directory.path("check.html"), encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("dir=\"rtl\"") && html.contains("<mark") && html.contains("id=\"statement-f2\""))
        // Nothing fetched, nothing run: the styles inline, no script, no form.
        #expect(!html.contains("<script") && !html.contains("<link rel=\"stylesheet\"") && !html.contains("<form") && html.contains(".article-text{"))
        let badLanguage = try cli.run("check", Self.seed, "--db", "c.sqlite", "--out", "x.html", "--lang", "de")
        #expect(badLanguage.status == 64 && badLanguage.stderr.contains("--lang"))
    }

    @Test("standard input, HTML with its own date and site in its head")
    func standardInput() throws {
        try demo()
        let page = """
            <html><head><meta property="article:published_time" content="2025-12-11T09:00:00Z">
            <meta property="og:site_name" content="Tehran Times"></head>
            <body><p>In 2024, bilateral trade reached approximately $340 million.</p><script>var x = "$999 million in 2020";</script></body></html>
            """
        let result = try Command.run(
            CLI.binary, ["check", "-", "--db", "c.sqlite", "--format", "json"], environment: ["CARAVAN_POSTGRES": ""], directory: cli.directory.url,
            input: Data(page.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let article = try #require(answer["article"] as? [String: Any])
        #expect(
            article["published"] as? String == "2025-12-11" && article["source"] as? String == "Tehran Times"
                && article["format"] as? String == "html")
        #expect((answer["found"] as? [Any])?.count == 1)
    }

    @Test(
        "bad input: the message names the file or option, exit 1 or 64, nothing traps",
        arguments: [
            (["check", "missing.txt"], "missing.txt: no such file", Int32(1)),
            (["check", "."], ". is a folder", 1),
            (["check", "bad.txt"], "bad.txt: not UTF-8 (byte 7 is not)", 1),
            (["check", "empty.txt"], "the article is empty", 64),
            (["check", "ok.txt", "--published", "2025-02-30"], "--published", 64),
            (["check", "ok.txt", "--markup", "pdf"], "--markup: 'pdf'; expected text, markdown, html", 64),
            (["check", "ok.txt", "--emit", "figures"], "--emit takes a kind and a file", 64),
            (["check", "ok.txt", "--emit", "csv", "x"], "expected figures or dossier", 64),
            (["check", "ok.txt", "--emit", "figures", "x.csv"], "give --source", 1),
            (["check", "ok.txt", "--partnership", "nowhere"], "nowhere", 1),
        ])
    func badInput(arguments: [String], message: String, status: Int32) throws {
        try demo()
        _ = cli.directory.write("ok.txt", "Trade reached $340 million in 2024.\n")
        _ = cli.directory.write("empty.txt", "  \n")
        try Data([0x54, 0x72, 0x61, 0x64, 0x65, 0x20, 0xFF, 0x24]).write(to: cli.directory.url.appendingPathComponent("bad.txt"))
        let result = try cli.run(arguments + ["--db", "c.sqlite"])
        #expect(result.status == status && result.stderr.contains(message), "\(result.status) \(result.stderr)")
    }

    @Test("an article over 10 MB is refused before it is read")
    func tooLarge() throws {
        let big = cli.directory.path("big.txt")
        FileManager.default.createFile(atPath: big, contents: Data(count: 10 * 1024 * 1024 + 1))
        let result = try cli.run("check", "big.txt", "--db", "c.sqlite")
        #expect(result.status == 1 && result.stderr.contains("more than 10485760 bytes"), "\(result.stderr)")
    }
}
