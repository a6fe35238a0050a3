import CaravanCore
import CaravanData
import CaravanImport
import CaravanTestSupport
import Testing

@Suite("Importing published figures")
struct FiguresImportTests {
    let directory = TemporaryDirectory()
    let header = "reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote"

    @Test("the bundled Iran–Kazakhstan figures, with their Solar Hijri period kept as stated")
    func bundled() throws {
        let file = try #require(BundledData.figureFiles.first { $0.lastPathComponent == "iran-kazakhstan.csv" })
        let (figures, summary, sources) = try readAll(file.path)
        #expect(summary.format == .figures && figures.count == summary.rowsRead && figures.count >= 17)
        let nonOil = try #require(figures.first { $0.observation.commodity == "NONOIL" })
        #expect(nonOil.observation.period.description == "SH1404-01..SH1404-07")
        #expect(nonOil.observation.quantityT == 277_000 && nonOil.observation.valueUSD == 159_000_000)
        #expect(sources[nonOil.source].provider == "Tehran Times" && sources[nonOil.source].published == "2025-12-11")
        #expect(figures.allSatisfy { $0.observation.note?.isEmpty == false })
        #expect(sources.allSatisfy { $0.url?.hasPrefix("https://") == true })
    }

    @Test("the bundled official figures keep whose statistics they are, their coverage and their status")
    func official() throws {
        let file = try #require(BundledData.figureFiles.first { $0.lastPathComponent == "iran-kazakhstan-official.csv" })
        let (figures, _, sources) = try readAll(file.path)
        let year1401 = try #require(figures.first { $0.observation.period.description == "SH1401" && $0.observation.flow == .turnover })
        #expect(year1401.observation.commodity == "NONOIL" && year1401.observation.valueUSD == 320_140_000)
        #expect(sources[year1401.source].compiler == "Iranian customs (IRICA)" && sources[year1401.source].status == .outturn)
        #expect(sources[year1401.source].provider == "Financial Tribune")
        // A minister's statement names no compiler: it is not official statistics.
        let statement = try #require(figures.first { $0.observation.period.description == "2022" && $0.observation.reporter == "KAZ" })
        #expect(sources[statement.source].compiler == nil)
    }

    @Test("each distinct source is recorded once, rows cite it by index")
    func sources() throws {
        let path = directory.write(
            "figures.csv",
            """
            \(header)
            KAZ,IRN,turnover,TOTAL,2022,528000000,,,PM via daryo.uz,https://daryo.uz/x,2023-04-27,"turnover 2022: $528 million, up about 20%"
            IRN,KAZ,turnover,TOTAL,2022,521000000,,,Tehran Times,https://example.org/a,2025-12-11,"reached $521 million"
            KAZ,IRN,export,AGRI,2018,328900000,,fob,PM via daryo.uz,https://daryo.uz/x,2023-04-27,
            """)
        let (figures, _, sources) = try readAll(path)
        #expect(sources.map(\.provider) == ["PM via daryo.uz", "Tehran Times"])
        #expect(figures.map(\.source) == [0, 1, 0])
        #expect(figures[0].observation.note == "turnover 2022: $528 million, up about 20%")
        #expect(figures[2].observation.valuation == .fob)
    }

    @Test("every bad field is named, with its line")
    func invalid() throws {
        let path = directory.write(
            "figures.csv",
            """
            \(header)
            KAZ,IRN,turnover,TOTAL,2022,abc,,,S,,,
            KAZ,XXX,turnover,TOTAL,2022,1,,,S,,,
            KAZ,IRN,barter,TOTAL,2022,1,,,S,,,
            KAZ,IRN,export,TOTAL,SH1404-12-30,1,,,S,,,
            KAZ,IRN,export,TOTAL,2023,1,,,,,,
            KAZ,IRN,export,TOTAL,2023,1,,,S,ftp://x,,
            KAZ,IRN,export,TOTAL,2024,1,,,S,,,
            KAZ,IRN,export,TOTAL,2024,2,,,S,,,
            KAZ,IRN,export,TOTAL,2025,1,,,S,,
            """)
        let result = try #require(problems(path))
        #expect(
            result.problems.map { "\($0.line) \($0.field)" } == [
                "2 value_usd", "3 partner", "4 flow", "5 period", "6 source", "7 url", "9 period", "10 row",
            ])
        #expect(result.problems[3].reason == "SH1404-12-30: Esfand 1404 has 29 days (1404 is not a leap year)")
        #expect(result.problems[6].reason == "the same figure from the same source as line 8")
    }

    @Test("only the first 20 problems are listed, with the count of all")
    func manyProblems() throws {
        let rows = (1...30).map { _ in "KAZ,IRN,export,TOTAL,2022,-1,,,S,,," }
        let path = directory.write("figures.csv", ([header] + rows).joined(separator: "\n"))
        let result = try #require(problems(path))
        #expect(result.problems.count == 20 && result.count == 30)
        #expect(failure(path)?.contains("… and 10 more invalid rows") == true)
    }

    @Test("--skip-invalid keeps the valid rows and writes the rejected ones with reasons")
    func skipInvalid() throws {
        let path = directory.write("figures.csv", "\(header)\nKAZ,IRN,export,TOTAL,2022,5,,,S,,,\nKAZ,IRN,export,TOTAL,2023,-1,,,S,,,\n")
        let rejected = directory.path("rejected.csv")
        let (figures, summary, _) = try readAll(path, policy: .skip(rejectedFile: rejected))
        #expect(figures.count == 1 && summary.rejected == 1 && summary.rejectedFile == rejected)
        let text = try String(contentsOfFile: rejected, encoding: .utf8)
        #expect(text == "line,field,reason,row\n3,value_usd,\"must be at least 0 USD, not -1\",\"KAZ,IRN,export,TOTAL,2023,-1,,,S,,,\"\n")
    }
}
