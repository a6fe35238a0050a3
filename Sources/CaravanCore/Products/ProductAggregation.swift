/// Figures for a product or group worked out from the finer figures a source gives: the sum of
/// its member codes, at the coarsest level the source reports them (chapters before headings
/// before subheadings), so nothing is counted twice. A source that states the figure itself is
/// left to stand alone.
public enum ProductAggregation {
    /// Sums the member rows of `rows` into figures of `commodity`, one per source, pair, flow and period.
    /// - Complexity: O(n) for n rows.
    public static func derive(
        _ commodity: String, members isMember: (String) -> Bool, from rows: [RecordedObservation]
    ) -> [RecordedObservation] {
        var stated = Set<SourcedFlowPeriod>()
        var members: [SourcedFlowPeriod: [RecordedObservation]] = [:]
        // HS 2017 codes split across chapters with only some of their parts inside: left out, and said so.
        var straddling: [SourcedFlowPeriod: [String]] = [:]
        for row in rows {
            let o = row.observation
            let key = SourcedFlowPeriod(row)
            if o.commodity == commodity {
                stated.insert(key)
            } else if let split = HSConversion.split(o.commodity) {
                if split.parts.allSatisfy(isMember) {
                    members[key, default: []].append(row)
                } else if split.parts.contains(where: isMember) {
                    straddling[key, default: []].append(split.code)
                }
            } else if o.commodity.first?.isNumber == true, isMember(o.commodity) {
                members[key, default: []].append(row)
            }
        }
        return members.compactMap { key, rows -> RecordedObservation? in
            guard !stated.contains(key), let level = rows.map({ digits($0.observation.commodity) }).min() else { return nil }
            let parts = rows.filter { digits($0.observation.commodity) == level }
            var sum = parts[0]
            sum.observation.commodity = commodity
            sum.observation.valueUSD = parts.reduce(0) { $0 + $1.observation.valueUSD }
            let quantities = parts.compactMap(\.observation.quantityT)
            sum.observation.quantityT = quantities.count == parts.count ? quantities.reduce(0, +) : nil
            let left = straddling[key].map { codes in
                "; HS 2017 \(Set(codes).sorted().joined(separator: ", ")) left out: split by HS 2022 across chapters, not all of it in \(commodity)"
            }
            sum.observation.note = "sum of \(parts.count) HS \(level)-digit \(parts.count == 1 ? "code" : "codes")\(left ?? "")"
            sum.line = nil
            return sum
        }
        .sorted {
            ($0.observation.period.days.lowerBound, $0.source.id, $0.observation.flow.rawValue) < (
                $1.observation.period.days.lowerBound, $1.source.id, $1.observation.flow.rawValue
            )
        }
    }

    /// The level of a member's code: a figure split across chapters is made of subheadings.
    private static func digits(_ commodity: String) -> Int { HSConversion.split(commodity) == nil ? commodity.count : 6 }

    /// The membership a commodity stands for: an HS code holds the codes under it; a group its members.
    public static func members(of commodity: String, groups: ProductGroups) -> ((String) -> Bool)? {
        if commodity == CommodityCode.total { return nil }
        if commodity.allSatisfy(\.isNumber) { return { $0.count > commodity.count && $0.hasPrefix(commodity) } }
        return groups[commodity].map { group in { group.contains($0) } }
    }
}

/// One source's figure for a pair, flow and period, whatever its product: what sums of products keep apart.
struct SourcedFlowPeriod: Hashable {
    let source: Int64
    let reporter: String
    let partner: String
    let flow: TradeFlow
    let period: Period

    init(_ row: RecordedObservation) {
        source = row.source.id
        reporter = row.observation.reporter
        partner = row.observation.partner
        flow = row.observation.flow
        period = row.observation.period
    }
}
