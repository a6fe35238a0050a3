import CaravanCore
import Foundation

/// Builds stored figures by hand, for the ledger's rules to be tested without a store.
struct Figures {
    private(set) var rows: [RecordedObservation] = []
    private var nextID: Int64 = 1

    /// A day in 2026, as the vintage a figure was recorded with.
    static func recorded(_ day: Int) -> Date { Date(timeIntervalSince1970: 1_767_225_600 + Double(day) * 86_400) }

    mutating func add(
        _ reporter: String, _ partner: String, _ flow: TradeFlow, _ period: String, _ value: Double, quantity: Double? = nil,
        commodity: String = "TOTAL", kind: SourceKind = .figures, provider: String = "Ministry", published: String? = nil,
        recorded: Int = 0, valuation: Valuation? = nil, sourceID: Int64? = nil, compiler: String? = nil, status: FigureStatus = .outturn
    ) throws {
        let observation = TradeObservation(
            reporter: reporter, partner: partner, flow: flow, commodity: commodity, period: try Period(parsing: period),
            valueUSD: value, quantityT: quantity, valuation: valuation)
        let source = SourceRecord(
            id: sourceID ?? nextID, kind: kind, provider: provider, published: published, compiler: compiler, status: status,
            recordedAt: Self.recorded(recorded), file: "test.csv")
        rows.append(RecordedObservation(observation, source: source, line: rows.count + 2))
        nextID += 1
    }
}

extension Figures {
    /// Gives the figure at `index` a quote.
    mutating func note(_ index: Int, _ quote: String) { rows[index].observation.note = quote }
}

extension TradeSeries {
    /// Each point's period and value, for compact expectations.
    var values: [String: Double] { Dictionary(uniqueKeysWithValues: points.map { ($0.value.period.description, $0.value.valueUSD) }) }

    func point(_ period: String) -> SeriesPoint? { points.first { $0.value.period.description == period } }
}
