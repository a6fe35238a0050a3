import CaravanImport
import CaravanTestSupport
import Foundation
import Testing

/// What a reader holds is bounded by a limit it states, whatever a file declares or repeats; and a
/// value given twice is refused, never settled by keeping one of them.
@Suite struct BoundedReadTests {
    let directory = TemporaryDirectory()

    /// A Comtrade answer of one record, its fields as JSON text after `"typeCode": "C"`.
    func answer(_ fields: String) -> String {
        let base = zip(ComtradeRows.header, ComtradeRows.row(["reporterISO": "KAZ", "partnerISO": "IRN", "period": "2022", "refYear": "2022"]))
            .filter { !fields.contains("\"\($0.0)\"") }
            .map { "\"\($0.0)\": \"\($0.1)\"" }
        return "{\"count\": 1, \"data\": [\n{" + (base + [fields]).joined(separator: ", ") + "}]}"
    }

    @Test func aKeyRepeatedInARecordIsRefusedNamingTheLineAndKey() {
        let path = directory.write("repeated.json", answer(#""primaryValue": 100.0, "primaryValue": 999999999.0"#))
        #expect(failure(path) == "\(path):2: the key 'primaryValue' appears twice in one object")
        let nested = directory.write("nested.json", answer(#""primaryValue": 100.0, "note": {"a": 1, "a": 2}"#))
        #expect(failure(nested)?.hasSuffix("the key 'a' appears twice in one object") == true)
    }

    @Test(arguments: [#"[1]"#, #"{"v": 1}"#, #"true"#, #""1e400""#])
    func aValueThatIsNotANumberIsSaidToBeOne(_ value: String) {
        let problem = problems(directory.write("value.json", answer(#""primaryValue": \#(value)"#)))?.problems.first
        #expect(problem?.field == "primaryValue")
        #expect(problem?.reason == "not a number" || problem?.reason == "not a finite number", "\(problem?.reason ?? "none")")
    }

    @Test func aRecordPastItsLimitIsRefusedBeforeItFillsMemory() {
        let long = String(repeating: "x", count: 3 << 20)
        let json = directory.write("long.json", answer(#""cmdDesc": "\#(long)""#))
        #expect(failure(json)?.hasSuffix("runs past 1 MiB, longer than any record can be") == true)
        // A CSV row, past the filter that would pass over other pairs' rows: refused all the same.
        let csv = directory.write("long.csv", "t,i,j,k,v,q\n2022,398,364,100199,1,1\n2022,251,842,100199," + long + ",1\n")
        #expect(failure(csv) == "\(csv):3: the record starting here runs past 1 MiB, longer than any row can be")
    }

    @Test func anArchiveMemberInflatingPastItsDeclaredSizeIsRefusedAsItInflates() throws {
        let rows = "t,i,j,k,v,q\n" + String(repeating: "2022,398,364,100199,1,1\n", count: 200_000)
        var member = ZipWriter.Member("BACI_HS17_Y2022_V202501.csv", rows)
        member.declaredSize = 100
        let path = directory.write("bomb.zip", bytes: Array(ZipWriter.archive([member])))
        let archive = try ZipArchive(path: path, name: "bomb.zip")
        #expect(throws: ImportError.self) { _ = try archive.text(of: archive.members[0]) }
        do {
            _ = try archive.text(of: archive.members[0])
        } catch {
            #expect(
                error.description
                    == "bomb.zip/BACI_HS17_Y2022_V202501.csv: inflates past the 100 bytes the archive declares for it: the archive is corrupt")
        }
    }
}
