/// A pair's figures sorted into the products of one level, each product's own figures and those
/// summed from finer codes, so that the ledger's rules pick each product's value for a period.
struct ProductValues {
    let query: TradeQuery
    let level: ProductLevel
    let nomenclature: HSNomenclature
    /// Each product's values by flow, by code at the level (chapters for sections): its figures
    /// sorted out once, then read over every period asked.
    private var products: [TradeFlow: [String: FlowValues]] = [:]
    private let periods: [Period]

    init(_ query: TradeQuery, level: ProductLevel, rows: [RecordedObservation], nomenclature: HSNomenclature) {
        self.query = query
        self.level = level
        self.nomenclature = nomenclature
        var grouped: [String: [RecordedObservation]] = [:]
        for row in rows where row.observation.commodity.first?.isNumber == true && row.observation.commodity.count >= level.digits {
            grouped[String(row.observation.commodity.prefix(level.digits)), default: []].append(row)
        }
        let flows: [TradeFlow] = query.flow == .turnover ? [.export, .import] : [query.flow]
        for (code, rows) in grouped {
            let figures = rows + ProductAggregation.derive(code, members: { $0.count > code.count && $0.hasPrefix(code) }, from: rows)
            for flow in flows {
                var product = query
                product.flow = flow
                product.commodity = code
                products[flow, default: [:]][code] = Ledger.values(of: product, from: figures)
            }
        }
        periods = Array(Set(rows.map(\.observation.period)))
    }

    /// Each product's value over `period`, by code (by section numeral at the section level).
    /// Turnover is each product's exports plus its imports: a product traded one way only still counts.
    func values(over period: Period) -> [String: PeriodValue] {
        guard query.flow == .turnover else { return values(of: query.flow, over: period) }
        return values(of: .export, over: period).merging(values(of: .import, over: period)) { $0.adding($1) }
    }

    private func values(of flow: TradeFlow, over period: Period) -> [String: PeriodValue] {
        var values: [String: PeriodValue] = [:]
        for (code, figures) in products[flow] ?? [:] {
            guard let value = figures.value(over: period), value.valueUSD != 0 else { continue }
            let key = level == .section ? (nomenclature.section(of: code) ?? "?") : code
            values[key] = values[key].map { $0.adding(value) } ?? value
        }
        return values
    }

    /// The years, in `calendar`, that the figures touch.
    func years(in calendar: CalendarSystem) -> [Period] {
        let ordinals = Set(
            periods.flatMap { period in
                let first = Period.unit(.year, containing: period.days.lowerBound, in: calendar).first
                let last = Period.unit(.year, containing: period.days.upperBound, in: calendar).first
                return Array(first...last)
            })
        return ordinals.sorted().map { Period(.year, $0, in: calendar) }
    }
}
