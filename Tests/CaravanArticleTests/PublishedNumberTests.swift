import CaravanArticle
import Testing

@Suite("Numbers as each language publishes them")
struct PublishedNumberTests {
    @Test(
        "an amount of dollars is read to its value",
        arguments: [
            ("Trade reached $340 million in 2024.", "340000000"),
            ("Exports reached US$1.2bn in 2024.", "1200000000"),
            ("Mutual trade reached $ 516.3 million in 2018.", "516300000"),
            ("Trade was $311.820 million in 2022.", "311820000"),
            ("Trade was $420,489 in 2022.", "420489"),
            ("Товарооборот составил 340 млн долларов в 2024 году.", "340000000"),
            ("Товарооборот составил 1,2 млрд долл. в 2024 году.", "1200000000"),
            ("Товарооборот в 2024 году составил 4 миллиарда 637 миллионов долларов.", "4637000000"),
            ("حجم تجارت در سال ۱۴۰۱ به ۳۲۰ میلیون و ۱۴۰ هزار دلار رسید.", "320140000"),
            ("حجم تجارت در سال ۱۴۰۱ به ۳۲۰٫۵ میلیون دلار رسید.", "320500000"),
            ("حجم التبادل التجاري بلغ ٣٤٠ مليون دولار في عام 2024", "340000000"),
        ])
    func amount(text: String, value: String) {
        #expect(figures(text).map(\.valueUSD) == [usd(value)])
    }

    @Test("tonnes, percentages and other currencies are not dollars")
    func notDollars() {
        #expect(figures("Trade of 277,000 tons in 2024 rose by 12.3%, and 15 million tonnes by 2027.").allSatisfy { $0.valueUSD == nil })
        #expect(figures("Товарооборот составил 340 млн тенге в 2024 году.").isEmpty)
    }

    @Test("a scaled number with no currency of its own is dollars in a sentence that names dollars")
    func dollarsOfTheSentence() {
        let found = figures("Экспорт Ирана: на РФ пришлось 490 миллионов долларов, Казахстан – 151 миллион в 2021 году.")
        #expect(found.map(\.valueUSD) == [usd("490000000"), usd("151000000")])
    }
}
