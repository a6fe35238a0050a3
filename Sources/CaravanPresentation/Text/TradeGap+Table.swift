import CaravanCore

extension TradeGap: Tabular {
    public var table: TextTable {
        var rows: [[String]] = []
        var running = a?.valueUSD ?? 0
        if let a { rows.append(["a: \(a.economy)", NumberText.grouped(a.valueUSD), NumberText.grouped(running), GapText.side(a)]) }
        for step in steps {
            running += step.amountUSD ?? 0
            rows.append([step.kind.rawValue, step.amountUSD.map(NumberText.signed) ?? "", NumberText.grouped(running), step.method])
        }
        for step in notQuantified { rows.append([step.kind.rawValue, "not quantified", "", step.method]) }
        if let residualUSD {
            rows.append(["residual", NumberText.signed(residualUSD), "", "what the steps above do not explain"])
        }
        if let b { rows.append(["b: \(b.economy)", NumberText.grouped(b.valueUSD), NumberText.grouped(b.valueUSD), GapText.side(b)]) }
        if a == nil || b == nil { rows.append(["", "", "", GapText.missing(self)]) }
        return TextTable(
            columns: [.init("step"), .init("amount_usd", numeric: true), .init("running_usd", numeric: true), .init("what")], rows: rows)
    }
}

enum GapText {
    /// `IRN's NONOIL turnover for SH1401, official (Financial Tribune …)`.
    static func side(_ side: GapSide) -> String {
        let kind = side.official ? "official" + (side.compiler.map { ", \($0)" } ?? "") : "not official statistics"
        let also = side.alsoPublished.isEmpty ? "" : "; also published: " + CitationText.list(side.alsoPublished)
        return "\(side.commodity) \(side.flow.rawValue) for \(side.period), \(kind): \(CitationText.list(side.sources))\(also)"
    }

    static func missing(_ gap: TradeGap) -> String {
        let q = gap.question
        let who =
            switch (gap.a, gap.b) {
            case (nil, nil): "neither \(q.a) nor \(q.b) reports a"
            case (nil, _): "\(q.a) reports no"
            default: "\(q.b) reports no"
            }
        return "\(who) \(q.flow.rawValue) figure of its own touching \(q.period); there is nothing to explain"
    }
}
