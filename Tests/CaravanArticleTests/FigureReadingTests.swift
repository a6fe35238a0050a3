import CaravanArticle
import CaravanCore
import Testing

@Suite("Who trades what with whom, and how surely")
struct FigureReadingTests {
    @Test(
        "a flow word past a comma that opens the next amount's clause is that amount's, in each language",
        arguments: [
            "Kazakhstan exports to Iran reached $180.5 million in the first nine months of 2025, while imports from Iran were $68.6 million.",
            "Экспорт Казахстана в Иран за девять месяцев 2025 года составил 180,5 млн долларов, а импорт из Ирана — 68,6 млн долларов.",
            "صادرات قزاقستان به ایران در ۹ ماهه ۲۰۲۵ به ۱۸۰٫۵ میلیون دلار رسید، و واردات از ایران ۶۸٫۶ میلیون دلار بود.",
        ])
    func clauses(text: String) {
        let found = figures(text)
        #expect(found.map(\.flow) == [.export, .import], "\(text)")
        #expect(found.map(\.valueUSD) == [usd("180500000"), usd("68600000")] && found.allSatisfy { $0.reporter == "KAZ" && $0.partner == "IRN" })
    }

    @Test("a sentence's flows and their directions: mutual trade, exports to, imports from")
    func directions() {
        let found = figures(
            "the volume of mutual trade between Kazakhstan and Iran reached $ 516.3 million in 2018, adding that it includes "
                + "$426.7 million (82.6 percent) of Kazakhstan's exports to Iran, and $89.5 million of imports from Iran.",
            pair: ("KAZ", "IRN"))
        #expect(found.map(\.flow) == [.turnover, .export, .import])
        #expect(found.map { [$0.reporter, $0.partner] } == [["KAZ", "IRN"], ["KAZ", "IRN"], ["KAZ", "IRN"]])
        #expect(found.map { $0.period?.description } == ["2018", "2018", "2018"])
    }

    @Test("countries by adjective and in Russian and Persian, the pair filling the side a sentence leaves out")
    func countries() {
        #expect(figures("Kazakh exports to Iran reached $200 million in 2023.").map { [$0.reporter, $0.partner] } == [["KAZ", "IRN"]])
        #expect(figures("Iran exported goods worth $95 million to Turkmenistan in 2022.").map { [$0.reporter, $0.partner] } == [["IRN", "TKM"]])
        #expect(figures("Экспорт Казахстана в Иран в 2023 году составил 200 млн долларов.").map { [$0.reporter, $0.partner] } == [["KAZ", "IRN"]])
        #expect(figures("صادرات ایران به قزاقستان در سال ۱۴۰۱ به ۱۹۵ میلیون دلار رسید.").map { [$0.reporter, $0.partner] } == [["IRN", "KAZ"]])
        #expect(figures("Exports reached $95 million in 2022.", pair: ("KAZ", "IRN")).map { [$0.reporter, $0.partner] } == [["KAZ", "IRN"]])
        #expect(figures("Trade with the EAEU reached $3.4 billion in 2021.").map { [$0.reporter, $0.partner] } == [["IRN", "EAEU"]])
    }

    @Test("a row of a list goes on to the amounts after it until another country is named")
    func rows() {
        let text =
            "Russia was followed by Kazakhstan with 741,510 tons worth $201.21 million of exports to Iran and 337,075 tons worth "
            + "$167.99 million of imports, while trade with Russia reached $2 billion."
        #expect(
            figures(text).map { "\($0.reporter ?? "-")-\($0.partner ?? "-") \($0.flow?.rawValue ?? "-")" } == [
                "KAZ-IRN export", "KAZ-IRN import", "IRN-RUS turnover",
            ])
    }

    @Test("the commodity: non-oil, agricultural or all goods")
    func commodity() {
        #expect(figures("Non-oil trade reached $159 million in 2024.").map(\.commodity) == ["NONOIL"])
        #expect(figures("Ненефтяной товарооборот составил 159 млн долларов в 2024 году.").map(\.commodity) == ["NONOIL"])
        #expect(figures("تجارت غیرنفتی در سال ۱۴۰۱ به ۳۲۰ میلیون دلار رسید.").map(\.commodity) == ["NONOIL"])
        #expect(figures("Trade in agricultural products reached $72.4 million in 2025.").map(\.commodity) == ["AGRI"])
        #expect(figures("Trade reached $72.4 million in 2025.").map(\.commodity) == ["TOTAL"])
    }

    @Test(
        "the bound a qualifier sets",
        arguments: [
            ("In 2024, bilateral trade reached approximately $340 million.", Bound.about),
            ("Trade in 2024 was more than $340 million.", .above),
            ("Trade in 2024 stayed at the current sub-$400 million level.", .below),
            ("Товарооборот в 2024 году составил около 340 млн долларов.", .about),
            ("Товарооборот в 2024 году составил свыше 340 млн долларов.", .above),
            ("حجم تجارت در سال ۱۴۰۳ حدود ۳۴۰ میلیون دلار بود.", .about),
            ("حجم تجارت در سال ۱۴۰۳ بیش از ۳۴۰ میلیون دلار بود.", .above),
            ("Trade reached $340 million in 2024.", .exact),
            ("Exports to EAEU members rose in 2024, surpassing $2 billion.", .above),
        ])
    func bound(text: String, bound: Bound) {
        #expect(figures(text).map(\.bound) == [bound])
    }

    @Test("an amount to be reached is a target, not a figure")
    func targets() {
        #expect(figures("Both sides have publicly set targets of $1 billion in trade in the near term.").map(\.kind) == [.target])
    }
}
