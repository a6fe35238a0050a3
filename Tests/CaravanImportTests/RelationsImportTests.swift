import CaravanCore
import CaravanImport
import CaravanTestSupport
import Foundation
import Testing

@Suite("Growth rates and multiples on import (the relations CSV)")
struct RelationsImportTests {
    let directory = TemporaryDirectory()
    static let header = "reporter,partner,flow,commodity,period,versus,change_pct,ratio,source,url,published,quote,compiler\n"

    func read(_ text: String) throws(ImportError) -> [Staged<RelativeFigure>] {
        let file = try FileImport<RelativeFigure>(relationsAt: directory.write("relations.csv", Self.header + text), tables: tablesWithHS)
        var rows: [Staged<RelativeFigure>] = []
        while let row = try file.next() { rows.append(row) }
        return rows
    }

    @Test("a growth rate and a multiple, each against its base period, read as ratios, with their sources and quotes")
    func valid() throws {
        let rows = try read(
            """
            KAZ,IRN,turnover,TOTAL,2025-01..2025-10,2024-01..2024-10,40,,Report.az,https://report.az/x,,рост на 40%,
            KAZ,IRN,turnover,,2021-01..2021-09,2020-01..2020-09,,2,Mehr News,,2021-12-13,jumped twofold,
            IRN,KAZ,export,NONOIL,SH1401,SH1400,-5.4,,Financial Tribune,,,down 5.4%,Iranian customs (IRICA)
            """)
        #expect(rows.map(\.record.ratio) == [1.4, 2, 0.946] && rows.map(\.record.stated) == [.change, .ratio, .change])
        #expect(rows[1].record.commodity == "TOTAL" && rows[2].record.versus.description == "SH1400" && rows.map(\.line) == [2, 3, 4])
        #expect(rows[0].record.note == "рост на 40%")
        #expect(abs(rows[0].record.changePct - 40) < 1e-9)
    }

    @Test(
        "bad relations are refused naming line and field, and nothing is read",
        arguments: [
            ("KAZ,IRN,turnover,TOTAL,2025,2024,,,S,,,q,", "change_pct", "both empty"),
            ("KAZ,IRN,turnover,TOTAL,2025,2024,40,1.4,S,,,q,", "change_pct", "both given"),
            ("KAZ,IRN,turnover,TOTAL,2025,2025-01..2025-06,40,,S,,,q,", "versus", "overlaps"),
            ("KAZ,IRN,turnover,TOTAL,2025,2024,-150,,S,,,q,", "change_pct", "at least -100"),
            ("KAZ,IRN,turnover,TOTAL,2025,2024,,1e308,S,,,q,", "ratio", "at most 1,000"),
            ("KAZ,IRN,turnover,TOTAL,2025,2024-13,40,,S,,,q,", "versus", "no month 13"),
            ("XXX,IRN,turnover,TOTAL,2025,2024,40,,S,,,q,", "reporter", "unknown country"),
            ("KAZ,IRN,growth,TOTAL,2025,2024,40,,S,,,q,", "flow", "unknown flow"),
            ("KAZ,IRN,turnover,TOTAL,2025,2024,40,,,,,q,", "source", "empty"),
            ("KAZ,IRN,turnover,TOTAL,2023,2022,40,,S,,,q,", "period", "the same relation from the same source as line 2"),
        ])
    func refused(_ row: String, _ field: String, _ says: String) {
        #expect {
            _ = try read("KAZ,IRN,turnover,TOTAL,2023,2022,10,,S,,,q,\n" + row + "\n")
        } throws: { error in
            guard case ImportError.invalidRows(_, let problems, _) = error, let problem = problems.first else { return false }
            return problem.line == 3 && problem.field == field && problem.reason.contains(says)
        }
    }

    @Test("the format is told from the header")
    func detected() throws {
        let path = directory.write("r.csv", Self.header + "KAZ,IRN,turnover,TOTAL,2025,2024,40,,S,,,q,\n")
        #expect(try ImportFormat.detect(path: path) == .relations)
    }
}
