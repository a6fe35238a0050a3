import CaravanArticle
import Testing

@Suite("Whole articles in Russian and Persian")
struct WholeArticleTests {
    @Test("an English article quoting a Russian and a Persian paragraph reads each in its own words")
    func mixedLanguages() {
        let text = """
            Iran and Kazakhstan traded $340 million in 2024, officials in Astana and Tehran said on Thursday, as the
            presidents met to sign agreements on transport, transit and logistics. The press of both countries quoted it:

            Товарооборот Ирана и Казахстана в 2024 году составил 340 млн долларов.

            حجم تجارت ایران و قزاقستان در سال ۱۴۰۳ به ۳۴۰ میلیون دلار رسید.
            """
        let article = reader.read(text, pair: ("IRN", "KAZ"))
        #expect(article.language == "en")
        #expect(article.findings.map { $0.period?.description ?? "-" } == ["2024", "2024", "SH1403"], "\(article.findings)")
        #expect(article.findings.allSatisfy { $0.valueUSD == usd("340000000") && $0.flow == .turnover })
    }

    @Test("a Russian article: each sentence's figure with its period, pair and bound")
    func russian() {
        let text = """
            Товарооборот Казахстана и Ирана за январь-ноябрь 2022 года составил 480,3 млн долларов.
            Экспорт Казахстана в Иран за 9 месяцев 2023 года превысил 300 млн долларов.
            В прошлом году импорт из Ирана составил около 1,2 млрд долл.
            """
        let read = reader.read(text, published: day(2025, 3, 1), pair: ("KAZ", "IRN")).findings.map {
            "\($0.reporter ?? "-") \($0.partner ?? "-") \($0.flow?.rawValue ?? "-") \($0.period?.description ?? "-") \($0.valueUSD ?? 0) \($0.bound.rawValue)"
        }
        #expect(
            read == [
                "KAZ IRN turnover 2022-01..2022-11 480300000 exact", "KAZ IRN export 2023-01..2023-09 300000000 above",
                "KAZ IRN import 2024 1200000000 about",
            ])
    }

    @Test("a Persian article: Persian digits, Iranian months and years")
    func persian() {
        let text = """
            حجم تجارت غیرنفتی ایران و قزاقستان در ۹ ماهه نخست ۱۴۰۱ به ۲۵۰ میلیون دلار رسید.
            صادرات ایران به قزاقستان در فروردین ۱۴۰۲ حدود ۲۰ میلیون و ۵۰۰ هزار دلار بود.
            واردات از قزاقستان در سال گذشته بیش از ۱۲۴٫۸ میلیون دلار بود.
            """
        let read = reader.read(text, published: day(2024, 8, 1), pair: ("IRN", "KAZ")).findings.map {
            "\($0.reporter ?? "-") \($0.partner ?? "-") \($0.flow?.rawValue ?? "-") \($0.commodity ?? "-") \($0.period?.description ?? "-") \($0.valueUSD ?? 0) \($0.bound.rawValue)"
        }
        #expect(
            read == [
                "IRN KAZ turnover NONOIL SH1401-01..SH1401-09 250000000 exact", "IRN KAZ export TOTAL SH1402-01 20500000 about",
                "IRN KAZ import TOTAL SH1402 124800000 above",
            ])
    }

    /// Each finding as one line: kind, pair, flow, period, and amount, change or count with its versus or year.
    static func lines(_ article: Article) -> [String] {
        article.findings.map { finding in
            let number = finding.valueUSD.map { "$\($0)" } ?? finding.pct.map { "\($0)%" } ?? "\(finding.what?.rawValue ?? "-") \(finding.value ?? 0)"
            let extra = finding.versus.map { " vs \($0)" } ?? finding.year.map { " by \($0)" } ?? ""
            return "\(finding.kind.rawValue) \(finding.reporter ?? "-")-\(finding.partner ?? "-") \(finding.flow?.rawValue ?? "-") "
                + "\(finding.period?.description ?? "-") \(number)\(extra)"
        }
    }

    @Test("a Russian article: a figure and its growth, a count, a target, a multiple; a share and inflation are none")
    func russianKinds() {
        let text = """
            По итогам 2023 года товарооборот между Казахстаном и Ираном составил 540 млн долларов, увеличившись на 12% по \
            сравнению с 2022 годом. Стороны подписали 5 меморандумов о сотрудничестве. Цель — довести взаимный товарооборот \
            до 3 млрд долларов к 2030 году. За январь-сентябрь 2024 года экспорт Казахстана в Иран вырос в 1,5 раза и составил \
            300 млн долларов. Доля Ирана во внешней торговле Казахстана составляет 0,5%. Инфляция в Иране выросла на 40%.
            """
        #expect(
            Self.lines(reader.read(text, published: day(2024, 11, 1), pair: ("KAZ", "IRN"))) == [
                "figure KAZ-IRN turnover 2023 $540000000", "growth KAZ-IRN turnover 2023 12% vs 2022", "count KAZ-IRN - - memoranda 5",
                "target KAZ-IRN turnover - $3000000000 by 2030", "growth KAZ-IRN export 2024-01..2024-09 50%",
                "figure KAZ-IRN export 2024-01..2024-09 $300000000",
            ])
    }

    @Test("a Persian article: a figure and its growth against the year before, a count, a target, a multiple")
    func persianKinds() {
        let text = """
            به گزارش ایرنا، حجم مبادلات تجاری ایران و قزاقستان در سال ۱۴۰۲ به ۵۴۰ میلیون دلار رسید که نسبت به سال قبل ۱۲ درصد \
            افزایش داشت. دو کشور ۵ تفاهم نامه همکاری امضا کردند. هدف دو کشور رساندن حجم تجارت به ۳ میلیارد دلار است. صادرات \
            ایران به قزاقستان در ۶ ماهه نخست امسال ۲ برابر شد. سهم ایران از تجارت خارجی قزاقستان ۰٫۵ درصد است. تورم ۴۰ درصد افزایش یافت.
            """
        #expect(
            Self.lines(reader.read(text, published: day(2024, 11, 1), pair: ("IRN", "KAZ"))) == [
                "figure IRN-KAZ turnover SH1402 $540000000", "growth IRN-KAZ turnover SH1402 12% vs SH1401", "count IRN-KAZ - - memoranda 5",
                "target IRN-KAZ turnover - $3000000000", "growth IRN-KAZ export SH1403-01..SH1403-06 100%",
            ])
    }
}
