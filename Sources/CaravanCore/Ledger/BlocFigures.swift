/// A bloc's trade read from its members' figures where the bloc's own is missing: for each
/// provider, flow and period, the members' figures added up when every economy that was a member
/// throughout the period has one, and the membership did not change within it (docs/ledger.md).
public enum BlocFigures {
    /// The sums `rows` give for trade between `other` and `bloc`, both ways round, left out where
    /// `stated` already holds the bloc's own figure of that side, flow, commodity and period, from any provider.
    /// - Parameters:
    ///   - rows: the figures between `other` and each member, both directions, all vintages.
    /// - Complexity: O(n) in the rows.
    public static func derive(
        bloc: String, other: String, blocs: Blocs, rows: [RecordedObservation], stated: [RecordedObservation]
    ) -> [RecordedObservation] {
        let own = Set(stated.filter { $0.source.status == .outturn }.map { Key($0, bloc: bloc) })
        var parts: [Part: [RecordedObservation]] = [:]
        // Only each provider's latest version of a member's figure is added: revisions are not parts.
        for row in Vintages.current(rows, asOf: nil) where row.source.status == .outturn {
            let o = row.observation
            guard o.reporter == other || o.partner == other else { continue }
            parts[Part(side: Key(row, bloc: bloc, other: other), provider: row.source.provider), default: []].append(row)
        }
        return parts.compactMap { part, rows -> RecordedObservation? in
            let key = part.side
            guard !own.contains(key), let members = blocs.members(of: bloc, over: key.period), !members.isEmpty else { return nil }
            let side = rows.map { $0.observation.reporter == other ? $0.observation.partner : $0.observation.reporter }
            guard Set(side) == Set(members), side.count == members.count else { return nil }
            var sum = rows.max { $0.source.recordedAt < $1.source.recordedAt }!
            sum.observation.reporter = key.reporter
            sum.observation.partner = key.partner
            sum.observation.valueUSD = rows.reduce(0) { $0 + $1.observation.valueUSD }
            let quantities = rows.compactMap(\.observation.quantityT)
            sum.observation.quantityT = quantities.count == rows.count ? quantities.reduce(0, +) : nil
            sum.observation.note = "sum of the \(members.count) members of \(bloc): \(members.joined(separator: ", "))"
            sum.line = nil
            return sum
        }
        .sorted {
            ($0.observation.period.days.lowerBound, $0.source.provider, $0.observation.flow.rawValue, $0.observation.reporter) < (
                $1.observation.period.days.lowerBound, $1.source.provider, $1.observation.flow.rawValue, $1.observation.reporter
            )
        }
    }

    /// A side of the bloc's trade: who reports, with whom, which flow, commodity and period.
    private struct Key: Hashable {
        let reporter: String, partner: String, flow: TradeFlow, commodity: String, period: Period

        /// A bloc's own figure, as it stands.
        init(_ row: RecordedObservation, bloc: String) {
            let o = row.observation
            (reporter, partner, flow, commodity, period) = (o.reporter, o.partner, o.flow, o.commodity, o.period)
        }

        /// A member's figure, as the part of the bloc's it is: the member's name replaced by the bloc's.
        init(_ row: RecordedObservation, bloc: String, other: String) {
            let o = row.observation
            reporter = o.reporter == other ? other : bloc
            partner = o.reporter == other ? bloc : other
            (flow, commodity, period) = (o.flow, o.commodity, o.period)
        }
    }

    /// One provider's figures of a side: a sum never mixes providers.
    private struct Part: Hashable {
        let side: Key
        let provider: String
    }
}
