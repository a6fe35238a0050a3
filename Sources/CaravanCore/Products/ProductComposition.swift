import Foundation

/// What a pair trades: each product's value over a period at one level of the HS, its share,
/// its change on a comparison period, quantity and unit value, the rest summed as "other"; the
/// concentration of the trade year by year; and the products that moved most.
public struct ProductComposition: Sendable, Codable {
    public var query: TradeQuery
    public var period: Period
    public var versus: Period
    public var level: ProductLevel
    public var totalUSD: Double
    public var versusTotalUSD: Double?
    public var products: [ProductShare]
    /// The products past the top N, summed.
    public var other: ProductShare?
    public var concentration: [Concentration]
    public var gainers: [ProductShare]
    public var losers: [ProductShare]

    /// - Parameters:
    ///   - rows: the pair's figures at HS level, both directions, every vintage.
    ///   - nomenclature: for names and sections.
    /// - Complexity: O(n + y·c) for n figures, c products and y years of concentration.
    public init(
        _ query: TradeQuery, period: Period, versus: Period? = nil, level: ProductLevel, top: Int, rows: [RecordedObservation],
        nomenclature: HSNomenclature
    ) {
        self.query = query
        self.period = period
        self.level = level
        let versus = versus ?? period.previousYear
        self.versus = versus
        let values = ProductValues(query, level: level, rows: rows, nomenclature: nomenclature)
        let now = values.values(over: period)
        let before = values.values(over: versus)
        let total = now.values.reduce(0) { $0 + $1.valueUSD }
        totalUSD = total
        versusTotalUSD = before.isEmpty ? nil : before.values.reduce(0) { $0 + $1.valueUSD }
        let shares = now.map { code, value in
            ProductShare(code: code, name: nomenclature.name(of: code), value: value, total: total, versus: before[code]?.valueUSD)
        }
        .sorted { ($0.valueUSD, $1.code) > ($1.valueUSD, $0.code) }
        products = Array(shares.prefix(top))
        let rest = shares.dropFirst(top)
        other =
            rest.isEmpty
            ? nil
            : ProductShare(
                other: rest.count, valueUSD: rest.reduce(0) { $0 + $1.valueUSD }, total: total,
                versus: rest.reduce(0) { $0 + ($1.versusUSD ?? 0) })
        concentration = values.years(in: period.calendar).compactMap { year in Concentration(year, values: values.values(over: year)) }
        var moves = Set(now.keys).union(before.keys).map { code in
            ProductShare(code: code, name: nomenclature.name(of: code), value: now[code], total: total, versus: before[code]?.valueUSD ?? 0)
        }
        moves.sort { ($0.changeUSD ?? 0, $1.code) > ($1.changeUSD ?? 0, $0.code) }
        gainers = Array(moves.filter { ($0.changeUSD ?? 0) > 0 }.prefix(top))
        losers = Array(moves.filter { ($0.changeUSD ?? 0) < 0 }.reversed().prefix(top))
    }

    /// Each product's value over `period` at `level`, by code.
    public static func values(
        _ query: TradeQuery, level: ProductLevel, over period: Period, rows: [RecordedObservation], nomenclature: HSNomenclature
    ) -> [String: PeriodValue] {
        ProductValues(query, level: level, rows: rows, nomenclature: nomenclature).values(over: period)
    }

    enum CodingKeys: String, CodingKey {
        case query, period, versus, level, products, other, concentration, gainers, losers
        case totalUSD = "total_usd"
        case versusTotalUSD = "versus_total_usd"
    }
}

/// One product's part of a pair's trade.
public struct ProductShare: Sendable, Codable, Hashable {
    /// The HS code or section numeral; nil for "other".
    public var code: String
    public var name: String?
    public var valueUSD: Double
    public var sharePct: Double
    public var versusUSD: Double?
    public var changeUSD: Double?
    public var changePct: Double?
    public var quantityT: Double?
    public var unitValueUSDPerT: Double?
    /// How many products "other" sums.
    public var count: Int?
    public var sources: [Citation]

    init(code: String, name: String?, value: PeriodValue?, total: Double, versus: Double?) {
        self.code = code
        self.name = name
        let amount = value?.valueUSD ?? 0
        valueUSD = amount
        sharePct = total > 0 ? amount / total * 100 : 0
        versusUSD = versus
        changeUSD = versus.map { amount - $0 }
        changePct = versus.flatMap { percentChange(from: $0, to: amount) }
        quantityT = value?.quantityT
        unitValueUSDPerT = value?.unitValueUSDPerT
        sources = value?.sources ?? []
    }

    init(other count: Int, valueUSD: Double, total: Double, versus: Double) {
        code = "other"
        self.count = count
        self.valueUSD = valueUSD
        sharePct = total > 0 ? valueUSD / total * 100 : 0
        versusUSD = versus
        changeUSD = valueUSD - versus
        changePct = percentChange(from: versus, to: valueUSD)
        sources = []
    }

    enum CodingKeys: String, CodingKey {
        case code, name, count, sources
        case valueUSD = "value_usd"
        case sharePct = "share_pct"
        case versusUSD = "versus_usd"
        case changeUSD = "change_usd"
        case changePct = "change_pct"
        case quantityT = "quantity_t"
        case unitValueUSDPerT = "unit_value_usd_per_t"
    }
}

/// How concentrated a year's trade is: the Herfindahl–Hirschman index of the products' shares
/// (0–10,000) and how few products make up 80% of the value.
public struct Concentration: Sendable, Codable, Hashable {
    public var period: Period
    public var products: Int
    public var hhi: Double
    public var productsFor80Pct: Int

    /// Nil when the year has no trade.
    init?(_ period: Period, values: [String: PeriodValue]) {
        let sorted = values.values.map(\.valueUSD).filter { $0 > 0 }.sorted(by: >)
        let total = sorted.reduce(0, +)
        guard total > 0 else { return nil }
        self.period = period
        products = sorted.count
        hhi = Self.herfindahl(sorted.map { $0 / total })
        productsFor80Pct = Self.count(reaching: 0.8, of: sorted, total: total)
    }

    /// Σ (share × 100)²: 10,000 for one product, 10,000 / n for n equal ones.
    public static func herfindahl(_ shares: [Double]) -> Double { shares.reduce(0) { $0 + ($1 * 100) * ($1 * 100) } }

    /// The fewest of the largest values that reach `fraction` of the total.
    public static func count(reaching fraction: Double, of descending: [Double], total: Double) -> Int {
        var sum = 0.0
        for (index, value) in descending.enumerated() {
            sum += value
            // A hair under, so 80% of a total made of round shares is not lost to rounding.
            if sum >= fraction * total * (1 - 1e-12) { return index + 1 }
        }
        return descending.count
    }

    enum CodingKeys: String, CodingKey {
        case period, products, hhi
        case productsFor80Pct = "products_for_80_pct"
    }
}
