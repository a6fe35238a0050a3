/// The editions of the Harmonized System figures come in, named by the WCO's year (`HS 2017`).
/// A code's meaning can change between editions, so a source keeps the edition it reported in.
public enum HSEdition {
    public static let hs2017 = "HS 2017"
    public static let hs2022 = "HS 2022"

    private static let years = [
        "0": "1992", "1": "1996", "2": "2002", "3": "2007", "4": "2012", "5": "2017", "6": "2022",
        "92": "1992", "96": "1996", "02": "2002", "07": "2007", "12": "2012", "17": "2017", "22": "2022",
    ]

    /// The edition of a UN Comtrade `classificationCode` (`H5` is HS 2017); nil for another classification.
    public static func comtrade(_ code: String) -> String? {
        guard code.count == 2, code.first == "H" else { return nil }
        return years[String(code.dropFirst())].map { "HS \($0)" }
    }

    /// The edition of a CEPII BACI revision as its files name it (`HS17` is HS 2017).
    public static func baci(_ revision: String) -> String? {
        guard revision.count == 4, revision.hasPrefix("HS") else { return nil }
        return years[String(revision.dropFirst(2))].map { "HS \($0)" }
    }
}
