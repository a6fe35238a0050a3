/// UN Comtrade's own numeric codes for economies, by ISO alpha-3: France is 251 and the USA 842,
/// not M49's 250 and 840. Where a code was retired (Belgium-Luxembourg to 1998), the one in force
/// is taken; groups (the EU, ASEAN) are left out.
public struct ComtradeCodes: Sendable {
    private let codes: [String: Int]

    /// Reads `reporter_code,iso3,name,effective,expired,is_group` (Data/reference/comtrade-reporters.csv).
    public init(csv: String) {
        var current: [String: Int] = [:]
        var retired: [String: Int] = [:]
        for line in csv.split(whereSeparator: \.isNewline).dropFirst() {
            // Names may hold quoted commas, so read the code from the start and the rest from the end.
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 6, let code = Int(fields[0]), fields[fields.count - 1] == "false" else { continue }
            let iso = String(fields[1])
            if fields[fields.count - 2].isEmpty { current[iso] = current[iso] ?? code } else { retired[iso] = retired[iso] ?? code }
        }
        codes = retired.merging(current) { _, now in now }
    }

    /// The code for an ISO alpha-3 code, or nil when Comtrade knows no such economy.
    public func code(_ iso: String) -> Int? { codes[iso] }
}
