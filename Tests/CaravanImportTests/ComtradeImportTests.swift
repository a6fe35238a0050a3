import CaravanCore
import CaravanImport
import CaravanTestSupport
import Foundation
import Testing

@Suite("Importing UN Comtrade")
struct ComtradeImportTests {
    let directory = TemporaryDirectory()

    @Test("the API's JSON fixture gives its four values, imports CIF and exports FOB")
    func jsonFixture() throws {
        let path = try #require(Bundle.module.path(forResource: "comtrade-api-v1-annual-CHN-2010", ofType: "json", inDirectory: "Fixtures"))
        let (figures, summary, sources) = try readAll(path)
        #expect(summary.format == .comtrade && summary.rowsRead == 4 && figures.count == 4)
        #expect(figures.value("CHN", "ARG", .import) == 6_804_128_143)
        #expect(figures.value("CHN", "DEU", .import) == 74_251_272_075)
        #expect(figures.value("CHN", "ARG", .export) == 6_115_764_185)
        #expect(figures.value("CHN", "DEU", .export) == 68_047_133_397)
        #expect(figures.filter { $0.observation.flow == .import }.allSatisfy { $0.observation.valuation == .cif })
        #expect(figures.filter { $0.observation.flow == .export }.allSatisfy { $0.observation.valuation == .fob })
        #expect(figures.allSatisfy { $0.observation.period == .year(2010) && $0.line != nil })
        #expect(sources.first?.provider == "UN Comtrade")
        #expect(summary.digest?.count == 64)
    }

    @Test("World rows are kept apart as WLD and breakdown rows are skipped, so nothing is counted twice")
    func breakdowns() throws {
        let path = directory.write(
            "comtrade.csv",
            ComtradeRows.file([
                ["primaryValue": "100", "fobvalue": "100", "netWgt": "5000"],
                ["partnerCode": "0", "partnerISO": "W00", "partnerDesc": "World", "primaryValue": "900"],
                ["motCode": "2100", "primaryValue": "60"],
                ["partner2Code": "860", "partner2ISO": "UZB", "primaryValue": "40"],
                ["customsCode": "C01", "primaryValue": "10"],
                ["flowCode": "DX", "primaryValue": "95"],
            ]))
        let (figures, summary, _) = try readAll(path)
        #expect(figures.count == 2)
        #expect(figures.value("KAZ", "IRN", .export) == 100)
        #expect(figures.value("KAZ", "WLD", .export) == 900)
        #expect(figures.first?.observation.quantityT == 5)
        #expect(summary.skippedCount == 4)
        #expect(summary.skipped["breakdown by mode of transport (motCode not 0)"] == 1)
    }

    @Test("a gzipped bulk file of tab-separated records is read directly, monthly periods too")
    func bulkTSV() throws {
        let text = ComtradeRows.file(
            [["freqCode": "M", "period": "202403", "primaryValue": "12.5"], ["freqCode": "M", "period": "202404", "flowCode": "M"]],
            separator: "\t")
        let path = try directory.writeGzip("bulk.txt.gz", text)
        let (figures, summary, _) = try readAll(path)
        #expect(summary.format == .comtrade)
        #expect(figures.map(\.observation.period.description) == ["2024-03", "2024-04"])
        #expect(figures.value("KAZ", "IRN", .export) == 12.5)
    }

    @Test("the legacy CSV's flow codes 1 to 4")
    func legacy() throws {
        let header =
            "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,Netweight (kg),Trade Value (US$),Flag"
        let rows = [
            "HS,2015,2015,2015,0,0,1,Import,398,Kazakhstan,KAZ,364,Iran,IRN,TOTAL,All,1,,,,111,0",
            "HS,2015,2015,2015,0,0,2,Export,398,Kazakhstan,KAZ,364,Iran,IRN,TOTAL,All,1,,,2000,222,0",
            "HS,2015,2015,2015,0,0,3,Re-Export,398,Kazakhstan,KAZ,364,Iran,IRN,TOTAL,All,1,,,,3,0",
            "HS,2015,201501,Jan 2015,0,0,4,Re-Import,398,Kazakhstan,KAZ,0,World,WLD,TOTAL,All,1,,,,4,0",
        ]
        let path = directory.write("legacy.csv", ([header] + rows).joined(separator: "\n"))
        let (figures, summary, _) = try readAll(path)
        #expect(summary.format == .comtradeLegacy)
        #expect(figures.map(\.observation.flow) == [.import, .export, .reExport, .reImport])
        #expect(figures.value("KAZ", "IRN", .export) == 222)
        #expect(figures.value("KAZ", "WLD", .reImport) == 4)
        #expect(figures[1].observation.quantityT == 2)
        #expect(figures[3].observation.period.description == "2015-01")
    }

    @Test("an unknown flow code and a bad value are refused with file, line and field")
    func invalid() throws {
        let path = directory.write(
            "bad.csv", ComtradeRows.file([["flowCode": "ZZ"], ["primaryValue": "-5"], ["reporterISO": "XYZ", "reporterDesc": "Nowhere"]]))
        let result = try #require(problems(path))
        #expect(result.count == 3)
        #expect(
            result.problems.map(\.description) == [
                "\(path):2: flowCode: unknown flow code 'ZZ'; expected M, X, RM or RX",
                "\(path):3: primaryValue: must be at least 0 USD, not -5",
                "\(path):4: reporterISO: unknown country 'XYZ'; expected an ISO 3166 alpha-3 code such as KAZ",
            ])
    }
}
