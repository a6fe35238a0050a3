import CaravanCore
import CaravanNetwork

/// Which of several reports of an element's freight for one period answers, by the ledger's
/// precedence (docs/ledger.md): its compiler's own release, then a quote naming its compiler, then
/// dated quotes, newest first, then undated ones; a provider's later vintage before its earlier one.
enum FreightFlows {
    static func precedes(_ a: RecordedFreightFlow, _ b: RecordedFreightFlow) -> Bool {
        let (x, y) = (Precedence(a.source), Precedence(b.source))
        if x != y { return x < y }
        let (p, q) = (a.source.published ?? "", b.source.published ?? "")
        if p != q { return p > q }
        if a.source.recordedAt != b.source.recordedAt { return a.source.recordedAt > b.source.recordedAt }
        return a.source.provider < b.source.provider
    }
}
