import CaravanCore
import CaravanData
import CaravanImport
import CaravanTestSupport
import Foundation
import Testing

let tablesWithHS = ReferenceTables(
    countriesCSV: BundledData.countriesCSV, baciCountryCodesCSV: BundledData.baciCountryCodesCSV,
    nomenclature: HSNomenclature(codesCSV: BundledData.harmonizedSystemCSV, sectionsCSV: BundledData.hsSectionsCSV))

@Suite("Tariff schedules and HS codes on import")
struct TariffImportTests {
    let directory = TemporaryDirectory()
    static let header = "reporter,partner_or_regime,hs_code,mfn_rate_pct,preferential_rate_pct,effective_from,source,url\n"

    func read(_ text: String) throws(ImportError) -> [Staged<TariffLine>] {
        let file = try FileImport<TariffLine>(tariffsAt: directory.write("tariffs.csv", Self.header + text), tables: tablesWithHS)
        var lines: [Staged<TariffLine>] = []
        while let line = try file.next() { lines.append(line) }
        return lines
    }

    @Test("a schedule reads entries at any HS level, with a preferential rate or none, and their sources")
    func schedule() throws {
        let lines = try read(
            """
            KAZ,IRN,10,5,0,2025-05-15,EAEU Council,https://example.org/eaeu
            KAZ,IRN,100111,5,,2025-05-15,EAEU Council,https://example.org/eaeu
            KAZ,EAEU-IRN-FTA,2709,0,0,SH1404-02-25,EAEU Council,https://example.org/eaeu
            KAZ,IRN,0201.10,5,0,2025-05-15,EAEU Council,https://example.org/eaeu
            """)
        #expect(lines.map(\.record.code) == ["10", "100111", "2709", "020110"] && lines.map(\.line) == [2, 3, 4, 5])
        #expect(lines[1].record.preferentialPct == nil && lines[0].record.liberalized)
        #expect(lines[2].record.effectiveDate == "2025-05-15", "SH1404-02-25 is 15 May 2025")
    }

    @Test(
        "bad entries are refused naming line and field, and nothing is read",
        arguments: [
            ("KAZ,IRN,1x01,5,0,2025-05-15,S,", "hs_code", "2, 4 or 6 digits"),
            ("KAZ,IRN,123456,5,0,2025-05-15,S,", "hs_code", "not a code of HS 2022"),
            ("KAZ,IRN,10011100,5,0,2025-05-15,S,", "hs_code", "national lines"),
            ("KAZ,IRN,10,five,0,2025-05-15,S,", "mfn_rate_pct", "'five'"),
            ("KAZ,IRN,10,-1,0,2025-05-15,S,", "mfn_rate_pct", "0 to 1,000"),
            ("KAZ,IRN,10,5,1500,2025-05-15,S,", "preferential_rate_pct", "0 to 1,000"),
            ("KAZ,IRN,10,,0,2025-05-15,S,", "mfn_rate_pct", "empty"),
            ("KAZ,IRN,10,5,0,2025-05,S,", "effective_from", "a day"),
            ("XXX,IRN,10,5,0,2025-05-15,S,", "reporter", "unknown country"),
            ("KAZ,,10,5,0,2025-05-15,S,", "partner_or_regime", "empty"),
            ("KAZ,IRN,10,5,0,2025-05-15,,", "source", "empty"),
        ])
    func refused(_ row: String, _ field: String, _ says: String) {
        #expect {
            _ = try read("KAZ,IRN,84,5,0,2025-05-15,S,\n" + row + "\n")
        } throws: { error in
            guard case ImportError.invalidRows(_, let problems, _) = error, let problem = problems.first else { return false }
            return problem.line == 3 && problem.field == field && problem.reason.contains(says)
        }
    }

    @Test("the same line twice from one date is refused, naming the first")
    func overlapping() {
        #expect {
            _ = try read("KAZ,IRN,10,5,0,2025-05-15,S,\nKAZ,IRN,1001,5,0,2025-05-15,S,\nKAZ,IRN,10,5,2,2025-05-15,S,\n")
        } throws: { error in
            guard case ImportError.invalidRows(_, let problems, _) = error, let problem = problems.first else { return false }
            return problem.line == 4 && problem.reason.contains("line 2")
        }
    }

    @Test("trade figures with HS codes the edition lacks are kept, and counted by code")
    func flagged() throws {
        let path = directory.write(
            "figures.csv",
            """
            reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote
            KAZ,IRN,export,100111,2024,5,,,Customs,,,
            KAZ,IRN,export,123456,2024,6,,,Customs,,,
            KAZ,IRN,export,123456,2023,7,,,Customs,,,
            KAZ,IRN,export,NONOIL,2023,7,,,Customs,,,
            """)
        let file = try FileImport(path: path, tables: tablesWithHS)
        var kept = 0
        while try file.next() != nil { kept += 1 }
        #expect(kept == 4 && file.summary.flagged == ["123456": 2])
    }
}

@Suite("The bundled HS 2022 nomenclature")
struct NomenclatureTests {
    @Test("every chapter, heading and subheading is read, names with quoted commas whole, a CRLF line too")
    func counts() {
        let hs = HSNomenclature(codesCSV: BundledData.harmonizedSystemCSV, sectionsCSV: BundledData.hsSectionsCSV)
        #expect(hs.subheadings.count == 5_613)
        #expect((0...99).map { String(format: "%02d", $0) }.filter(hs.contains).count == 97)
        #expect(hs.name(of: "0101") == "Horses, asses, mules and hinnies; live" && hs.section(of: "010121") == "I")
        let windows = HSNomenclature(
            codesCSV: "section,hscode,description,parent,level\r\nI,01,\"Animals, \"\"live\"\"\",TOTAL,2\r\n", sectionsCSV: "")
        #expect(windows.name(of: "01") == "Animals, \"live\"" && windows.section(of: "01") == "I")
    }
}
