import CaravanCore
import CaravanImport
import CaravanNetwork
import CaravanStore
import Crypto
import Foundation

/// Why a corridor question cannot be answered from the workspace.
public enum CorridorError: Error, Sendable, CustomStringConvertible {
    case noNetwork

    public var description: String {
        switch self {
        case .noNetwork: "there is no network in the store: import a network JSON file, run `caravan demo`, or give --network FILE"
        }
    }
}

extension Workspace {
    /// The network in `file`, or else the one last imported into the store.
    public func network(file: String? = nil) async throws -> Network {
        if let file { return try NetworkReader.read(path: file, tables: tables) }
        guard let network = try await storedNetwork() else { throw CorridorError.noNetwork }
        return network
    }

    /// The network last imported into the store, or nil when there is none.
    func storedNetwork() async throws -> Network? {
        guard let stored = try await store.document(.network, named: nil) else { return nil }
        return try parsed.network(stored) { stored in
            try Data(stored.document.text.utf8).withUnsafeBytes { bytes in try NetworkReader.parse(bytes, file: stored.batch.file) }
        }
    }

    /// The same network compiled for routing and flows.
    public func graph(file: String? = nil) async throws -> RoutingGraph {
        if let file { return try NetworkReader.readGraph(path: file, tables: tables) }
        guard let stored = try await store.document(.network, named: nil) else { throw CorridorError.noNetwork }
        return try parsed.graph(stored) { stored in
            try Data(stored.document.text.utf8).withUnsafeBytes { bytes in try NetworkReader.graph(bytes, file: stored.batch.file, tables: tables) }
        }
    }

    /// Checks a network file and stores it as one batch.
    func importNetwork(_ path: String, as name: String, recordedAt: Date) async throws -> ImportResult {
        let json = try DocumentText.read(path: path, name: name)
        let network = try NetworkReader.read(text: json, file: name, tables: tables)
        let digest = SHA256.hash(data: Data(json.utf8)).map { String(format: "%02x", $0) }.joined()
        let receipt = try await store.record(
            document: Document(kind: .network, name: network.name, text: json), file: name, digest: digest, recordedAt: recordedAt)
        var summary = ImportSummary(file: name, format: .network)
        summary.rowsRead = network.nodes.count + network.links.count
        summary.rowsStored = summary.rowsRead
        summary.digest = digest
        return ImportResult(summary: summary, receipt: receipt, notes: try await dossiersMissing(network.elementIDs))
    }

    /// A note for each stored dossier that names elements a newly current network lacks.
    private func dossiersMissing(_ elements: Set<String>) async throws -> [String] {
        var notes: [String] = []
        for stored in try await store.documents(.dossier) {
            let missing = try await dossier(stored.document.name).missingElements(in: elements)
            guard !missing.isEmpty else { continue }
            let named = missing.prefix(5).map { "'\($0.element)' (\($0.path))" }.joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
            notes.append(
                "the dossier '\(stored.document.name)' names elements this network lacks: \(named); its scorecard says so until a network or a dossier that agree is imported"
            )
        }
        return notes
    }

    /// Checks a flows file against the stored network's elements and stores it as one batch.
    func importFlows(_ path: String, as name: String, policy: InvalidRowPolicy, recordedAt: Date) async throws -> ImportResult {
        let elements = try await network().elementIDs
        let file = try FileImport<FreightFlow>(flowsAt: path, name: name, elements: elements, policy: policy)
        return try await storeRows(of: file, as: name, field: "row") { rows, sources, digest in
            try await store.record(flows: rows, sources: sources, file: name, digest: digest, recordedAt: recordedAt)
        }
    }

    /// The best routes by the request's objective, and its alternatives.
    public func routes(_ request: RouteRequest, networkFile: String? = nil) async throws -> RouteAnswer {
        let graph = try await graph(file: networkFile)
        return RouteAnswer(network: graph.name, routes: try RoutePlanner(graph).routes(request))
    }

    /// The most the network can carry between two places, and its bottleneck; with `year`, on the
    /// network as it stands at the end of that year (see `graph(file:year:partnership:)`).
    public func capacity(
        from: String, to: String, constraints: RouteConstraints = .init(), networkFile: String? = nil, year: Int? = nil,
        partnership: String? = nil
    ) async throws
        -> CapacityAnalysis
    {
        let graph =
            if let year { try await self.graph(file: networkFile, year: year, partnership: partnership).graph } else {
                try await self.graph(file: networkFile)
            }
        return try graph.capacity(from: from, to: to, constraints: constraints)
    }

    /// The stored freight flows, each against its element's capacity in the stored network.
    public func freightFlows(element: String?) async throws -> FlowReport {
        let network = try await network()
        return FlowReport(flows: network.utilization(of: try await store.freightFlows(element: element)))
    }
}

/// Routes as `caravan route` answers: `{"routes": [...]}`, best first.
public struct RouteAnswer: Sendable, Codable {
    public var network: String
    public var routes: [Route]

    public init(network: String, routes: [Route]) {
        self.network = network
        self.routes = routes
    }
}

/// Freight flows against capacity, as `caravan corridor flows` answers.
public struct FlowReport: Sendable, Codable {
    public var flows: [FlowUtilization]

    public init(flows: [FlowUtilization]) { self.flows = flows }
}
