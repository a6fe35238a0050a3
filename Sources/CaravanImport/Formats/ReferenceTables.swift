import CaravanCore
import Foundation

/// The code tables an import checks against: known economies, BACI's own country codes, the
/// HS nomenclature and the named product groups.
public struct ReferenceTables: Sendable {
    public let countries: CountryRegistry
    /// The blocs a figure's partner (or reporter) may be, with their members by date.
    public let blocs: Blocs
    /// HS codes and their names; nil where the tables were made without it (some tests). Read
    /// on first use: most commands never need it, and every command would pay for it at start.
    public var nomenclature: HSNomenclature? { lazyNomenclature.value }
    private let lazyNomenclature: Lazy<HSNomenclature?>
    /// The groups every query knows, before any the store adds.
    public let groups: ProductGroups
    /// BACI country code to ISO alpha-3 (842 is USA, 251 France, 699 India: not ISO numeric codes).
    public private(set) var baciCodes: [Int: String]
    /// The same, by code, for the import's inner loop: BACI codes are below 1000.
    private(set) var baciISO: [String?]

    /// Reads the country table and BACI's `country_code,country_name,country_iso2,country_iso3` table.
    public init(
        countriesCSV: String, baciCountryCodesCSV: String, nomenclature: @escaping @autoclosure @Sendable () -> HSNomenclature? = nil,
        groups: ProductGroups = ProductGroups(), blocs: Blocs = Blocs()
    ) {
        countries = CountryRegistry(csv: countriesCSV)
        self.blocs = blocs
        lazyNomenclature = Lazy(nomenclature)
        self.groups = groups
        baciCodes = Self.baciCodes(baciCountryCodesCSV)
        baciISO = (0..<1000).map { [baciCodes] in baciCodes[$0] }
    }

    /// True when a figure may name `code` as reporter or partner: an economy or a bloc.
    public func isEconomyOrBloc(_ code: String) -> Bool { countries.contains(code) || blocs.contains(code) }

    /// The same tables with BACI's country codes from another table: an archive's own.
    public func replacingBACICodes(csv: String) -> ReferenceTables {
        var tables = self
        tables.baciCodes = Self.baciCodes(csv)
        tables.baciISO = (0..<1000).map { [codes = tables.baciCodes] in codes[$0] }
        return tables
    }

    /// BACI code to ISO alpha-3, from a table whose header names `country_code` and `country_iso3`
    /// (releases since 2024) or `iso_3digit_alpha` (earlier ones).
    private static func baciCodes(_ csv: String) -> [Int: String] {
        let lines = csv.split(whereSeparator: \.isNewline)
        guard let header = lines.first?.split(separator: ",").map({ $0.trimmingCharacters(in: .init(charactersIn: "\" ")) }),
            let iso = header.firstIndex(where: { $0 == "country_iso3" || $0 == "iso_3digit_alpha" })
        else { return [:] }
        // Names may hold quoted commas ("China, Hong Kong SAR"), so the alpha-3 column is counted from the end.
        let fromEnd = header.count - iso
        var codes: [Int: String] = [:]
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= header.count, let code = Int(fields[0]) else { continue }
            let iso3 = fields[fields.count - fromEnd].trimmingCharacters(in: .init(charactersIn: "\" "))
            if !iso3.isEmpty { codes[code] = iso3 }
        }
        return codes
    }
}

/// A value made once, on first use, by whichever thread asks first.
public final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private var make: (@Sendable () -> Value)?

    public init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    public var value: Value {
        lock.withLock {
            if let make {
                made = make()
                self.make = nil
            }
            return made!
        }
    }
}
