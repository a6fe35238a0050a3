import CaravanCore
import Foundation
import Testing

/// A small nomenclature: three chapters, their headings and subheadings.
let miniNomenclature = HSNomenclature(
    codesCSV: """
        section,hscode,description,parent,level
        II,10,Cereals,TOTAL,2
        II,1001,Wheat and meslin,10,4
        II,100111,"Wheat; durum, seed",1001,6
        II,100119,"Wheat; durum, other than seed",1001,6
        II,1006,Rice,10,4
        II,100610,Rice; in the husk (paddy or rough),1006,6
        V,27,Mineral fuels and oils,TOTAL,2
        V,2709,Petroleum oils; crude,27,4
        V,270900,Petroleum oils; crude,2709,6
        XVI,84,Machinery,TOTAL,2
        XVI,8471,Computers,84,4
        XVI,847130,Portable computers,8471,6
        """,
    sectionsCSV: "\u{FEFF}section,name\nII,Vegetable products\nV,Mineral products\nXVI,Machinery and electrical equipment\n")

@Suite("Products: groups, sums of finer codes, composition and concentration")
struct ProductTests {
    @Test("the nomenclature names codes with commas in their names, and knows their sections")
    func nomenclature() {
        #expect(miniNomenclature.name(of: "100111") == "Wheat; durum, seed")
        #expect(miniNomenclature.section(of: "847130") == "XVI" && miniNomenclature.name(of: "XVI") == "Machinery and electrical equipment")
        #expect(miniNomenclature.subheadings == ["100111", "100119", "100610", "270900", "847130"])
        #expect(miniNomenclature.sections == ["II", "V", "XVI"] && !miniNomenclature.contains("123456"))
    }

    @Test("a group holds the codes wholly inside it: a chapter partly excluded is not summed into it")
    func groups() throws {
        let groups = try ProductGroups(
            csv: """
                group,include,exclude,description
                NONOIL,01-97,27,All but fuels
                NOCRUDE,01-97,2709,"All but crude, that is"
                """)
        let nonoil = try #require(groups["NONOIL"])
        #expect(nonoil.contains("10") && nonoil.contains("1001") && nonoil.contains("847130"))
        #expect(!nonoil.contains("27") && !nonoil.contains("2709") && !nonoil.contains("98"))
        let nocrude = try #require(groups["NOCRUDE"])
        #expect(!nocrude.contains("27") && !nocrude.contains("2709") && nocrude.contains("2710") && nocrude.contains("10"))
        #expect(throws: ProductGroupError.self) { try ProductGroups(csv: "group,include,exclude,description\nBAD,1-24,,x\n") }
        #expect(throws: ProductGroupError.self) { try ProductGroups(csv: "group,include,exclude,description\n10,01,,x\n") }
        #expect(throws: ProductGroupError.self) { try ProductGroups(csv: "group,include,exclude,description\nEMPTY,,,x\n") }
    }

    @Test("sums use the coarsest level a source gives, and a figure a source states stands alone")
    func aggregation() throws {
        var figures = Figures()
        // Source 1 gives chapters and subheadings: the chapters are summed, not both.
        try figures.add("KAZ", "IRN", .export, "2024", 100, commodity: "10", sourceID: 1)
        try figures.add("KAZ", "IRN", .export, "2024", 60, commodity: "100111", sourceID: 1)
        try figures.add("KAZ", "IRN", .export, "2024", 40, commodity: "100610", sourceID: 1)
        try figures.add("KAZ", "IRN", .export, "2024", 30, commodity: "84", sourceID: 1)
        try figures.add("KAZ", "IRN", .export, "2024", 500, commodity: "27", sourceID: 1)
        // Source 2 gives subheadings only, and states NONOIL itself.
        try figures.add("KAZ", "IRN", .export, "2024", 7, commodity: "100119", sourceID: 2)
        try figures.add("KAZ", "IRN", .export, "2024", 3, commodity: "847130", sourceID: 2)
        try figures.add("KAZ", "IRN", .export, "2024", 11, commodity: "NONOIL", sourceID: 2)
        let group = try ProductGroup(name: "NONOIL", include: "01-97", exclude: "27", summary: "")
        let sums = ProductAggregation.derive("NONOIL", members: group.contains, from: figures.rows)
        #expect(sums.map(\.observation.valueUSD) == [130])
        #expect(sums[0].source.id == 1 && sums[0].line == nil && sums[0].observation.note == "sum of 2 HS 2-digit codes")
        let wheat = ProductAggregation.derive("1001", members: { $0.count > 4 && $0.hasPrefix("1001") }, from: figures.rows)
        #expect(wheat.map(\.observation.valueUSD).sorted() == [7, 60])
    }

    @Test("the HHI and the count that makes 80% on hand-worked cases")
    func concentration() {
        // 50/30/20: 2,500 + 900 + 400.
        #expect(Concentration.herfindahl([0.5, 0.3, 0.2]) == 3_800)
        #expect(Concentration.herfindahl([0.25, 0.25, 0.25, 0.25]) == 2_500 && Concentration.herfindahl([1]) == 10_000)
        #expect(Concentration.count(reaching: 0.8, of: [50, 30, 20], total: 100) == 2)
        #expect(Concentration.count(reaching: 0.8, of: [25, 25, 25, 25], total: 100) == 4)
        #expect(Concentration.count(reaching: 0.8, of: [80, 10, 10], total: 100) == 1)
    }

    @Test("a composition sums to its total, names its products, keeps the rest as other and finds the movers")
    func composition() throws {
        var figures = Figures()
        for (code, now, before) in [("100111", 500.0, 100.0), ("100610", 300, 300), ("270900", 150, 400), ("847130", 50, 0)] {
            try figures.add("KAZ", "IRN", .export, "2024", now, quantity: now / 10, commodity: code, kind: .baci, provider: "BACI", sourceID: 1)
            if before > 0 {
                try figures.add("KAZ", "IRN", .export, "2023", before, commodity: code, kind: .baci, provider: "BACI", sourceID: 2)
            }
        }
        let query = TradeQuery(reporter: "KAZ", partner: "IRN", flow: .export)
        let period = try Period(parsing: "2024")
        let chapters = ProductComposition(query, period: period, level: .chapter, top: 2, rows: figures.rows, nomenclature: miniNomenclature)
        #expect(chapters.totalUSD == 1_000 && chapters.versusTotalUSD == 800)
        #expect(chapters.products.map(\.code) == ["10", "27"] && chapters.products[0].name == "Cereals")
        #expect(chapters.products[0].valueUSD == 800 && chapters.products[0].sharePct == 80 && chapters.products[0].changePct == 100)
        let other = try #require(chapters.other)
        #expect(other.count == 1 && other.valueUSD == 50 && chapters.products.map(\.valueUSD).reduce(0, +) + other.valueUSD == chapters.totalUSD)
        #expect(chapters.products[0].quantityT == 80 && chapters.products[0].unitValueUSDPerT == 10)
        #expect(chapters.gainers.map(\.code) == ["10", "84"] && chapters.losers.map(\.code) == ["27"])
        #expect(chapters.concentration.map(\.period.description) == ["2023", "2024"])
        // 2024 by chapter: 80%, 15%, 5%.
        #expect(abs(chapters.concentration[1].hhi - (6_400 + 225 + 25)) < 1e-6 && chapters.concentration[1].productsFor80Pct == 1)
        let sections = ProductComposition(query, period: period, level: .section, top: 5, rows: figures.rows, nomenclature: miniNomenclature)
        #expect(
            sections.products.map(\.code) == ["II", "V", "XVI"]
                && sections.products.map(\.name) == ["Vegetable products", "Mineral products", "Machinery and electrical equipment"])
        let subheadings = ProductComposition(query, period: period, level: .subheading, top: 10, rows: figures.rows, nomenclature: miniNomenclature)
        #expect(subheadings.products.count == 4 && subheadings.other == nil && subheadings.totalUSD == 1_000)
    }
}
