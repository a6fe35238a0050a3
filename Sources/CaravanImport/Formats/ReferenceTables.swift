import CaravanCore
import Foundation

/// The code tables an import checks against: known economies, BACI's own country codes, the
/// HS nomenclature and the named product groups.
public struct ReferenceTables: Sendable {
    public let countries: CountryRegistry
    /// HS codes and their names; nil where the tables were made without it (some tests). Read
    /// on first use: most commands never need it, and every command would pay for it at start.
    public var nomenclature: HSNomenclature? { lazyNomenclature.value }
    private let lazyNomenclature: Lazy<HSNomenclature?>
    /// The groups every query knows, before any the store adds.
    public let groups: ProductGroups
    /// BACI country code to ISO alpha-3 (842 is USA, 251 France, 699 India: not ISO numeric codes).
    public let baciCodes: [Int: String]
    /// The same, by code, for the import's inner loop: BACI codes are below 1000.
    let baciISO: [String?]

    /// Reads the country table and BACI's `country_code,country_name,country_iso2,country_iso3` table.
    public init(
        countriesCSV: String, baciCountryCodesCSV: String, nomenclature: @escaping @autoclosure @Sendable () -> HSNomenclature? = nil,
        groups: ProductGroups = ProductGroups()
    ) {
        countries = CountryRegistry(csv: countriesCSV)
        lazyNomenclature = Lazy(nomenclature)
        self.groups = groups
        var codes: [Int: String] = [:]
        for line in baciCountryCodesCSV.split(whereSeparator: \.isNewline).dropFirst() {
            // Names may hold quoted commas ("China, Hong Kong SAR"), so read the code and the
            // alpha-3 column from either end of the row.
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard let code = Int(fields[0]), fields.count >= 5 else { continue }
            let iso3 = fields[fields.count - 2]
            if !iso3.isEmpty { codes[code] = String(iso3) }
        }
        baciCodes = codes
        baciISO = (0..<1000).map { codes[$0] }
    }
}

/// A value made once, on first use, by whichever thread asks first.
final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private var make: (@Sendable () -> Value)?

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        lock.withLock {
            if let make {
                made = make()
                self.make = nil
            }
            return made!
        }
    }
}
