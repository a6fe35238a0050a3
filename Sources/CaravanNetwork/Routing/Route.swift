/// One step of a route: a link travelled, or a stop at a node passed through.
public struct RouteLeg: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Travel along a link.
        case link
        /// Waiting and handling at a node the route passes through.
        case dwell
        /// Changing mode at a node.
        case transfer
    }

    public var kind: Kind
    /// The link's id, or the node's where the route stops or changes mode.
    public var id: String
    public var mode: TransportMode?
    public var from: String
    public var to: String
    /// Kilometres of a link; nil where the network gives no length.
    public var km: Double?
    public var hours: Double
    public var usdPerT: Double
    /// Totals from the start of the route to the end of this step: the time–cost–distance curve.
    public var cumulativeKm: Double
    public var cumulativeHours: Double
    public var cumulativeUSDPerT: Double

    enum CodingKeys: String, CodingKey {
        case kind, id, mode, from, to, km, hours
        case usdPerT = "usd_per_t"
        case cumulativeKm = "cumulative_km"
        case cumulativeHours = "cumulative_hours"
        case cumulativeUSDPerT = "cumulative_usd_per_t"
    }
}

/// A route through the network with its totals and its steps.
public struct Route: Sendable, Hashable, Codable {
    public var nodes: [String]
    public var links: [String]
    public var hours: Double
    public var usdPerT: Double
    /// Kilometres over the links whose length is known.
    public var km: Double
    /// True when some link on the route has no length, so `km` falls short.
    public var kmIncomplete: Bool
    public var legs: [RouteLeg]

    enum CodingKeys: String, CodingKey {
        case nodes, links, hours, km, legs
        case usdPerT = "usd_per_t"
        case kmIncomplete = "km_incomplete"
    }
}

extension RoutingGraph {
    /// The route a sequence of arcs makes from `source`, step by step: each node passed through
    /// adds its dwell and handling, each change of mode its transfer penalty.
    func route(from source: Int32, arcs: [Int32]) -> Route {
        var legs: [RouteLeg] = []
        var km = 0.0
        var hours = 0.0
        var usd = 0.0
        var kmIncomplete = false
        var nodes = [nodeIDs[Int(source)]]
        var previousMode: Int?
        for arc in arcs.map(Int.init) {
            let tail = Int(arcTail[arc])
            let head = Int(arcHead[arc])
            let link = Int(arcLink[arc])
            let mode = Int(linkMode[link])
            if previousMode != nil {
                if dwellHours[tail] > 0 || handlingUSD[tail] > 0 {
                    hours += dwellHours[tail]
                    usd += handlingUSD[tail]
                    legs.append(
                        RouteLeg(
                            kind: .dwell, id: nodeIDs[tail], mode: nil, from: nodeIDs[tail], to: nodeIDs[tail], km: nil,
                            hours: dwellHours[tail], usdPerT: handlingUSD[tail], cumulativeKm: km, cumulativeHours: hours,
                            cumulativeUSDPerT: usd))
                }
                let penalty = previousMode! * 4 + mode
                if previousMode != mode && (transferHours[penalty] > 0 || transferUSD[penalty] > 0) {
                    hours += transferHours[penalty]
                    usd += transferUSD[penalty]
                    legs.append(
                        RouteLeg(
                            kind: .transfer, id: nodeIDs[tail], mode: TransportMode.allCases[mode], from: nodeIDs[tail], to: nodeIDs[tail],
                            km: nil, hours: transferHours[penalty], usdPerT: transferUSD[penalty], cumulativeKm: km,
                            cumulativeHours: hours, cumulativeUSDPerT: usd))
                }
            }
            let length = linkKm[link]
            if length.isNaN { kmIncomplete = true } else { km += length }
            hours += linkHours[link]
            usd += linkUSD[link]
            legs.append(
                RouteLeg(
                    kind: .link, id: linkIDs[link], mode: TransportMode.allCases[mode], from: nodeIDs[tail], to: nodeIDs[head],
                    km: length.isNaN ? nil : length, hours: linkHours[link], usdPerT: linkUSD[link], cumulativeKm: km,
                    cumulativeHours: hours, cumulativeUSDPerT: usd))
            nodes.append(nodeIDs[head])
            previousMode = mode
        }
        return Route(
            nodes: nodes, links: arcs.map { linkIDs[Int(arcLink[Int($0)])] }, hours: hours, usdPerT: usd, km: km,
            kmIncomplete: kmIncomplete, legs: legs)
    }
}
