import CaravanArticle
import CaravanCore
import Testing

@Suite("Counts: agreements, memoranda, documents, projects and tonnes of freight")
struct CountReadingTests {
    @Test(
        "a number and, a word or two on, what it counts",
        arguments: [
            ("The president is expected to finalize over 20 bilateral agreements.", "agreements 20 above -"),
            ("Iran and Kazakhstan signed 14 documents in 2023.", "documents 14 exact 2023"),
            ("Over 1.6 million tons of cargo were transported in 2023.", "tonnes 1600000 above 2023"),
            ("The sides discussed five joint projects.", "projects 5 exact -"),
            ("В ходе визита подписано 14 документов.", "documents 14 exact -"),
            ("Стороны подписали 3 соглашения в 2024 году.", "agreements 3 exact 2024"),
            ("دو کشور ۵ تفاهم نامه همکاری امضا کردند.", "memoranda 5 exact -"),
        ])
    func count(text: String, read: String) {
        let found = figures(text)
        #expect(found.allSatisfy { $0.kind == .count && $0.flow == nil && $0.valueUSD == nil })
        #expect(found.map { "\($0.what?.rawValue ?? "-") \($0.value ?? 0) \($0.bound.rawValue) \($0.period?.description ?? "-")" } == [read])
    }

    @Test("tonnes of goods traded, a year before a noun and a number of years are no count")
    func notCounts() {
        #expect(figures("Non-oil trade involved 277,000 tons of goods valued at $159 million in 2024.").allSatisfy { $0.kind == .figure })
        #expect(figures("The 2019 interim agreement was signed.").isEmpty)
        #expect(figures("Relations have grown over 30 years.").isEmpty)
    }
}
