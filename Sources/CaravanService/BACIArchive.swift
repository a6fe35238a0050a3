import CaravanCore

/// How CEPII names the files of a BACI archive.
enum BACIArchive {
    /// The year of a yearly file (`BACI_HS17_Y2022_V202501.csv` is 2022); nil for any other member.
    static func year(of member: String) -> Int? {
        let name = member.split(separator: "/").last.map(String.init) ?? member
        guard name.hasPrefix("BACI_"), name.hasSuffix(".csv") else { return nil }
        let part = name.split(separator: "_").map(String.init).first { $0.count == 5 && $0.first == "Y" }
        return part.flatMap { Int($0.dropFirst()) }
    }

    /// True for the archive's country table (`country_codes_V202501.csv`).
    static func isCountryTable(_ member: String) -> Bool {
        let name = member.split(separator: "/").last.map(String.init) ?? member
        return name.hasPrefix("country_codes") && name.hasSuffix(".csv")
    }

    /// True for the archive's product table (`product_codes_HS17_V202501.csv`).
    static func isProductTable(_ member: String) -> Bool {
        let name = member.split(separator: "/").last.map(String.init) ?? member
        return name.hasPrefix("product_codes") && name.hasSuffix(".csv")
    }

    /// The six-digit codes of a product table (`code,description`), read from the start of each row.
    static func productCodes(_ csv: String) -> Set<String> {
        Set(
            csv.split(whereSeparator: \.isNewline).compactMap { line in
                let code = line.prefix { $0 != "," }.trimmingCharacters(in: .init(charactersIn: "\" "))
                return CommodityCode.isSubheading(code) ? code : nil
            })
    }

    /// Pairs as one text, the same whichever way round and in whatever order they were given.
    static func describe(_ pairs: [(String, String)]) -> String {
        Set(pairs.map { [$0, $1].sorted().joined(separator: "-") }).sorted().joined(separator: ",")
    }
}
