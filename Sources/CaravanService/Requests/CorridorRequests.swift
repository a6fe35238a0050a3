import CaravanCore
import CaravanNetwork
import Foundation

/// The most a network carries between two places: `capacity`, `/api/v1/capacity`.
public struct CapacityRequest: Sendable {
    public var from: String
    public var to: String
    public var constraints: RouteConstraints
    /// The year whose network is asked about, with the projects completed by then.
    public var year: Int?
    public var partnership: String?
}

/// What a route minimises, as requests name it.
public enum RouteMeasure: String, Sendable, CaseIterable {
    case time, cost, generalized

    /// The measure as the router takes it; `valueOfTime` prices an hour for the generalized cost.
    public func objective(valueOfTime: Double) -> RouteObjective {
        switch self {
        case .time: .time
        case .cost: .cost
        case .generalized: .generalized(valueOfTime: valueOfTime)
        }
    }

    /// The measure a route request was asked with.
    public init(_ objective: RouteObjective) {
        switch objective {
        case .time: self = .time
        case .cost: self = .cost
        case .generalized: self = .generalized
        }
    }
}

extension RequestReader {
    /// `from`, `to`, `by`, `value-of-time`, `alternatives` and the avoid lists, checked against the network's places.
    public func route(_ asked: RouteRequest.Asked, in network: Places) throws -> RouteRequest {
        let measure = try choice("by", asked.by, default: RouteMeasure.time)
        let valueOfTime = try number("value-of-time", asked.valueOfTime, in: 0...100_000, default: RouteObjective.defaultValueOfTime)
        return RouteRequest(
            from: try required("from", asked.from), to: try required("to", asked.to), objective: measure.objective(valueOfTime: valueOfTime),
            constraints: try constraints(asked.avoid, in: network), count: try integer("alternatives", asked.alternatives, in: 0...20, default: 0) + 1
        )
    }

    /// `from`, `to`, `year`, `partnership` and the avoid lists, checked against `network`.
    public func capacity(_ asked: CapacityRequest.Asked, in network: Places) throws -> CapacityRequest {
        let year = try text(asked.year).map { _ in try integer("year", asked.year, in: Plausible.years, default: 0) }
        return CapacityRequest(
            from: try required("from", asked.from), to: try required("to", asked.to), constraints: try constraints(asked.avoid, in: network),
            year: year, partnership: text(asked.partnership))
    }

    /// `avoid-country`, `avoid-node` and `avoid-mode`, each refused when it names nothing the network has:
    /// a constraint that avoids nothing would give a route through the place meant to be avoided.
    public func constraints(_ asked: RouteConstraints.Asked, in network: Places) throws -> RouteConstraints {
        let countries = network.countries
        var avoidCountries = Set<String>()
        for text in texts(asked.countries) {
            let code = text.uppercased()
            guard workspace.tables.countries.contains(code) else {
                let near = Suggestions.nearest(code, among: countries) + workspace.tables.countries.codes(named: code).filter(countries.contains)
                throw refuse("avoid-country", "unknown country '\(text)'; expected an ISO 3166 alpha-3 code" + Suggestions.phrase(near))
            }
            guard countries.contains(code) else {
                throw refuse("avoid-country", "the network has no place in \(code); it runs through \(countries.sorted().joined(separator: ", "))")
            }
            avoidCountries.insert(code)
        }
        let nodes = texts(asked.nodes)
        for id in nodes where !network.contains(node: id) {
            throw refuse("avoid-node", "the network has no node '\(id)'" + Suggestions.phrase(Suggestions.nearest(id, among: network.ids)))
        }
        var modes = Set<TransportMode>()
        for text in texts(asked.modes) {
            guard let mode = TransportMode(rawValue: text.lowercased()) else {
                throw refuse("avoid-mode", "'\(text)'; expected \(TransportMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            modes.insert(mode)
        }
        return RouteConstraints(avoidCountries: avoidCountries, avoidNodes: Set(nodes), avoidModes: modes)
    }

    /// `element`: a node, link or corridor of `network`, when given.
    public func element(_ raw: String?, in network: Network) throws -> String? {
        guard let element = self.text(raw) else { return nil }
        let ids = network.elementIDs
        guard ids.contains(element) else {
            throw refuse(
                "element", "the network has no node, link or corridor '\(element)'" + Suggestions.phrase(Suggestions.nearest(element, among: ids)))
        }
        return element
    }
}

/// A partnership judged as of a moment: `scorecard`, its parts, the dashboard's pages.
public struct JudgedRequest: Sendable {
    public var partnership: String?
    public var asOf: Date
}

extension RequestReader {
    public func judged(_ asked: JudgedRequest.Asked) throws -> JudgedRequest {
        JudgedRequest(partnership: text(asked.partnership), asOf: try asOf(asked.asOf) ?? Date())
    }
}
