import CaravanCore
import CaravanNetwork
import Foundation

/// Reads the network JSON (PRODUCT.md) into a `Network`, naming the JSON path of anything it
/// cannot read; unknown keys are skipped, so the format can grow.
public enum NetworkReader {
    /// Reads a network file (`.gz` too) and checks it: references, ids, figures, countries.
    public static func read(path: String, name: String? = nil, tables: ReferenceTables? = nil) throws(ImportError) -> Network {
        try read(text: try DocumentText.read(path: path, name: name), file: name ?? path, tables: tables)
    }

    /// Reads and checks a network file and compiles it for routing, resolving its references once.
    public static func readGraph(path: String, name: String? = nil, tables: ReferenceTables? = nil) throws(ImportError) -> RoutingGraph {
        let name = name ?? path
        let (network, index) = try checked(
            try DocumentBytes.read(path: path, name: name) { bytes throws(ImportError) in try parse(bytes, file: name) }, file: name, tables: tables)
        return RoutingGraph(network, index: index)
    }

    /// Reads and checks a network document's text.
    public static func read(text: String, file: String, tables: ReferenceTables? = nil) throws(ImportError) -> Network {
        var text = text
        let parsed = text.withUTF8 { bytes in Result { () throws(ImportError) in try parse(UnsafeRawBufferPointer(bytes), file: file) } }
        return try checked(try parsed.get(), file: file, tables: tables).0
    }

    /// Checks a network document and compiles it for routing.
    public static func graph(_ bytes: UnsafeRawBufferPointer, file: String, tables: ReferenceTables? = nil) throws(ImportError) -> RoutingGraph {
        let (network, index) = try checked(try parse(bytes, file: file), file: file, tables: tables)
        return RoutingGraph(network, index: index)
    }

    private static func checked(_ network: Network, file: String, tables: ReferenceTables?) throws(ImportError) -> (Network, NetworkIndex) {
        let index = NetworkIndex(network)
        let problems = network.problems(isCountry: tables.map { tables in { tables.countries.contains($0) } }, index: index)
        guard problems.isEmpty else { throw .invalidDocument(file: file, problems: problems.map(\.description)) }
        return (network, index)
    }

    /// Where the reader is, kept as parts and written out as a JSON path only for a message: a
    /// network of millions of links would otherwise build a string per field.
    struct Location {
        var section = ""
        var index = -1
        /// The key being read, as it stands in the document.
        var key: JSONKey?
        /// A path below the key, for nested objects; written out only there.
        var detail: String?

        var path: String {
            guard !section.isEmpty else { return "$" }
            let below = detail ?? key?.description
            return "$." + section + (index >= 0 ? "[\(index)]" : "") + (below.map { "." + $0 } ?? "")
        }

        mutating func enter(_ section: String, _ index: Int) {
            self.section = section
            self.index = index
            key = nil
            detail = nil
        }

        mutating func at(_ key: JSONKey?) {
            self.key = key
            detail = nil
        }
    }

    /// Parses a network document without checking it.
    public static func parse(_ bytes: UnsafeRawBufferPointer, file: String) throws(ImportError) -> Network {
        var reader = JSONReader(bytes)
        var path = Location()
        do throws(JSONReader.Failure) {
            var network = Network(name: "", nodes: [], links: [])
            try reader.object { reader, key throws(JSONReader.Failure) in
                path.enter(key.description, -1)
                switch key {
                case "name": network.name = try reader.string()
                case "nodes":
                    try reader.array { reader, index throws(JSONReader.Failure) in
                        path.enter("nodes", index)
                        let start = reader.offset
                        network.nodes.append(try node(&reader, &path))
                        if index == 0 { network.nodes.reserveCapacity(estimate(reader, elementBytes: reader.offset - start)) }
                    }
                case "links":
                    try reader.array { reader, index throws(JSONReader.Failure) in
                        path.enter("links", index)
                        let start = reader.offset
                        network.links.append(try link(&reader, &path))
                        if index == 0 { network.links.reserveCapacity(estimate(reader, elementBytes: reader.offset - start)) }
                    }
                case "transfers":
                    try reader.array { reader, index throws(JSONReader.Failure) in
                        path.enter("transfers", index)
                        network.transfers.append(try transfer(&reader, &path))
                    }
                case "corridors":
                    try reader.array { reader, index throws(JSONReader.Failure) in
                        path.enter("corridors", index)
                        network.corridors.append(try corridor(&reader, &path))
                    }
                case "sources":
                    try reader.array { reader, index throws(JSONReader.Failure) in
                        path.enter("sources", index)
                        network.sources.append(try source(&reader, &path))
                    }
                default: try reader.skip()
                }
            }
            path = Location()
            guard reader.atEnd() else { throw JSONReader.Failure(reason: "unexpected content after the document") }
            return network
        } catch {
            throw .invalidDocument(file: file, problems: ["\(path.path) (line \(reader.line)): \(error.reason)"])
        }
    }

    /// How many elements like the first the rest of the document could hold: reserved up front,
    /// because growing by doubling copies millions of elements and touches twice their memory.
    /// Memory reserved beyond the last element is never touched, so an overestimate costs nothing.
    private static func estimate(_ reader: JSONReader, elementBytes: Int) -> Int {
        reader.remaining / max(elementBytes, 16) + 16
    }

    private static func node(_ reader: inout JSONReader, _ path: inout Location) throws(JSONReader.Failure) -> NetworkNode {
        var node = NetworkNode(id: "", name: "")
        try reader.object { reader, key throws(JSONReader.Failure) in
            path.at(key)
            switch key {
            case "id": node.id = try reader.string()
            case "name": node.name = try reader.string()
            case "names": node.names = try names(&reader)
            case "country": node.country = try optionalString(&reader)
            case "kind": node.kind = try optionalString(&reader)
            case "lat": node.lat = try optionalNumber(&reader)
            case "lon": node.lon = try optionalNumber(&reader)
            case "dwell_hours": node.dwellHours = try optionalNumber(&reader)
            case "handling_usd_per_t": node.handlingUSDPerT = try optionalNumber(&reader)
            case "capacity_mt": node.capacityMt = try optionalNumber(&reader)
            case "evidence": node.evidence = try evidence(&reader, &path)
            default: try reader.skip()
            }
        }
        path.at(nil)
        if node.id.isEmpty { throw JSONReader.Failure(reason: "a node needs an id") }
        if node.name.isEmpty { node.name = node.id }
        return node
    }

    private static func link(_ reader: inout JSONReader, _ path: inout Location) throws(JSONReader.Failure) -> NetworkLink {
        var link = NetworkLink(id: "", from: "", to: "", mode: .rail)
        var mode: TransportMode?
        try reader.object { reader, key throws(JSONReader.Failure) in
            path.at(key)
            switch key {
            case "id": link.id = try reader.string()
            case "from": link.from = try reader.string()
            case "to": link.to = try reader.string()
            case "mode":
                let text = try reader.string()
                guard let known = TransportMode(rawValue: text) else {
                    throw JSONReader.Failure(reason: "unknown mode '\(text)'; expected rail, road, sea or ferry")
                }
                mode = known
            case "length_km": link.lengthKm = try optionalNumber(&reader)
            case "speed_kmh": link.speedKmh = try optionalNumber(&reader)
            case "hours": link.hours = try optionalNumber(&reader)
            case "usd_per_t": link.usdPerT = try optionalNumber(&reader)
            case "capacity_mt": link.capacityMt = try optionalNumber(&reader)
            case "bidirectional": link.bidirectional = reader.null() ? nil : try reader.bool()
            case "evidence": link.evidence = try evidence(&reader, &path)
            default: try reader.skip()
            }
        }
        path.at(nil)
        for (value, field) in [(link.id, "id"), (link.from, "from"), (link.to, "to")] where value.isEmpty {
            path.detail = field
            throw JSONReader.Failure(reason: "a link needs \(field == "id" ? "an id" : "'\(field)'")")
        }
        guard let mode else {
            path.detail = "mode"
            throw JSONReader.Failure(reason: "a link needs a mode: rail, road, sea or ferry")
        }
        link.mode = mode
        return link
    }

    private static func transfer(_ reader: inout JSONReader, _ path: inout Location) throws(JSONReader.Failure) -> ModeTransfer {
        var modes: [String: TransportMode] = [:]
        var transfer = ModeTransfer(fromMode: .rail, toMode: .rail)
        try reader.object { reader, key throws(JSONReader.Failure) in
            path.at(key)
            switch key {
            case "from_mode", "to_mode":
                let text = try reader.string()
                guard let mode = TransportMode(rawValue: text) else {
                    throw JSONReader.Failure(reason: "unknown mode '\(text)'; expected rail, road, sea or ferry")
                }
                modes[key.description] = mode
            case "hours": transfer.hours = try optionalNumber(&reader)
            case "usd_per_t": transfer.usdPerT = try optionalNumber(&reader)
            default: try reader.skip()
            }
        }
        guard let from = modes["from_mode"], let to = modes["to_mode"] else {
            path.at(nil)
            throw JSONReader.Failure(reason: "a transfer needs from_mode and to_mode")
        }
        path.at(nil)
        transfer.fromMode = from
        transfer.toMode = to
        return transfer
    }

    private static func corridor(_ reader: inout JSONReader, _ path: inout Location) throws(JSONReader.Failure) -> Corridor {
        var corridor = Corridor(id: "", name: "", elements: [])
        try reader.object { reader, key throws(JSONReader.Failure) in
            path.at(key)
            switch key {
            case "id": corridor.id = try reader.string()
            case "name": corridor.name = try reader.string()
            case "names": corridor.names = try names(&reader)
            case "capacity_mt": corridor.capacityMt = try optionalNumber(&reader)
            case "elements": try reader.array { reader, _ throws(JSONReader.Failure) in corridor.elements.append(try reader.string()) }
            default: try reader.skip()
            }
        }
        path.at(nil)
        if corridor.id.isEmpty { throw JSONReader.Failure(reason: "a corridor needs an id") }
        return corridor
    }

    private static func source(_ reader: inout JSONReader, _ path: inout Location) throws(JSONReader.Failure) -> NetworkSource {
        var source = NetworkSource(id: "", title: "")
        try reader.object { reader, key throws(JSONReader.Failure) in
            path.at(key)
            switch key {
            case "id": source.id = try reader.string()
            case "title": source.title = try reader.string()
            case "publisher": source.publisher = try optionalString(&reader)
            case "url": source.url = try optionalString(&reader)
            case "published": source.published = try optionalString(&reader)
            default: try reader.skip()
            }
        }
        path.at(nil)
        if source.id.isEmpty { throw JSONReader.Failure(reason: "a source needs an id") }
        return source
    }

    private static func evidence(_ reader: inout JSONReader, _ path: inout Location) throws(JSONReader.Failure) -> [String: Evidence] {
        var evidence: [String: Evidence] = [:]
        try reader.object { reader, field throws(JSONReader.Failure) in
            var entry = Evidence()
            try reader.object { reader, key throws(JSONReader.Failure) in
                path.detail = "evidence.\(field).\(key)"
                switch key {
                case "source": entry.source = try optionalString(&reader)
                case "note": entry.note = try optionalString(&reader)
                case "estimate": entry.estimate = reader.null() ? nil : try reader.bool()
                case "reasoning": entry.reasoning = try optionalString(&reader)
                case "others":
                    entry.others = []
                    try reader.array { reader, index throws(JSONReader.Failure) in
                        var value: Double?
                        var source = ""
                        var note: String?
                        try reader.object { reader, key throws(JSONReader.Failure) in
                            path.detail = "evidence.\(field).others[\(index)].\(key)"
                            switch key {
                            case "value": value = try reader.number()
                            case "source": source = try reader.string()
                            case "note": note = try optionalString(&reader)
                            default: try reader.skip()
                            }
                        }
                        guard let value else { throw JSONReader.Failure(reason: "another source's figure needs a value") }
                        entry.others?.append(OtherFigure(value: value, source: source, note: note))
                    }
                default: try reader.skip()
                }
            }
            evidence[field.description] = entry
        }
        path.at(nil)
        return evidence
    }

    private static func optionalNumber(_ reader: inout JSONReader) throws(JSONReader.Failure) -> Double? {
        reader.null() ? nil : try reader.number()
    }

    /// A place's names in other languages: `{"fa": "آستانه", "ru": "Астана"}`.
    private static func names(_ reader: inout JSONReader) throws(JSONReader.Failure) -> [String: String]? {
        guard !reader.null() else { return nil }
        var names: [String: String] = [:]
        try reader.object { reader, language throws(JSONReader.Failure) in names[String(describing: language)] = try reader.string() }
        return names
    }

    private static func optionalString(_ reader: inout JSONReader) throws(JSONReader.Failure) -> String? {
        reader.null() ? nil : try reader.string()
    }
}
