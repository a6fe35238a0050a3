import CaravanArticle
import Testing

@Suite("Whole articles in Russian and Persian")
struct WholeArticleTests {
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
}
