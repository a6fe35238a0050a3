import CaravanCore
import CaravanData
import CaravanImport
import CaravanSQLite
import CaravanService
import CaravanTestSupport
import Foundation
import Testing

/// BACI as CEPII publishes it: a ZIP of yearly files and its own code tables, read without unpacking.
@Suite struct BACIArchiveTests {
    let directory = TemporaryDirectory()

    /// A year of BACI rows among Iran (364), Kazakhstan (398), Turkmenistan (795), France (251) and the USA (842).
    static func year(_ year: Int) -> String {
        let codes = [364, 398, 795, 251, 842]
        var lines = ["t,i,j,k,v,q"]
        for (n, i) in codes.enumerated() {
            for j in codes where j != i {
                for k in 0..<12 {
                    let quantity = k % 5 == 0 ? "NA" : String(format: "%.3f", Double(n * 100 + k) + 0.5)
                    lines.append(
                        "\(year),\(i),\(j),\(String(format: "%02d%04d", 1 + k * 7, 10 + k)),\(String(format: "%.3f", Double(year - 2000) * 10 + Double(i % 97) + Double(k))),\(quantity)"
                    )
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// CEPII's own country table, as its releases since 2024 have it: four columns.
    static var countryTable: String {
        BundledData.baciCountryCodesCSV.split(whereSeparator: \.isNewline).map { line in
            String(line[..<line.lastIndex(of: ",")!])
        }.joined(separator: "\n") + "\n"
    }

    func archive(zip64: Bool = false) -> String {
        let members =
            [2021, 2022, 2023].map { ZipWriter.Member("BACI_HS17_Y\($0)_V202501.csv", Self.year($0), deflated: $0 != 2022) } + [
                ZipWriter.Member("country_codes_V202501.csv", Self.countryTable),
                // Half the codes the years use: the other half are flagged as unknown to the archive's edition.
                ZipWriter.Member(
                    "product_codes_HS17_V202501.csv",
                    "code,description\n"
                        + (0..<6).map { String(format: "%02d%04d", 1 + $0 * 7, 10 + $0) + ",\"a product, named\"" }.joined(separator: "\n")),
                ZipWriter.Member("Readme.txt", "BACI: International Trade Database at the Product-Level."),
            ]
        return directory.write("BACI_HS17_V202501.zip", bytes: Array(ZipWriter.archive(members, zip64: zip64)))
    }

    func workspace(_ name: String) throws -> Workspace { Workspace(store: try SQLiteLedgerStore(path: directory.path(name))) }

    static func ledger(_ workspace: Workspace, _ a: String, _ b: String) async throws -> [String] {
        let rows =
            try await workspace.store.observations(between: a, and: b, commodity: CommodityCode.total)
            + workspace.store.products(between: a, and: b)
        return rows.map {
            let o = $0.observation
            return "\(o.reporter) \(o.partner) \(o.commodity) \(o.period) \(o.valueUSD) \(o.quantityT.map { "\($0)" } ?? "-") \($0.source.provider)"
        }.sorted()
    }

    @Test(arguments: [false, true])
    func theArchiveImportsAsItsUnpackedFilesDo(zip64: Bool) async throws {
        let zipped = try workspace("zipped.sqlite")
        let results = try await zipped.importArchive(archive(zip64: zip64), as: "BACI_HS17_V202501.zip").results
        #expect(results.map(\.summary.file) == [2021, 2022, 2023].map { "BACI_HS17_V202501.zip/BACI_HS17_Y\($0)_V202501.csv" })
        #expect(results.allSatisfy { $0.summary.flaggedAgainst == "product_codes_HS17_V202501.csv" && $0.summary.flagged.count == 6 })
        #expect(results[0].summary.flagged["430016"] == 5 * 4 && results[0].summary.flagged["010010"] == nil)
        let unpacked = try workspace("unpacked.sqlite")
        for year in [2021, 2022, 2023] {
            let name = "BACI_HS17_Y\(year)_V202501.csv"
            _ = try await unpacked.importFile(directory.write(name, Self.year(year)), as: name)
            // The same bytes: importing the unpacked file into the archive's store adds nothing.
            let again = try await zipped.importFile(directory.path(name), as: name)
            #expect(again.text.contains("already imported"))
        }
        for (a, b) in [("IRN", "KAZ"), ("FRA", "USA"), ("KAZ", "TKM")] {
            let zippedRows = try await Self.ledger(zipped, a, b)
            #expect(zippedRows.count == 3 * 2 * 13)
            #expect(zippedRows == (try await Self.ledger(unpacked, a, b)))
        }
        let sources = try await zipped.store.products(between: "IRN", and: "KAZ").map(\.source)
        #expect(sources.allSatisfy { $0.provider == "CEPII BACI HS17" && $0.edition == "HS 2017" && $0.published == "2025-01" })
    }

    @Test func yearsAndPairsTakeTheirPartAlone() async throws {
        let path = archive()
        let filtered = try workspace("filtered.sqlite")
        let results = try await filtered.importArchive(path, as: "BACI_HS17_V202501.zip", years: [2022, 2023], pairs: [("KAZ", "IRN")]).results
        #expect(results.count == 2)
        #expect(results.allSatisfy { $0.summary.rowsStored == 24 && $0.summary.skipped["a pair not asked for"] == 20 * 12 - 24 })
        // Equal to the unpacked years with every other pair's rows taken out by hand.
        let unpacked = try workspace("unpacked.sqlite")
        for year in [2022, 2023] {
            let lines = Self.year(year).split(separator: "\n").filter { line in
                let fields = line.split(separator: ",")
                return fields[0] == "t" || Set([fields[1], fields[2]]) == ["364", "398"]
            }
            let name = "BACI_HS17_Y\(year)_V202501.csv"
            _ = try await unpacked.importFile(directory.write(name, lines.joined(separator: "\n") + "\n"), as: name)
        }
        #expect(try await Self.ledger(filtered, "IRN", "KAZ") == (try await Self.ledger(unpacked, "IRN", "KAZ")))
        #expect(try await Self.ledger(filtered, "KAZ", "TKM").isEmpty)
        // Another pair out of the same year is new; the same pair again adds nothing.
        let more = try await filtered.importArchive(path, years: [2022], pairs: [("TKM", "KAZ")]).results
        #expect(more[0].summary.rowsStored == 24 && !more[0].text.contains("already imported"))
        let same = try await filtered.importArchive(path, years: [2022], pairs: [("IRN", "KAZ")]).results
        #expect(same[0].text.contains("already imported"))
    }

    @Test func otherPairsRowsArePassedOverUnreadSoABrokenOneDoesNotRefuseTheYear() async throws {
        var year = Array(Self.year(2022).utf8)
        // A row of France and the USA whose value is not text, as a corrupt line would be.
        year += Array("2022,251,842,010010,".utf8) + [0xFF, 0xFE] + Array(",NA\n".utf8)
        var member = ZipWriter.Member("BACI_HS17_Y2022_V202501.csv", "")
        member.bytes = year
        let path = directory.write("broken-row.zip", bytes: Array(ZipWriter.archive([member])))
        let filtered = try workspace("filtered.sqlite")
        let results = try await filtered.importArchive(path, as: "broken-row.zip", pairs: [("IRN", "KAZ")]).results
        #expect(results[0].summary.rowsStored == 24 && results[0].summary.skipped["a pair not asked for"] == 20 * 12 - 24 + 1)
        let whole = try await workspace("whole.sqlite").importArchive(path, as: "broken-row.zip")
        #expect(whole.results.isEmpty && whole.refused.count == 1)
        #expect(whole.refused.first.map { "\($0)".contains("broken-row.zip/BACI_HS17_Y2022_V202501.csv:242: v:") } == true)
    }

    @Test func aBrokenYearIsRefusedNamingTheMemberAndTheLaterYearsAreStored() async throws {
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: archive())))
        // Inside the first member's deflated data: its checksum no longer holds.
        bytes[200] ^= 0xFF
        let corrupt = directory.write("corrupt.zip", bytes: bytes)
        let workspace = try workspace("broken.sqlite")
        let outcome = try await workspace.importArchive(corrupt, as: "corrupt.zip")
        #expect(outcome.refused.map { "\($0)".hasPrefix("corrupt.zip/BACI_HS17_Y2021_V202501.csv: ") } == [true])
        #expect(outcome.results.map(\.summary.file) == [2022, 2023].map { "corrupt.zip/BACI_HS17_Y\($0)_V202501.csv" })
        #expect(try await workspace.batches().map(\.file).sorted() == outcome.results.map(\.summary.file))
        let truncated = directory.write("truncated.zip", bytes: Array(bytes.prefix(bytes.count / 2)))
        let none = try self.workspace("truncated.sqlite")
        await #expect {
            _ = try await none.importArchive(truncated, as: "truncated.zip")
        } throws: { error in
            "\(error)" == "truncated.zip: not a ZIP archive, or truncated: no end of central directory"
        }
        await #expect {
            _ = try await none.importArchive(archive(), as: "BACI_HS17_V202501.zip", years: [1999])
        } throws: { error in
            "\(error)".contains("none of the years asked; the archive holds 2021–2023")
        }
    }

    @Test func aYearWithNothingForThePairsIsSaidAndNotRecorded() async throws {
        let workspace = try workspace("none.sqlite")
        let outcome = try await workspace.importArchive(archive(), as: "BACI_HS17_V202501.zip", years: [2022], pairs: [("IRN", "CHN")])
        #expect(outcome.results.isEmpty && outcome.refused.isEmpty)
        #expect(
            outcome.untaken.map(\.description) == [
                "BACI_HS17_V202501.zip/BACI_HS17_Y2022_V202501.csv: none of its 240 rows is a figure to store (a pair not asked for: 240); nothing was stored"
            ])
        #expect(try await workspace.batches().isEmpty)
    }

    @Test func anArchivesOwnCountryTableIsReadInEitherLayout() {
        let bundled = ReferenceTables.bundled
        #expect(bundled.replacingBACICodes(csv: Self.countryTable).baciCodes == bundled.baciCodes)
        #expect(bundled.baciCodes[251] == "FRA" && bundled.baciCodes[842] == "USA" && bundled.baciCodes.count > 200)
    }
}
