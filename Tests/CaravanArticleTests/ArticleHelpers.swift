import CaravanArticle
import CaravanCore
import Foundation

/// The bundled reader, read once for every test.
let reader = ArticleReader()

/// The day a date names, for a publication date in a test.
func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Day {
    CivilDate(calendar: .gregorian, year: year, month: month, day: dayOfMonth).dayNumber
}

/// The figures of a text, read with the pair and date a test gives.
func figures(_ text: String, published: Day? = nil, pair: (String, String)? = ("IRN", "KAZ")) -> [Finding] {
    reader.read(text, published: published, pair: pair).findings
}

/// A decimal written as a string, so a test's expected value is exactly what it says.
func usd(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? .nan }
