import CaravanCore
import CaravanImport
import CaravanTestSupport
import Testing

@Suite("Importing CEPII BACI")
struct BACIImportTests {
    let directory = TemporaryDirectory()

    @Test(
        "BACI's own country codes map to ISO alpha-3, with its exceptions",
        arguments: [(842, "USA"), (251, "FRA"), (699, "IND"), (579, "NOR"), (757, "CHE"), (398, "KAZ"), (364, "IRN"), (490, "S19")])
    func codes(code: Int, iso: String) {
        #expect(tables.baciCodes[code] == iso)
    }

    @Test("values in thousands of USD, quantities in tonnes, NA and padded cells, and each pair's total derived")
    func rows() throws {
        let path = directory.write(
            "BACI_HS92_Y2022_V202501.csv",
            """
            t,i,j,k,v,q
            2022,398,364,100199, 1500.5 ,  NA
            2022,398,364,271019,2000,3000.25
            2022,398,364,720712,10,
            2022,842,251,870323,7.25,1

            """)
        let (figures, summary, sources) = try readAll(path)
        #expect(summary.rowsRead == 4 && summary.rowsStored == 4 && summary.derived == 2)
        #expect(figures.value("KAZ", "IRN", .export, commodity: "100199") == 1_500_500)
        #expect(figures.value("USA", "FRA", .export, commodity: "870323") == 7_250)
        let wheat = try #require(figures.first { $0.observation.commodity == "100199" })
        #expect(wheat.observation.quantityT == nil && wheat.observation.valuation == .fob)
        let total = try #require(figures.first { $0.observation.reporter == "KAZ" && $0.observation.commodity == "TOTAL" })
        #expect(total.observation.valueUSD == 3_510_500)
        #expect(total.observation.quantityT == 3000.25)
        #expect(total.line == nil)
        #expect(total.observation.note == "sum of 3 HS6 lines; quantity known on 1")
        #expect(
            sources == [
                SourceDraft(
                    kind: .baci, provider: "CEPII BACI HS92", title: "BACI_HS92_Y2022_V202501.csv",
                    url: "https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37", published: "2025-01", edition: "HS 1992")
            ])
    }

    @Test("leading zeros of the product code are required, unknown codes and bad numbers refused")
    func invalid() throws {
        let path = directory.write("baci.csv", "t,i,j,k,v,q\n2022,398,364,10019,1,1\n2022,1,364,100199,1,1\n2022,398,364,100199,x,1\n2022,398,364\n")
        let result = try #require(problems(path))
        #expect(result.problems.map { "\($0.line) \($0.field)" } == ["2 k", "3 i", "4 v", "5 row"])
    }
}
