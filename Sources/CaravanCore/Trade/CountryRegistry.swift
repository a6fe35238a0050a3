/// The economies a figure may name, by ISO 3166 alpha-3 code (current and historical), plus the
/// few non-ISO codes statistical agencies use (`WLD` for the world, `S19` for "Other Asia, nes").
public struct CountryRegistry: Sendable {
    /// The code that stands for all partners together.
    public static let world = "WLD"

    private let names: [String: String]

    /// Reads `iso3,numeric,name` rows with a header line, as in `Data/reference/countries.csv`.
    public init(csv: String) {
        var names: [String: String] = [:]
        for line in csv.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            names[String(fields[0])] = String(fields[2]).trimmingQuotes
        }
        self.names = names
    }

    /// True when `code` names a known economy.
    public func contains(_ code: String) -> Bool { names[code] != nil }

    /// The economy's English name, or nil for an unknown code.
    public func name(of code: String) -> String? { names[code] }

    /// The number of codes known.
    public var count: Int { names.count }

    /// Every code known.
    public var codes: Dictionary<String, String>.Keys { names.keys }

    /// The codes of the economies whose English name begins with `text` (case aside): `Iran` → IRN.
    public func codes(named text: String) -> [String] {
        let wanted = text.lowercased()
        guard wanted.count >= 3 else { return [] }
        return names.filter { $0.value.lowercased().hasPrefix(wanted) }.keys.sorted()
    }
}

extension String {
    var trimmingQuotes: String {
        hasPrefix("\"") && hasSuffix("\"") && count >= 2 ? String(dropFirst().dropLast()) : self
    }
}
