import CaravanCore
import CaravanNetwork
import CaravanService
import Foundation

/// The network drawn from its nodes' coordinates as inline SVG: links coloured by mode and as
/// wide as their capacity, flows against capacity and the chosen route over them; every mark
/// carries its figures and sources in its title.
struct NetworkMap {
    let network: Network
    let flows: [FlowUtilization]
    let route: Route?

    static let colors: [TransportMode: String] = [.rail: "#7a4fa3", .road: "#c57f0a", .sea: "#2856a3", .ferry: "#1f8a9e"]

    var svg: HTML {
        let placed = network.nodes.filter { $0.lat != nil && $0.lon != nil }
        guard let south = placed.compactMap(\.lat).min(), let north = placed.compactMap(\.lat).max(),
            let west = placed.compactMap(\.lon).min(), let east = placed.compactMap(\.lon).max()
        else { return "<p class=\"note\" id=\"network-map\">The network's nodes have no coordinates to draw a map from.</p>" }
        // Equirectangular, with longitude shrunk by the cosine of the middle latitude so shapes stay true.
        let squeeze = cos((south + north) / 2 * .pi / 180)
        let (width, pad) = (900.0, 40.0)
        let spanX = max((east - west) * squeeze, 0.5)
        let spanY = max(north - south, 0.5)
        let scale = (width - 2 * pad) / spanX
        let height = spanY * scale + 2 * pad
        var points: [String: (x: Double, y: Double)] = [:]
        for node in placed {
            points[node.id] = (pad + ((node.lon ?? 0) - west) * squeeze * scale, pad + (north - (node.lat ?? 0)) * scale)
        }
        let used = Dictionary(flows.map { ($0.element, $0) }, uniquingKeysWith: { later, _ in later })
        var parts: [HTML] = [
            "<svg id=\"network-map\" class=\"map\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<title>\(network.name): the network from its nodes' coordinates</title>",
        ]
        for link in network.links {
            guard let a = points[link.from], let b = points[link.to] else { continue }
            let stroke = 1.5 + min(8, sqrt(link.capacityMt ?? 1))
            let flow = used[link.id]
            let utilization = flow?.utilizationPct.map { ", \(NumberText.fixed($0, decimals: 0))% used in \(flow!.period)" } ?? ""
            let note =
                "\(link.id) (\(link.mode.rawValue)): \(link.lengthKm.map { "\(NumberText.grouped($0)) km, " } ?? "")"
                + "\(link.capacityMt.map { "\(NumberText.fixed($0, decimals: 1)) Mt a year" } ?? "capacity unknown")\(utilization)"
                + sources(link.evidence)
            let dashes: HTML = link.mode == .sea || link.mode == .ferry ? " stroke-dasharray=\"8 5\"" : ""
            parts.append(
                """
                <line class="link" x1="\(a.x)" y1="\(a.y)" x2="\(b.x)" y2="\(b.y)" stroke="\(Self.colors[link.mode] ?? "#555")" \
                stroke-width="\(stroke)"\(dashes)><title>\(note)</title></line>
                """)
        }
        if let route {
            let path = route.nodes.compactMap { points[$0] }.map { "\($0.x),\($0.y)" }.joined(separator: " ")
            parts.append(
                "<polyline class=\"route\" points=\"\(path)\"><title>The route found: \(route.nodes.joined(separator: " → "))</title></polyline>")
        }
        for node in placed {
            guard let at = points[node.id] else { continue }
            let flow = used[node.id]
            let note =
                "\(node.name) (\(node.id)\(node.country.map { ", \($0)" } ?? "")): "
                + (node.capacityMt.map { "\(NumberText.fixed($0, decimals: 1)) Mt a year" } ?? "capacity unlimited")
                + (flow?.utilizationPct.map { ", \(NumberText.fixed($0, decimals: 0))% used in \(flow!.period)" } ?? "") + sources(node.evidence)
            parts.append(
                """
                <circle class="node" cx="\(at.x)" cy="\(at.y)" r="\(node.capacityMt == nil ? 3.5 : 5.5)"><title>\(note)</title></circle>\
                <text class="name" x="\(at.x + 7)" y="\(at.y - 5)">\(node.name)</text>
                """)
        }
        for (index, entry) in Self.colors.sorted(by: { $0.key.rawValue < $1.key.rawValue }).enumerated() {
            parts.append(
                """
                <rect x="\(10 + index * 80)" y="\(Int(height) - 18)" width="14" height="4" fill="\(entry.value)"/>\
                <text class="name" x="\(28 + index * 80)" y="\(Int(height) - 12)">\(entry.key.rawValue)</text>
                """)
        }
        parts.append("</svg>")
        let missing = network.nodes.count - placed.count
        let unplaced: HTML = missing > 0 ? "<p class=\"note\">\(missing) nodes have no coordinates and are not drawn.</p>" : ""
        return parts.joined(separator: "\n") + unplaced
    }

    private func sources(_ evidence: [String: Evidence]?) -> String {
        let ids = Set((evidence ?? [:]).values.compactMap(\.source)).sorted()
        let titles = ids.compactMap { id in network.sources.first { $0.id == id }.map { $0.publisher ?? $0.title } }
        return titles.isEmpty ? "" : " — \(titles.joined(separator: "; "))"
    }
}
