import CaravanArticle
import CaravanCore
import Testing

@Suite("Periods in the ledger's syntax")
struct PeriodReadingTests {
    @Test(
        "a stated period is written as the ledger writes it",
        arguments: [
            ("Trade reached $516.3 million in 2018.", "2018"),
            ("Trade between Iran and Turkmenistan in January-June 2022 amounted to $233 million.", "2022-01..2022-06"),
            ("Trade in January–November 2022 was $480 million.", "2022-01..2022-11"),
            ("In the first nine months of 2025, trade totaled $249.1 million.", "2025-01..2025-09"),
            ("During the first seven months of 1404 (March 2025-March 2026), non-oil trade was valued at $159 million.", "SH1404-01..SH1404-07"),
            ("Trade in 1401 was $320 million.", "SH1401"),
            ("Trade in Farvardin 1401 was $20 million.", "SH1401-01"),
            ("Товарооборот за январь-ноябрь 2022 года составил 480 млн долларов.", "2022-01..2022-11"),
            ("Товарооборот за 9 месяцев 2022 года составил 480 млн долларов.", "2022-01..2022-09"),
            ("حجم تجارت در ۹ ماهه نخست ۱۴۰۱ به ۲۵۰ میلیون دلار رسید.", "SH1401-01..SH1401-09"),
            ("حجم تجارت در فروردین ۱۴۰۱ به ۲۰ میلیون دلار رسید.", "SH1401-01"),
            (
                "The two countries traded 638,000 tons of non-oil goods worth $250 million in 9 months and 10 days of 1401.",
                "SH1401-01-01..SH1401-10-10"
            ),
            ("Товарооборот за 9 месяцев и 10 дней 2022 года составил 100 млн долларов.", "2022-01-01..2022-10-10"),
            ("Iran and the EAEU traded commodities worth $3.4 billion in the last Iranian year (March 2020-21).", "SH1399"),
            (
                "The non-oil trade turnover amounted to $197 million in the first nine months of the current Iranian year (March 21 through December 21, 2023).",
                "SH1402-01..SH1402-09"
            ),
        ])
    func stated(text: String, period: String) throws {
        #expect(figures(text).map { $0.period?.description } == [period])
    }

    @Test("a relative period is resolved against the publication date, in the calendar the sentence counts in")
    func relative() {
        #expect(
            figures("Trade reached $1.2 billion in the first eight months of this year.", published: day(2006, 10, 1)).first?.period?.description
                == "2006-01..2006-08")
        #expect(
            figures(
                "Iran and Turkmenistan exchanged products valued at $450 million last year (March 21, 2023 to March 20, 2024).",
                published: day(2024, 8, 29)
            ).first?.period?.description == "SH1402")
        #expect(
            figures("حجم التبادل التجاري بين إيران وكازاخستان بلغ 340 مليون دولار العام الماضي", published: day(2025, 10, 4))
                .first?.period?.description == "SH1403")
        #expect(figures("Товарооборот в прошлом году составил 340 млн долларов.", published: day(2025, 3, 1)).first?.period?.description == "2024")
        #expect(
            figures("Iran's exports rose in the previous Iranian calendar year (ending March 19), surpassing $2 billion.", published: day(2025, 6, 1))
                .first?.period?.description == "SH1403")
    }

    @Test("a caller who knows the source counts Iranian years may say so; the text alone reads Gregorian ones")
    func sourceCalendar() {
        let text = "Iran imported commodities valued at $21.261 million from Turkmenistan during the first seven months of this year."
        let iranian = reader.read(text, published: day(2023, 11, 18), pair: ("IRN", "TKM"), calendar: .solarHijri).findings
        #expect(iranian.map { $0.period?.description } == ["SH1402-01..SH1402-07"])
        #expect(figures(text, published: day(2023, 11, 18)).map { $0.period?.description } == ["2023-01..2023-07"])
    }

    @Test("\"today\" is the year of publication; \"for the whole of 2021 this figure\" is the year and the flow before it")
    func todayAndThisFigure() {
        let today = figures("Today, the trade turnover between our countries amounts to about U.S. $ 1 billion.", published: day(2012, 6, 27))
        #expect(today.map { $0.period?.description } == ["2012"])
        let text =
            "The trade turnover between Iran and Turkmenistan in January-June 2022 amounted to $233 million, while for the whole of 2021 this figure was $227 million."
        #expect(
            figures(text).map { "\($0.flow?.rawValue ?? "-") \($0.period?.description ?? "-")" } == ["turnover 2022-01..2022-06", "turnover 2021"])
    }

    @Test("a statement with no period, or a relative one with no publication date, has none")
    func none() {
        #expect(figures("Trade between the two countries amounts to about $1 billion.").map(\.period) == [nil])
        #expect(figures("Trade reached $300 million last year.").map(\.period) == [nil])
        #expect(figures("Объем торговли двух стран составил 230 млн долларов в год.").map(\.period) == [nil])
        #expect(figures("Iran exported commodities worth $95 million to Turkmenistan in the three-month period.").map(\.period) == [nil])
    }
}
