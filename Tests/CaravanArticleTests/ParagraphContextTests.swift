import CaravanArticle
import CaravanCore
import Testing

@Suite("What a paragraph states carries to the sentences that point back to it")
struct ParagraphContextTests {
    /// Each finding as one line: kind, pair, flow, commodity, period and amount or change.
    static func lines(_ text: String, published: Day? = nil, pair: (String, String)? = ("IRN", "KAZ")) -> [String] {
        reader.read(text, published: published, pair: pair).findings.map { finding in
            [
                finding.kind.rawValue, "\(finding.reporter ?? "-")-\(finding.partner ?? "-")", finding.flow?.rawValue ?? "-",
                finding.commodity ?? "-", finding.period?.description ?? "-",
                finding.valueUSD.map { "$\($0)" } ?? finding.pct.map { "\($0)%" } ?? "-",
            ].joined(separator: " ")
        }
    }

    @Test("the rows of a customs list take the period, flow and commodity of the sentence that heads them")
    func customsList() {
        let text = """
            In the first five months of 1401 (March 21-August 22, 2022), Iran's non-oil trade with the EAEU members reached \
            2.5 million tons worth $1.2 billion, IRICA said. Turkmenistan with 550,598 tons (down 15.19%) worth $180.44 million \
            (up 33.63%) was Iran's first partner; Kazakhstan with 420,489 tons (up 47.93%) worth $139.62 million (up 48.26%) came second.

            Kazakhstan with 177,713 tons worth $78.42 million.
            """
        #expect(
            Self.lines(text) == [
                "figure IRN-EAEU turnover NONOIL SH1401-01..SH1401-05 $1200000000",
                "figure IRN-TKM turnover NONOIL SH1401-01..SH1401-05 $180440000", "growth IRN-TKM turnover NONOIL SH1401-01..SH1401-05 33.63%",
                "figure IRN-KAZ turnover NONOIL SH1401-01..SH1401-05 $139620000", "growth IRN-KAZ turnover NONOIL SH1401-01..SH1401-05 48.26%",
                // After a blank line nothing carries: a row alone states neither its flow nor its period.
                "figure IRN-KAZ - TOTAL - $78420000",
            ])
    }

    @Test("the rows of an HTML list take what the paragraph heading them stated, until a paragraph that is no row")
    func htmlList() {
        let page = """
            <p>Iran's non-oil exports to the EAEU in the first five months of 1401 were as follows:</p>
            <ul><li>Turkmenistan with 528,527 tons worth $166.08 million;</li><li>Kazakhstan with 242,775 tons worth $61.2 million.</li></ul>
            <p>Trade with Russia reached $2 billion in 2021.</p>
            <p>Kazakhstan with 100 tons worth $1 million.</p>
            """
        let read = reader.read(page, format: .html, pair: ("IRN", "KAZ")).findings.map {
            "\($0.reporter ?? "-")-\($0.partner ?? "-") \($0.flow?.rawValue ?? "-") \($0.period?.description ?? "-") \($0.valueUSD ?? 0)"
        }
        #expect(
            read == [
                "IRN-TKM export SH1401-01..SH1401-05 166080000", "IRN-KAZ export SH1401-01..SH1401-05 61200000",
                "IRN-RUS turnover 2021 2000000000", "IRN-KAZ - - 1000000",
            ])
    }

    @Test("a Russian list of partners takes the flow and period of the sentence before it")
    func russianList() {
        let text =
            "Экспорт Ирана в страны ЕАЭС за 10 месяцев 2021 года составил 980 миллионов долларов. "
            + "На РФ пришлось около 490 миллионов долларов, Казахстан – 151 миллион."
        #expect(
            Self.lines(text) == [
                "figure IRN-EAEU export TOTAL 2021-01..2021-10 $980000000", "figure IRN-RUS export TOTAL 2021-01..2021-10 $490000000",
                "figure IRN-KAZ export TOTAL 2021-01..2021-10 $151000000",
            ])
    }

    @Test("a Persian row takes the heading's flow, commodity and Iranian months")
    func persianList() {
        let text =
            "صادرات غیرنفتی ایران به کشورهای اوراسیا در ۵ ماهه نخست ۱۴۰۱ به ۵۰۰ میلیون دلار رسید. قزاقستان با ۲۰۰ هزار تن به ارزش ۶۱ میلیون دلار دوم بود."
        #expect(
            Self.lines(text) == [
                "figure IRN-EAEU export NONOIL SH1401-01..SH1401-05 $500000000", "figure IRN-KAZ export NONOIL SH1401-01..SH1401-05 $61000000",
            ])
    }

    @Test("\"the three-month period\" and \"during the period\" are the period an earlier sentence stated, and none alone")
    func earlierPeriod() {
        let text =
            "In the first three months of 1401, Iran's exports to Turkmenistan rose 38% year on year. "
            + "Iran exported commodities worth $95 million to Turkmenistan in the three-month period."
        #expect(
            Self.lines(text) == [
                "growth IRN-TKM export TOTAL SH1401-01..SH1401-03 38%", "figure IRN-TKM export TOTAL SH1401-01..SH1401-03 $95000000",
            ])
        #expect(
            Self.lines("Iran exported commodities worth $95 million to Turkmenistan in the three-month period.") == [
                "figure IRN-TKM export TOTAL - $95000000"
            ])
    }

    @Test("a country followed by a dash or \"with\" and no number heads no row")
    func noRow() {
        #expect(
            Self.lines("Trade reached $300 million in 2023. Kazakhstan – the largest economy of Central Asia – holds $50 billion in reserves.").count
                == 1)
        #expect(Self.lines("Kazakhstan with investments of $500 million is Iran's partner.").isEmpty)
    }

    @Test("a growth of \"the figures\" is of the flow the sentence before stated")
    func growthOfTheFigures() {
        let text =
            "Товарооборот Казахстана и Ирана в 2024 году составил 340 млн долларов. "
            + "За 10 месяцев этого года отмечается рост показателей на 40% по сравнению с 2024 годом."
        #expect(
            Self.lines(text, published: day(2025, 12, 11)) == [
                "figure IRN-KAZ turnover TOTAL 2024 $340000000", "growth IRN-KAZ turnover TOTAL 2025-01..2025-10 40%",
            ])
        #expect(Self.lines("За 10 месяцев этого года отмечается рост показателей на 40% по сравнению с 2024 годом.").isEmpty)
    }

    @Test("a pair named earlier in the paragraph is the pair of a sentence that names none")
    func pair() {
        let text = "Trade between Iran and Turkmenistan in January-June 2022 amounted to $233 million. Exports in 2021 were $150 million."
        #expect(
            Self.lines(text) == ["figure IRN-TKM turnover TOTAL 2022-01..2022-06 $233000000", "figure IRN-TKM export TOTAL 2021 $150000000"])
    }
}
