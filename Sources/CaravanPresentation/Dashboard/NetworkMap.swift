import CaravanCore
import CaravanNetwork
import CaravanService
import Foundation
import Synchronization

/// The network drawn over Natural Earth's coastlines and borders in Mercator, as inline SVG:
/// links coloured by mode and as wide as their capacity, flows against capacity and the chosen
/// route over them; places named where their names fit without overlapping; every mark carries
/// its figures and sources in its title.
struct NetworkMap {
    let network: Network
    let flows: [FlowUtilization]
    let route: Route?
    let words: Words

    static let colors: [(TransportMode, String)] = [(.rail, "#7a4fa3"), (.road, "#c57f0a"), (.sea, "#2856a3"), (.ferry, "#1f8a9e")]

    var html: HTML {
        let placed = network.nodes.filter { $0.lat != nil && $0.lon != nil }
        guard !placed.isEmpty else { return "<p class=\"note\" id=\"network-map\">\(words("map.no-coordinates"))</p>" }
        let missing = network.nodes.count - placed.count
        let unplaced: HTML = missing > 0 ? "<p class=\"note\">\(words("map.unplaced", ["count": words.integer(missing)]))</p>" : ""
        let names = words.places(in: network)
        return ChartSize.both(download: "network-map", words: words) { svg(placed, names: names, size: $0) } + unplaced
            + "<p class=\"note\">\(words("map.origin"))</p>"
    }

    private func svg(_ placed: [NetworkNode], names: PlaceNames, size: ChartSize) -> HTML {
        let lats = placed.compactMap(\.lat)
        let lons = placed.compactMap(\.lon)
        let (south, north, west, east) = (lats.min()!, lats.max()!, lons.min()!, lons.max()!)
        let padLat = max((north - south) * 0.12, 1.2)
        let padLon = max((east - west) * 0.12, 1.6)
        let projection = Mercator(west: west - padLon, east: east + padLon, south: south - padLat, north: north + padLat, width: size.width)
        let (width, font) = (size.width, size.font)
        let legendHeight = font + 12
        let height = projection.height + legendHeight
        var space = LabelSpace(width: width, height: height)
        var points: [String: (x: Double, y: Double)] = [:]
        for node in placed { points[node.id] = projection.point(lon: node.lon!, lat: node.lat!) }
        var parts: [HTML] = [
            "<svg id=\"network-map\(size.suffix)\" class=\"map\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<title>\(words("map.title", ["network": network.name]))</title>",
            "<clipPath id=\"map-area\(size.suffix)\"><rect width=\"\(Int(width))\" height=\"\(Chart.coordinate(projection.height))\"/></clipPath>",
            "<rect width=\"\(Int(width))\" height=\"\(Chart.coordinate(projection.height))\" fill=\"#d9e6f2\"/><g clip-path=\"url(#map-area\(size.suffix))\">",
        ]
        // Land and borders: every country with a ring in view, each ring a closed path.
        var countryLabels: [(name: String, x: Double, y: Double)] = []
        for country in LandDrawing.countries(in: projection) {
            let name = words.country(country.iso3)
            parts.append("<path class=\"land\" d=\"\(country.path)\"><title>\(name)</title></path>")
            if let label = country.label, name != country.iso3 { countryLabels.append((name, label.x, label.y)) }
        }
        parts.append("</g>")
        let used = Dictionary(flows.map { ($0.element, $0) }, uniquingKeysWith: { later, _ in later })
        parts += links(points, used: used, names: names, size: size)
        if let route {
            let path = route.nodes.compactMap { points[$0] }.map { "\(Chart.coordinate($0.x)),\(Chart.coordinate($0.y))" }.joined(separator: " ")
            let through = route.nodes.map { names($0) }.joined(separator: " → ")
            parts.append("<polyline class=\"route\" points=\"\(path)\"><title>\(words("map.route")): \(through)</title></polyline>")
        }
        // The legend along the bottom, claimed first.
        var legendX = 6.0
        let legendY = height - 6
        for (mode, color) in Self.colors {
            let name = words("mode.\(mode.rawValue)")
            parts.append(
                "<rect x=\"\(Chart.coordinate(legendX))\" y=\"\(Chart.coordinate(legendY - font / 2 - 2))\" width=\"14\" height=\"4\" fill=\"\(color)\"/>"
            )
            parts.append(space.text(name, size: font, at: [(legendX + 18, legendY, .start)]))
            legendX += 30 + LabelSpace.textWidth(name, size: font)
        }
        parts += places(placed, at: points, used: used, space: &space, size: size)
        for label in countryLabels {
            parts.append(
                space.text(
                    label.name, size: font,
                    at: [(label.x, label.y, .middle), (label.x, label.y + font * 1.5, .middle), (label.x, label.y - font * 1.5, .middle)],
                    className: "country"))
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// Each link as a line coloured by mode, as wide as its capacity, its figures and sources in its title.
    private func links(
        _ points: [String: (x: Double, y: Double)], used: [String: FlowUtilization], names: PlaceNames, size: ChartSize
    ) -> [HTML] {
        var lines: [HTML] = []
        for link in network.links {
            guard let a = points[link.from], let b = points[link.to] else { continue }
            let stroke = (size == .wide ? 1.5 : 1.2) + min(size == .wide ? 7 : 4, sqrt(link.capacityMt ?? 1))
            let flow = used[link.id]
            let utilization =
                flow?.utilizationPct.map { ", " + words("map.used", ["pct": words.number($0, decimals: 0), "period": words.period(flow!.period)]) }
                ?? ""
            let (from, to) = (names(link.from), names(link.to))
            let capacity = link.capacityMt.map { words("map.capacity", ["mt": words.number($0, decimals: 1)]) } ?? words("map.capacity-unknown")
            let note =
                "\(from) – \(to) (\(words("mode.\(link.mode.rawValue)"))): \(link.lengthKm.map { "\(words.number($0)) \(words("unit.km")), " } ?? "")"
                + capacity + utilization + sources(link.evidence)
            let dashes: HTML = link.mode == .sea || link.mode == .ferry ? " stroke-dasharray=\"8 5\"" : ""
            let color = Self.colors.first { $0.0 == link.mode }?.1 ?? "#555"
            lines.append(
                """
                <line class="link" x1="\(Chart.coordinate(a.x))" y1="\(Chart.coordinate(a.y))" x2="\(Chart.coordinate(b.x))" y2="\(Chart.coordinate(b.y))" \
                stroke="\(color)" stroke-width="\(Chart.coordinate(stroke))"\(dashes)><title>\(note)</title></line>
                """)
        }
        return lines
    }

    /// Each place as a dot with its figures in its title, then its name where it fits: places on
    /// the route and those with capacity first.
    private func places(
        _ placed: [NetworkNode], at points: [String: (x: Double, y: Double)], used: [String: FlowUtilization], space: inout LabelSpace,
        size: ChartSize
    ) -> [HTML] {
        let font = size.font
        var marks: [HTML] = []
        let radius = size == .wide ? 5.0 : 4.0
        for node in placed {
            guard let at = points[node.id] else { continue }
            space.reserve(LabelSpace.Box(minX: at.x - radius, minY: at.y - radius, maxX: at.x + radius, maxY: at.y + radius))
            let flow = used[node.id]
            let capacity = node.capacityMt.map { words("map.capacity", ["mt": words.number($0, decimals: 1)]) } ?? words("map.capacity-unlimited")
            let note =
                "\(words.place(node))\(node.country.map { " (\(words.country($0)))" } ?? ""): " + capacity
                + (flow?.utilizationPct.map {
                    ", " + words("map.used", ["pct": words.number($0, decimals: 0), "period": words.period(flow!.period)])
                } ?? "")
                + sources(node.evidence)
            marks.append(
                "<circle class=\"node\" cx=\"\(Chart.coordinate(at.x))\" cy=\"\(Chart.coordinate(at.y))\" r=\"\(node.capacityMt == nil ? radius - 1.5 : radius)\"><title>\(note)</title></circle>"
            )
        }
        let onRoute = Set(route?.nodes ?? [])
        let ordered = placed.sorted {
            (onRoute.contains($0.id) ? 1 : 0, $0.capacityMt ?? 0, $1.name) > (onRoute.contains($1.id) ? 1 : 0, $1.capacityMt ?? 0, $0.name)
        }
        for node in ordered {
            guard let at = points[node.id] else { continue }
            let (dx, dy) = (radius + 3, font * 0.35)
            let spots: [(x: Double, y: Double, anchor: LabelSpace.Anchor)] = [
                (at.x + dx, at.y + dy, .start), (at.x - dx, at.y + dy, .end), (at.x, at.y - radius - 4, .middle),
                (at.x, at.y + radius + font + 2, .middle),
                (at.x + dx, at.y - radius - 2, .start), (at.x + dx, at.y + radius + font, .start), (at.x - dx, at.y - radius - 2, .end),
                (at.x - dx, at.y + radius + font, .end),
            ]
            marks.append(space.text(words.place(node), size: font, at: spots, className: "name"))
        }
        return marks
    }

    private func sources(_ evidence: [String: Evidence]?) -> String {
        let ids = Set((evidence ?? [:]).values.compactMap(\.source)).sorted()
        let titles = ids.compactMap { id in network.sources.first { $0.id == id }.map { $0.publisher ?? $0.title } }
        return titles.isEmpty ? "" : " — \(titles.joined(separator: "; "))"
    }
}

/// The countries as drawn for one view of the map: the same for every page showing the same
/// network at the same size, so projected once a process and kept, a handful of views at most.
enum LandDrawing {
    struct Country: Sendable {
        let iso3: String
        /// The rings in view as one SVG path.
        let path: String
        /// Where its name goes: the middle of its points in view, when it has three or more.
        let label: (x: Double, y: Double)?
    }

    private struct View: Hashable {
        let west: Double, east: Double, south: Double, north: Double, width: Double
    }

    private static let kept = Mutex<[View: [Country]]>([:])

    static func countries(in projection: Mercator) -> [Country] {
        let view = View(west: projection.west, east: projection.east, south: projection.south, north: projection.north, width: projection.width)
        if let drawn = kept.withLock({ $0[view] }) { return drawn }
        let drawn = draw(projection)
        kept.withLock { views in
            if views.count >= 16 { views.removeAll() }
            views[view] = drawn
        }
        return drawn
    }

    private static func draw(_ projection: Mercator) -> [Country] {
        Basemap.world.countries.compactMap { country in
            var path = ""
            var inside: [(x: Double, y: Double)] = []
            for ring in country.rings where ring.count >= 6 {
                let lonLat = stride(from: 0, to: ring.count - 1, by: 2).map { (lon: ring[$0], lat: ring[$0 + 1]) }
                guard
                    lonLat.contains(where: { projection.contains(lon: $0.lon, lat: $0.lat) })
                        || (lonLat.map(\.lon).min()! < projection.west && lonLat.map(\.lon).max()! > projection.east)
                else { continue }
                let projected = lonLat.map { projection.point(lon: $0.lon, lat: $0.lat) }
                inside += zip(lonLat, projected).filter { projection.contains(lon: $0.0.lon, lat: $0.0.lat) }.map(\.1)
                path += "M" + drawn(projected, width: projection.width, height: projection.height).joined(separator: "L") + "Z"
            }
            guard !path.isEmpty else { return nil }
            let label =
                inside.count >= 3
                ? (x: inside.map(\.x).reduce(0, +) / Double(inside.count), y: inside.map(\.y).reduce(0, +) / Double(inside.count)) : nil
            return Country(iso3: country.iso3, path: path, label: label)
        }
    }

    /// A ring's points as drawn: what lies beyond the map pressed onto a margin around it (it is
    /// clipped anyway), and a point closer than a unit to the last one left out, so a page does not
    /// carry a coastline's detail no screen shows.
    static func drawn(_ ring: [(x: Double, y: Double)], width: Double, height: Double) -> [String] {
        var kept: [String] = []
        var last: (x: Double, y: Double)?
        for point in ring {
            let pressed = (x: min(max(point.x, -10), width + 10), y: min(max(point.y, -10), height + 10))
            if let last, abs(pressed.x - last.x) < 1, abs(pressed.y - last.y) < 1 { continue }
            kept.append("\(Int(pressed.x.rounded())),\(Int(pressed.y.rounded()))")
            last = pressed
        }
        return kept
    }
}
