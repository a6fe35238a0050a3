/// Turns stored figures into values of the queried flow: imports read from a reconciled
/// exporter's row, turnover as stated or as exports plus imports of the same source and period.
enum FlowFacts {
    static func facts(for query: TradeQuery, from observations: [RecordedObservation]) -> [Fact] {
        let own = observations.filter { $0.observation.reporter == query.reporter && $0.observation.partner == query.partner }
        let mirror = observations.filter { $0.observation.reporter == query.partner && $0.observation.partner == query.reporter }
        switch query.flow {
        case .export, .reExport, .reImport:
            return stated(query.flow, in: own, partnerSide: false)
        case .import:
            return stated(.import, in: own, partnerSide: false) + reconciledImports(mirror)
        case .turnover:
            return stated(.turnover, in: own, partnerSide: false) + stated(.turnover, in: mirror, partnerSide: true)
                + summed(own, reconciledMirror: mirror, partnerSide: false)
                + summed(mirror.filter { !$0.source.kind.isReconciled }, reconciledMirror: [], partnerSide: true)
        }
    }

    /// Whether `facts(for:from:)` may read the row for the query: its side of the pair and its flow.
    static func reads(_ o: TradeObservation, for query: TradeQuery) -> Bool {
        let own = o.reporter == query.reporter && o.partner == query.partner
        let mirror = o.reporter == query.partner && o.partner == query.reporter
        switch query.flow {
        case .export, .reExport, .reImport: return own && o.flow == query.flow
        case .import: return (own && o.flow == .import) || (mirror && o.flow == .export)
        case .turnover: return own || mirror
        }
    }

    private static func stated(_ flow: TradeFlow, in rows: [RecordedObservation], partnerSide: Bool) -> [Fact] {
        rows.filter { $0.observation.flow == flow }.map { Fact($0, partnerSide: partnerSide) }
    }

    /// A reconciled source holds one figure per flow: the reporter's imports are its partner's exports.
    private static func reconciledImports(_ mirror: [RecordedObservation]) -> [Fact] {
        mirror.filter { $0.source.kind.isReconciled && $0.observation.flow == .export }.map { Fact($0, partnerSide: false) }
    }

    private struct Key: Hashable {
        let provider: String
        let period: Period
    }

    /// Exports plus imports where one provider gives both for the same period.
    private static func summed(_ rows: [RecordedObservation], reconciledMirror: [RecordedObservation], partnerSide: Bool) -> [Fact] {
        var exports: [Key: Fact] = [:]
        var imports: [Key: Fact] = [:]
        for row in rows {
            let key = Key(provider: row.source.provider, period: row.observation.period)
            switch row.observation.flow {
            case .export: exports[key] = Fact(row, partnerSide: partnerSide)
            case .import: imports[key] = Fact(row, partnerSide: partnerSide)
            default: break
            }
        }
        for row in reconciledMirror where row.source.kind.isReconciled && row.observation.flow == .export {
            imports[Key(provider: row.source.provider, period: row.observation.period)] = Fact(row, partnerSide: partnerSide)
        }
        return exports.compactMap { key, export in imports[key].map { Fact(summing: export, $0) } }
            .sorted { ($0.period.days.lowerBound, $0.rank) < ($1.period.days.lowerBound, $1.rank) }
    }
}
