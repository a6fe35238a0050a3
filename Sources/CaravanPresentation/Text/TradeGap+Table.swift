import CaravanCore

extension TradeGap: Tabular {
    public var table: TextTable {
        var rows: [[String]] = []
        var running = a?.valueUSD ?? 0
        func add(_ label: String, _ steps: [GapStep]) {
            for step in steps {
                running += step.amountUSD ?? 0
                rows.append([label + step.kind.rawValue, step.amountUSD.map(NumberText.signed) ?? "", NumberText.grouped(running), step.method])
            }
        }
        func named(_ label: String, _ steps: [GapStep]) {
            for step in steps { rows.append([label + step.kind.rawValue, "not quantified", "", step.method]) }
        }
        if let a { rows.append(["a: \(a.economy)", NumberText.grouped(a.valueUSD), NumberText.grouped(running), GapText.side(a)]) }
        if let directionsMissing { rows.append(["directions", "", "", directionsMissing]) }
        if directions.isEmpty {
            add("", steps)
            named("", notQuantified)
        } else {
            // Each direction's two figures, its steps and its residual; the running total ends at B's figure.
            for direction in directions {
                let label = GapText.direction(direction)
                rows.append([
                    label, "", "", "\(direction.a.economy): \(GapText.side(direction.a)); \(direction.b.economy): \(GapText.side(direction.b))",
                ])
                add("\(label) ", direction.steps)
                named("\(label) ", direction.notQuantified)
                running += direction.residualUSD
                let unexplained = "what the steps above do not explain in this direction"
                rows.append(["\(label) residual", NumberText.signed(direction.residualUSD), NumberText.grouped(running), unexplained])
            }
            named("", notQuantified.filter { $0.direction == nil })
        }
        if let residualUSD {
            let what = directions.isEmpty ? "what the steps above do not explain" : "the two directions' residuals together"
            rows.append(["residual", NumberText.signed(residualUSD), "", what])
        }
        if let b { rows.append(["b: \(b.economy)", NumberText.grouped(b.valueUSD), NumberText.grouped(b.valueUSD), GapText.side(b)]) }
        if a == nil || b == nil { rows.append(["", "", "", GapText.missing(self)]) } else { rows.append(["", "", "", GapText.signRule(self)]) }
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

    /// `KAZ→IRN`: whose goods, whichever side asks.
    static func direction(_ direction: GapDirection) -> String { "\(direction.exporter)→\(direction.importer)" }

    /// The one-sentence sign rule: asked the other way round, only the signs change.
    static func signRule(_ gap: TradeGap) -> String {
        let q = gap.question
        let flow = q.flow == .turnover ? "" : " --flow \(q.flow.mirrored.rawValue)"
        return "Asked the other way round (--a \(q.b) --b \(q.a)\(flow)), every step's amount and the residual change sign, nothing else."
    }

    /// Which side has no figure; B's is the mirror flow (A's exports are B's imports).
    static func missing(_ gap: TradeGap) -> String {
        let q = gap.question
        let (flow, mirrored) = (q.flow.rawValue, q.flow.mirrored.rawValue)
        let who =
            switch (gap.a, gap.b) {
            case (nil, nil) where q.flow == q.flow.mirrored: "neither \(q.a) nor \(q.b) reports a \(flow) figure of its own"
            case (nil, nil): "neither \(q.a) reports \(flow)s nor \(q.b) \(mirrored)s of its own"
            case (nil, _): "\(q.a) reports no \(flow) figure of its own"
            default: "\(q.b) reports no \(mirrored) figure of its own"
            }
        return "\(who) touching \(q.period); there is nothing to explain"
    }
}
