import CaravanCore
import CaravanData
import CaravanSQLite
import CaravanService
import CaravanTestSupport
import Foundation
import Testing

/// HS 2017 figures read in HS 2022 through UNSD's correlation table.
@Suite struct HSConversionTests {
    static let conversion = HSConversion(correlationsCSV: BundledData.hsCorrelationCSV)
    let directory = TemporaryDirectory()

    @Test func everyHS2017CodeMapsSomewhere() {
        let codes = Self.conversion.codes
        #expect(codes.count == 5387)
        var kinds: [String: Int] = [:]
        let nomenclature = HSNomenclature(codesCSV: BundledData.harmonizedSystemCSV, sectionsCSV: BundledData.hsSectionsCSV)
        for code in codes {
            switch Self.conversion.target(of: code) {
            case .subheading(let target):
                kinds["subheading", default: 0] += 1
                #expect(nomenclature.contains(target) || target == "999999", "\(code) → \(target) is an HS 2022 code")
            case .continued(let moved):
                kinds["continued", default: 0] += 1
                #expect(!moved.isEmpty && nomenclature.contains(code))
            case .level(let level):
                kinds[level.hasSuffix("xxxx") ? "chapter" : "heading", default: 0] += 1
            case .acrossChapters(let parts):
                kinds["across chapters", default: 0] += 1
                #expect(Set(parts.map { $0.prefix(2) }).count > 1, "\(code) → \(parts) lies in several chapters")
            case nil: Issue.record("\(code) maps nowhere")
            }
        }
        // Renamed or merged 4,151; kept under their own code 1,149; in a heading 54, a chapter 10; across chapters 23.
        #expect(kinds == ["subheading": 4151, "continued": 1149, "heading": 54, "chapter": 10, "across chapters": 23])
    }

    @Test func sumsArePreservedAndMergedCodesAddUp() {
        let source = SourceRecord(id: 1, kind: .baci, provider: "CEPII BACI HS17", edition: HSEdition.hs2017, recordedAt: Date(), file: "f")
        let rows = Self.conversion.codes.enumerated().map { index, code in
            RecordedObservation(
                TradeObservation(reporter: "KAZ", partner: "IRN", flow: .export, commodity: code, period: .year(2021), valueUSD: Double(index + 1)),
                source: source, line: index + 2)
        }
        let converted = Self.conversion.convert(rows)
        let sum = { (rows: [RecordedObservation]) -> Double in rows.map(\.observation.valueUSD).reduce(0, +) }
        #expect(sum(converted) == sum(rows))
        #expect(converted.filter { HSConversion.split($0.observation.commodity) != nil }.count == 23)
        #expect(converted.allSatisfy(HSConversion.isConverted))
        // 251830 (ch. 25) and 381600 both become HS 2022 381600: one figure, their sum.
        let merged = converted.filter { $0.observation.commodity == "381600" }
        let parts = rows.filter { ["251830", "381600"].contains($0.observation.commodity) }.map(\.observation.valueUSD).reduce(0, +)
        #expect(merged.count == 1 && merged[0].observation.valueUSD == parts && merged[0].line == nil)
        #expect(merged[0].observation.note == "converted from HS 2017 251830 + 381600 to HS 2022 381600")
        // A figure of another edition is left as it was.
        var other = rows[0]
        other.source.edition = HSEdition.hs2022
        #expect(Self.conversion.convert([other]) == [other])
    }

    /// Chapter 38 over the 2022 change, worked by hand from the table:
    /// 2021 (HS 2017): 251830 → 381600 (from ch. 25) 100, 381600 50, 300211 → 382211 (from ch. 30) 20,
    /// 382474 → heading 3827 30, 380859 and 382499 kept under their own codes (HS 2022 moved part of
    /// them elsewhere, in shares not stated) 10 and 40, 380110 5: chapter 38, 255. 041000 splits into
    /// chapters 04 and 16, so its 60 is in the total and AGRI, in neither chapter.
    /// 2022 (HS 2022): 381600 160, 382211 25, 382731 35, 382499 45, 380859 12, 380110 6: 283.
    /// 2023 (HS 2022): 381600 170, 382211 30, 382739 40, 380110 7, and 240412 50 in ch. 24: 247.
    @Test func aChapterSeriesAcrossTheChangeAddsUp() async throws {
        let workspace = Workspace(store: try SQLiteLedgerStore(path: directory.path("hs.sqlite")))
        let files: [(String, [(String, Int)])] = [
            (
                "BACI_HS17_Y2021_V202501.csv",
                [("251830", 100), ("381600", 50), ("300211", 20), ("382474", 30), ("382499", 40), ("380859", 10), ("380110", 5), ("041000", 60)]
            ),
            ("BACI_HS22_Y2022_V202501.csv", [("381600", 160), ("382211", 25), ("382731", 35), ("382499", 45), ("380859", 12), ("380110", 6)]),
            ("BACI_HS22_Y2023_V202501.csv", [("381600", 170), ("382211", 30), ("382739", 40), ("380110", 7), ("240412", 50)]),
        ]
        for (name, rows) in files {
            let year = name.contains("2021") ? 2021 : name.contains("2022") ? 2022 : 2023
            let text = "t,i,j,k,v,q\n" + rows.map { "\(year),398,364,\($0.0),\($0.1),NA" }.joined(separator: "\n") + "\n"
            _ = try await workspace.importFile(directory.write(name, text), as: name)
        }
        func series(_ commodity: String) async throws -> [String] {
            let query = TradeQuery(reporter: "KAZ", partner: "IRN", flow: .export, commodity: commodity)
            return try await workspace.series(query, by: .year).points.map { "\($0.value.period) \(Int($0.value.valueUSD / 1000))" }
        }
        #expect(try await series("38") == ["2021 255", "2022 283", "2023 247"])
        #expect(try await series("381600") == ["2021 150", "2022 160", "2023 170"])
        #expect(try await series("3827") == ["2021 30", "2022 35", "2023 40"])
        for chapter in ["25", "30", "04", "16"] { #expect(try await series(chapter).isEmpty, "nothing of 2021 stays in or goes to \(chapter)") }
        #expect(try await series("AGRI") == ["2021 60", "2023 50"])
        #expect(try await series("382499") == ["2021 40", "2022 45"])
        // Totals are as the files give them.
        #expect(try await series("TOTAL") == ["2021 315", "2022 283", "2023 297"])
        let converted = try await workspace.series(TradeQuery(reporter: "KAZ", partner: "IRN", flow: .export, commodity: "381600"), by: .year)
        #expect(converted.points[0].value.sources.first?.note == "converted from HS 2017 251830 + 381600 to HS 2022 381600")
        #expect(converted.points[0].value.sources.first?.edition == "HS 2017")
        let continued = try await workspace.series(TradeQuery(reporter: "KAZ", partner: "IRN", flow: .export, commodity: "382499"), by: .year)
        #expect(
            continued.points[0].value.sources.first?.note?.hasSuffix(
                "HS 2022 moved part of it to 240412, 240419, 240492, 240499, 300693, 382489, 382492, in shares not stated") == true)
    }

    /// HS 2017 041000 (insects and other edible animal products) went to HS 2022 0410 and to 1601–1602
    /// (sausages, prepared meat): all agricultural. 940510 (lamps) went to 9405 and to 853951 (LED
    /// modules, chapter 85): half in MACHINERY (84–85). 020110 is renamed; 840110 kept as it was.
    @Test("a code split across chapters counts in a group holding all its parts, and a group it straddles says why it left it out")
    func splitsAcrossChaptersCountInTheGroupsHoldingThem() async throws {
        #expect(Self.conversion.target(of: "041000") == .acrossChapters(["041010", "041090", "160100", "160210", "160290"]))
        #expect(Self.conversion.target(of: "940510") == .acrossChapters(["853951", "940511", "940519"]))
        let workspace = Workspace(store: try SQLiteLedgerStore(path: directory.path("split.sqlite")))
        let rows = [("041000", 60), ("020110", 15), ("940510", 30), ("840110", 25)]
        let text = "t,i,j,k,v,q\n" + rows.map { "2021,398,364,\($0.0),\($0.1),NA" }.joined(separator: "\n") + "\n"
        _ = try await workspace.importFile(directory.write("BACI_HS17_Y2021_V202501.csv", text), as: "BACI_HS17_Y2021_V202501.csv")
        func point(_ commodity: String) async throws -> PeriodValue? {
            let query = TradeQuery(reporter: "KAZ", partner: "IRN", flow: .export, commodity: commodity)
            return try await workspace.series(query, by: .year).points.first?.value
        }
        #expect(try await point("AGRI")?.valueUSD == 75_000)
        #expect(try await point("NONOIL")?.valueUSD == 130_000)
        let machinery = try #require(try await point("MACHINERY"))
        #expect(machinery.valueUSD == 25_000)
        #expect(
            machinery.sources.first?.note
                == "sum of 1 HS 6-digit code; HS 2017 940510 left out: split by HS 2022 across chapters, not all of it in MACHINERY")
        for code in ["04", "16", "0410", "94", "85"] { #expect(try await point(code) == nil, "no chapter or heading reads a split") }
        #expect(try await point("TOTAL")?.valueUSD == 130_000)
    }
}
