import CaravanCore
import Foundation

extension SentenceReading {
    /// A statement before it is placed in the text: its kind, the tokens of its number and its fields.
    struct Statement: Sendable {
        let kind: Finding.Kind
        let tokens: Range<Int>
        var reporter, partner: String?
        var flow: TradeFlow?
        var commodity: String?
        var period: Period?
        var valueUSD: Decimal?
        var bound: Bound
        var year: Int?
        var pct: Decimal?
        var versus: Period?
        var what: Counted?
        var value: Decimal?
    }
}
