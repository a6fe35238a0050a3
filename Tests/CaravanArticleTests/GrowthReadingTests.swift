import CaravanArticle
import CaravanCore
import Testing

@Suite("Growths: a change of trade, the period it is of and the period it compares")
struct GrowthReadingTests {
    /// The growths of a text: change in percent, period, versus and bound.
    static func growths(_ text: String, published: Day? = nil) -> [String] {
        figures(text, published: published).filter { $0.kind == .growth }.map { growth in
            "\(growth.pct ?? 0) \(growth.period?.description ?? "-") vs \(growth.versus?.description ?? "-") \(growth.bound.rawValue)"
        }
    }

    @Test(
        "a percentage beside a word of rise or fall, a multiple or a word of one",
        arguments: [
            ("In 2024, bilateral trade reached approximately $340 million, a 12.3% increase compared to 2023.", "12.3 2024 vs 2023 exact"),
            (
                "In the first nine months of 2025, trade totaled $249.1 million, nearly double the same period the previous year.",
                "100 2025-01..2025-09 vs 2024-01..2024-09 about"
            ),
            ("Trade between the two countries grew by almost 20% to $528 million in 2022.", "20 2022 vs - about"),
            ("Exports fell by 5.4% in 2023 year on year.", "-5.4 2023 vs 2022 exact"),
            ("Trade rose 1.8 times in 2023.", "80 2023 vs - exact"),
            (
                "Iran-Kazakhstan's financial turnover has jumped twofold during the first 9 months of the year 2021 in comparison to the same period in 2020",
                "100 2021-01..2021-09 vs 2020-01..2020-09 exact"
            ),
            ("Trade between the two countries doubled in 2023 compared to 2021.", "100 2023 vs 2021 exact"),
            ("Товарооборот в 2024 году вырос на 40% по сравнению с 2023 годом.", "40 2024 vs 2023 exact"),
            ("Товарооборот в 2024 году вырос в 1,8 раза.", "80 2024 vs - exact"),
            ("Экспорт в 2024 году сократился вдвое.", "-50 2024 vs - exact"),
            (
                "Товарооборот за 9 месяцев 2022 года составил 100 млн долларов, что на 12,5% больше, чем за аналогичный период прошлого года.",
                "12.5 2022-01..2022-09 vs 2021-01..2021-09 exact"
            ),
            ("حجم تجارت در سال ۱۴۰۲ با ۳۸ درصد افزایش نسبت به سال ۱۴۰۱ به ۵۰۰ میلیون دلار رسید.", "38 SH1402 vs SH1401 exact"),
            ("حجم مبادلات تجاری در سال ۱۴۰۲ به ۵۴۰ میلیون دلار رسید که نسبت به سال قبل ۱۲ درصد افزایش داشت.", "12 SH1402 vs SH1401 exact"),
            ("صادرات ایران به قزاقستان در ۶ ماهه نخست ۱۴۰۳ ۲ برابر شد.", "100 SH1403-01..SH1403-06 vs - exact"),
            ("Exports reached $300 million in 2022, up 15% compared to last year.", "15 2022 vs 2021 exact"),
            (
                "In the first five months of 1401, exports rose 27.99% compared to the same period of 1400.",
                "27.99 SH1401-01..SH1401-05 vs SH1400-01..SH1400-05 exact"
            ),
            (
                "حجم التبادل التجاري في المنتجات الزراعية بلغ 72.4 مليون دولار أمريكي خلال شهري يناير وفبراير من عام 2025، أي بزيادة بلغت 2.5 مرة",
                "150 2025-01..2025-02 vs - exact"
            ),
        ])
    func growth(text: String, read: String) {
        #expect(Self.growths(text) == [read])
    }

    @Test("a growth is of the flow named between it and a figure of another flow")
    func ownFlow() {
        let found = figures("Trade reached $340 million in 2024, while exports rose 12%.").filter { $0.kind == .growth }
        #expect(found.map { "\($0.flow?.rawValue ?? "-") \($0.pct ?? 0) \($0.period?.description ?? "-")" } == ["export 12 2024"])
    }

    @Test("a relative growth is of the year the publication date gives")
    func relative() {
        #expect(
            Self.growths("He also reported that bilateral trade turnover increased by 40% this year.", published: day(2025, 12, 11)) == [
                "40 2025 vs - exact"
            ])
    }

    @Test(
        "a percentage that is a share, a tariff line or a change of tonnes is no growth",
        arguments: [
            "The volume of mutual trade reached $516.3 million in 2018, including $426.7 million (82.6 percent) of Kazakhstan's exports.",
            "Kazakhstan has removed tariffs on roughly 90% of goods traded with Iran.",
            "Tariffs on up to 90% of goods traded were removed in 2025.",
            "Kazakhstan with 420,489 tons (up 47.93%) worth $139.62 million in 2022 was Iran's partner in trade.",
            "Inflation rose by 40% in 2023.",
            "Iran's share of Kazakhstan's trade is 2%.",
            "Trade with Kazakhstan was strong in 2023, while inflation in the country rose by 10%.",
        ])
    func notGrowth(text: String) {
        #expect(Self.growths(text).isEmpty)
    }
}
