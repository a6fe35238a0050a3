import CaravanCore
import CaravanNetwork

/// The routes' time–cost–distance chart: cost and time piling up with the kilometres travelled,
/// rising straight up where goods wait or change mode, as freight planners draw them; every
/// route found drawn on the same axes (the best solid, each alternative in its own colour and
/// dashes), round ticks on every axis and the places of the best route named along the way, its
/// legs marks that show what each adds when tapped.
struct TimeCostDistanceChart {
    /// The routes found, the best first.
    let routes: [Route]
    /// The network's places by name.
    let name: PlaceNames
    let words: Words

    static let colors = ["#2856a3", "#c57f0a", "#6a7f2a", "#7a4fa3", "#8a8a8a"]

    var html: HTML { ChartSize.both(download: "tcd-chart", words: words, svg) }

    /// One of the chart's two panels: what it measures, its top and each leg's running total.
    private struct Panel {
        let key: String
        let top: Double
        let value: KeyPath<RouteLeg, Double>
        let unit: String
    }

    func svg(_ size: ChartSize) -> HTML {
        guard let best = routes.first else { return "" }
        let (width, font) = (size.width, size.font)
        let panel = size == .wide ? 160.0 : 140.0
        let maxKm = Chart.niceCeiling(max(routes.map { max($0.km, $0.legs.map(\.cumulativeKm).max() ?? 0) }.max() ?? 0, 1))
        let kmTicks = Chart.ticks(upTo: maxKm, count: size == .wide ? 6 : 3)
        let kmTop = kmTicks.last ?? maxKm
        let panels = [
            Panel(key: "tcd.cost", top: max(routes.map(\.usdPerT).max() ?? 1, 1), value: \.cumulativeUSDPerT, unit: words("unit.usd-per-t")),
            Panel(key: "tcd.time", top: max(routes.map(\.hours).max() ?? 1, 1), value: \.cumulativeHours, unit: words("unit.hours")),
        ]
        let tickSets = panels.map { Chart.ticks(upTo: $0.top, count: 3) }
        let left = (tickSets.flatMap { ticks in ticks.map { LabelSpace.textWidth(words.number($0), size: font) } }.max() ?? 30) + 8
        let right = 16.0
        func x(_ km: Double) -> Double { left + km / kmTop * (width - left - right) }
        let legendHeight = routes.count > 1 ? font + 10 : 0
        let axisY = 10 + legendHeight + 2 * panel + 8
        let height = axisY + font * 5 + 16
        var space = LabelSpace(width: width, height: height)
        var parts: [HTML] = [
            """
            <svg id="tcd-chart\(size.suffix)" class="chart" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" data-routes="\(routes.count)" \
            xmlns="http://www.w3.org/2000/svg">
            """,
            "<title>\(words("tcd.title"))</title>",
        ]
        parts += legend(size, &space)
        var printed: Set<String> = []
        for (index, entry) in panels.enumerated() {
            let ticks = tickSets[index]
            let top = ticks.last ?? entry.top
            let base = 10 + legendHeight + Double(index + 1) * panel
            func y(_ v: Double) -> Double { base - v / top * (panel - font * 2 - 12) }
            parts.append(space.text("\(words(entry.key)) (\(entry.unit))", size: font, at: [(left + 4, base - panel + font + 4, .start)]))
            for tick in ticks {
                parts.append(
                    "<line x1=\"\(Chart.coordinate(left))\" x2=\"\(Chart.coordinate(width - right))\" y1=\"\(Chart.coordinate(y(tick)))\" y2=\"\(Chart.coordinate(y(tick)))\" class=\"grid\"/>"
                )
                parts.append(space.text(words.number(tick), size: font, at: [(left - 6, y(tick) + font * 0.35, .end)], className: "axis"))
            }
            let card: (x: Double, y: Double) = (left + 2, base - panel + 4)
            let cardWidth: Double = width - left - right - 4
            // The alternatives first, so the best route is drawn over them.
            for (number, route) in routes.enumerated().reversed() {
                let color = Self.colors[number % Self.colors.count]
                let points = [(x(0), y(0))] + route.legs.map { (x($0.cumulativeKm), y($0[keyPath: entry.value])) }
                let path = points.map { "\(Chart.coordinate($0.0)),\(Chart.coordinate($0.1))" }.joined(separator: " ")
                let dashes = self.dashes(number)
                parts.append(
                    "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.5\"\(dashes) data-route=\"\(number + 1)\"/>")
                // The best route's legs are marks to tap, as the legs table lists them; an alternative is its line and total.
                for (leg, point) in zip(route.legs, points.dropFirst()) where number == 0 {
                    let detail = Chart.detail(note(leg), row: nil, words: words, at: card, width: cardWidth, font: font)
                    parts.append(
                        """
                        <g class="mark" tabindex="0"><title>\(note(leg))</title><circle cx="\(Chart.coordinate(point.0))" cy="\(Chart.coordinate(point.1))" \
                        r="3.5" fill="\(color)"/><circle cx="\(Chart.coordinate(point.0))" cy="\(Chart.coordinate(point.1))" r="12" fill="transparent"/>\
                        \(detail)</g>
                        """)
                    space.reserve(LabelSpace.Box(minX: point.0 - 3, minY: point.1 - 3, maxX: point.0 + 3, maxY: point.1 + 3))
                }
            }
            // Each route's total at the end of its line, the best first, each text once.
            for (number, route) in routes.enumerated() {
                let total = words.number(route.legs.last?[keyPath: entry.value] ?? 0, decimals: 0)
                guard !printed.contains(total) else { continue }
                let end = (x(route.legs.last?.cumulativeKm ?? 0), y(route.legs.last?[keyPath: entry.value] ?? 0))
                let label = space.text(
                    total, size: font, at: [(end.0 - 6, end.1 - 6, .end), (end.0 - 6, end.1 + font + 4, .end), (end.0 + 6, end.1 + 4, .start)],
                    className: "value", fill: number == 0 ? nil : Self.colors[number % Self.colors.count])
                if !label.isEmpty { printed.insert(total) }
                parts.append(label)
            }
        }
        parts += distanceAxis(best, x: x, ticks: kmTicks, top: kmTop, axisY: axisY, size: size, &space)
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// What a leg is and what it adds: `rail Beyneu → Uzen: +12.0 USD a tonne, +9.5 h; so far …`.
    private func note(_ leg: RouteLeg) -> String {
        let what =
            leg.kind == .link
            ? "\(words("mode.\(leg.mode?.rawValue ?? "")")) \(name(leg.from)) → \(name(leg.to))"
            : "\(words("leg.\(leg.kind.rawValue)")) — \(name(leg.id))"
        return words(
            "tcd.note",
            [
                "what": what, "usd": words.number(leg.usdPerT, decimals: 1), "hours": words.number(leg.hours, decimals: 1),
                "km": words.number(leg.cumulativeKm), "totalUSD": words.number(leg.cumulativeUSDPerT, decimals: 1),
                "totalHours": words.number(leg.cumulativeHours, decimals: 1),
            ])
    }

    /// How a route's line is drawn: the best solid, each alternative in longer dashes.
    private func dashes(_ number: Int) -> HTML { number == 0 ? "" : " stroke-dasharray=\"\(number * 2 + 4) 3\"" }

    /// A swatch for each route when there are alternatives: `route 1`, `route 2` as the routes table numbers them.
    private func legend(_ size: ChartSize, _ space: inout LabelSpace) -> [HTML] {
        guard routes.count > 1 else { return [] }
        var (parts, legendX): ([HTML], Double) = ([], 4)
        for number in routes.indices {
            let label = words("tcd.route", ["number": words.integer(number + 1)])
            let color = Self.colors[number % Self.colors.count]
            parts.append(
                "<line x1=\"\(Chart.coordinate(legendX))\" x2=\"\(Chart.coordinate(legendX + 18))\" y1=\"\(Chart.coordinate(size.font))\" y2=\"\(Chart.coordinate(size.font))\" stroke=\"\(color)\" stroke-width=\"2.5\"\(dashes(number))/>"
            )
            parts.append(space.text(label, size: size.font, at: [(legendX + 22, size.font + 4, .start)]))
            legendX += 34 + LabelSpace.textWidth(label, size: size.font)
        }
        return parts
    }

    /// The kilometres along the bottom, and the best route's places under them in up to three rows, each where it fits.
    private func distanceAxis(
        _ route: Route, x: (Double) -> Double, ticks: [Double], top: Double, axisY: Double, size: ChartSize, _ space: inout LabelSpace
    ) -> [HTML] {
        let font = size.font
        var parts: [HTML] = [
            "<line x1=\"\(Chart.coordinate(x(0)))\" x2=\"\(Chart.coordinate(x(top)))\" y1=\"\(Chart.coordinate(axisY - 8))\" y2=\"\(Chart.coordinate(axisY - 8))\" stroke=\"#444\"/>"
        ]
        for tick in ticks {
            parts.append(
                space.text(
                    words.number(tick) + (tick == top ? " " + words("unit.km") : ""), size: font,
                    at: [(x(tick), axisY + font, .middle), (x(tick), axisY + font, .end), (x(tick), axisY + font, .start)],
                    className: "axis"))
        }
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
        return parts
    }
}
