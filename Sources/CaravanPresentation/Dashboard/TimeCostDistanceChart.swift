import CaravanCore
import CaravanNetwork

/// A route's time–cost–distance chart: cost and time piling up with the kilometres travelled,
/// rising straight up where goods wait or change mode, as freight planners draw them; round
/// ticks on every axis and the places named along the way.
struct TimeCostDistanceChart {
    let route: Route
    /// The network's places by name.
    let name: PlaceNames
    let words: Words

    var html: HTML { ChartSize.both(svg) }

    func svg(_ size: ChartSize) -> HTML {
        let (width, font) = (size.width, size.font)
        let panel = size == .wide ? 160.0 : 140.0
        let maxKm = Chart.niceCeiling(max(route.km, route.legs.map(\.cumulativeKm).max() ?? 0, 1))
        let kmTicks = Chart.ticks(upTo: maxKm, count: size == .wide ? 6 : 3)
        let kmTop = kmTicks.last ?? maxKm
        let panels: [(key: String, top: Double, value: KeyPath<RouteLeg, Double>, unit: String)] = [
            ("tcd.cost", max(route.usdPerT, 1), \.cumulativeUSDPerT, words("unit.usd-per-t")),
            ("tcd.time", max(route.hours, 1), \.cumulativeHours, words("unit.hours")),
        ]
        let tickSets = panels.map { Chart.ticks(upTo: $0.top, count: 3) }
        let left = (zip(panels, tickSets).flatMap { _, ticks in ticks.map { LabelSpace.textWidth(words.number($0), size: font) } }.max() ?? 30) + 8
        let right = 16.0
        func x(_ km: Double) -> Double { left + km / kmTop * (width - left - right) }
        let axisY = 10 + 2 * panel + 8
        let height = axisY + font * 5 + 16
        var space = LabelSpace(width: width, height: height)
        var parts: [HTML] = [
            "<svg id=\"tcd-chart\(size.suffix)\" class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<title>\(words("tcd.title"))</title>",
        ]
        for (index, entry) in panels.enumerated() {
            let ticks = tickSets[index]
            let top = ticks.last ?? entry.top
            let base = 10 + Double(index + 1) * panel
            func y(_ v: Double) -> Double { base - v / top * (panel - font * 2 - 12) }
            parts.append(space.text("\(words(entry.key)) (\(entry.unit))", size: font, at: [(left + 4, base - panel + font + 4, .start)]))
            for tick in ticks {
                parts.append(
                    "<line x1=\"\(Chart.coordinate(left))\" x2=\"\(Chart.coordinate(width - right))\" y1=\"\(Chart.coordinate(y(tick)))\" y2=\"\(Chart.coordinate(y(tick)))\" class=\"grid\"/>"
                )
                parts.append(space.text(words.number(tick), size: font, at: [(left - 6, y(tick) + font * 0.35, .end)], className: "axis"))
            }
            var points = ["\(Chart.coordinate(x(0))),\(Chart.coordinate(y(0)))"]
            var marks: [HTML] = []
            for leg in route.legs {
                let (px, py) = (x(leg.cumulativeKm), y(leg[keyPath: entry.value]))
                points.append("\(Chart.coordinate(px)),\(Chart.coordinate(py))")
                let what =
                    leg.kind == .link
                    ? "\(words("mode.\(leg.mode?.rawValue ?? "")")) \(name(leg.from)) → \(name(leg.to))"
                    : "\(words("leg.\(leg.kind.rawValue)")) — \(name(leg.id))"
                let note = words(
                    "tcd.note",
                    [
                        "what": what, "usd": words.number(leg.usdPerT, decimals: 1), "hours": words.number(leg.hours, decimals: 1),
                        "km": words.number(leg.cumulativeKm), "totalUSD": words.number(leg.cumulativeUSDPerT, decimals: 1),
                        "totalHours": words.number(leg.cumulativeHours, decimals: 1),
                    ])
                marks.append(
                    """
                    <g><title>\(note)</title><circle cx="\(Chart.coordinate(px))" cy="\(Chart.coordinate(py))" r="3.5" fill="#2856a3"/>\
                    <circle cx="\(Chart.coordinate(px))" cy="\(Chart.coordinate(py))" r="12" fill="transparent"/></g>
                    """)
                space.reserve(LabelSpace.Box(minX: px - 3, minY: py - 3, maxX: px + 3, maxY: py + 3))
            }
            parts.append("<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#2856a3\" stroke-width=\"2.5\"/>")
            parts.append(contentsOf: marks)
            // The total at the end of the line.
            let total = words.number(route.legs.last?[keyPath: entry.value] ?? 0, decimals: 0)
            let end = (x(route.legs.last?.cumulativeKm ?? 0), y(route.legs.last?[keyPath: entry.value] ?? 0))
            parts.append(space.text(total, size: font, at: [(end.0 - 6, end.1 - 6, .end), (end.0 - 6, end.1 + font + 4, .end)], className: "value"))
        }
        parts.append(
            "<line x1=\"\(Chart.coordinate(left))\" x2=\"\(Chart.coordinate(width - right))\" y1=\"\(Chart.coordinate(axisY - 8))\" y2=\"\(Chart.coordinate(axisY - 8))\" stroke=\"#444\"/>"
        )
        for tick in kmTicks {
            parts.append(
                space.text(
                    words.number(tick) + (tick == kmTop ? " " + words("unit.km") : ""), size: font,
                    at: [(x(tick), axisY + font, .middle), (x(tick), axisY + font, .end), (x(tick), axisY + font, .start)],
                    className: "axis"))
        }
        // The places along the way under the axis, in up to three rows, each where it fits.
        var places: [(km: Double, id: String)] = [(0, route.nodes.first ?? "")]
        for leg in route.legs where leg.kind == .link { places.append((leg.cumulativeKm, leg.to)) }
        for place in places {
            let px = x(place.km)
            parts.append(
                "<line x1=\"\(Chart.coordinate(px))\" x2=\"\(Chart.coordinate(px))\" y1=\"\(Chart.coordinate(axisY - 12))\" y2=\"\(Chart.coordinate(axisY - 4))\" stroke=\"#444\"/>"
            )
            let rows = (1...3).map { axisY + font * Double($0 + 1) + 6 * Double($0) }
            let spots = rows.flatMap { row in [(px, row, LabelSpace.Anchor.middle), (px - 2, row, .end), (px + 2, row, .start)] }
            parts.append(space.text(name(place.id), size: font, at: spots, className: "place"))
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
