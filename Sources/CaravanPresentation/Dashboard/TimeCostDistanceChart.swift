import CaravanCore
import CaravanNetwork

/// A route's time–cost–distance chart: cost and time piling up with the kilometres travelled,
/// rising straight up where goods wait or change mode, as freight planners draw them.
struct TimeCostDistanceChart {
    let route: Route

    var svg: HTML {
        let (width, panel, left, right) = (720.0, 150.0, 70.0, 16.0)
        let maxKm = max(route.km, route.legs.map(\.cumulativeKm).max() ?? 0, 1)
        let maxCost = YearChart.niceCeiling(max(route.usdPerT, 1))
        let maxHours = YearChart.niceCeiling(max(route.hours, 1))
        func x(_ km: Double) -> Double { left + km / maxKm * (width - left - right) }
        var parts: [HTML] = [
            "<svg id=\"tcd-chart\" class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(2 * panel + 60))\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">",
            "<title>Time, cost and distance along the route</title>",
        ]
        let panels: [(String, Double, KeyPath<RouteLeg, Double>, String)] = [
            ("cost", maxCost, \.cumulativeUSDPerT, "USD/t"), ("time", maxHours, \.cumulativeHours, "hours"),
        ]
        for (index, (name, top, value, unit)) in panels.enumerated() {
            let base = 20 + Double(index + 1) * panel - 10
            func y(_ v: Double) -> Double { base - v / top * (panel - 30) }
            parts.append("<line x1=\"\(left)\" x2=\"\(width - right)\" y1=\"\(base)\" y2=\"\(base)\" class=\"grid\"/>")
            parts.append("<text x=\"\(left - 6)\" y=\"\(y(top) + 4)\" class=\"axis\" text-anchor=\"end\">\(NumberText.grouped(top)) \(unit)</text>")
            parts.append("<text x=\"\(left - 6)\" y=\"\(base + 4)\" class=\"axis\" text-anchor=\"end\">0</text>")
            var points = ["\(x(0)),\(y(0))"]
            var marks: [HTML] = []
            for leg in route.legs {
                points.append("\(x(leg.cumulativeKm)),\(y(leg[keyPath: value]))")
                let what = leg.kind == .link ? "\(leg.id) (\(leg.mode?.rawValue ?? "")) \(leg.from) → \(leg.to)" : "\(leg.kind.rawValue) at \(leg.id)"
                let note =
                    "\(what): +\(NumberText.fixed(leg.usdPerT, decimals: 1)) USD/t, +\(NumberText.fixed(leg.hours, decimals: 1)) h; "
                    + "so far \(NumberText.grouped(leg.cumulativeKm)) km, \(NumberText.fixed(leg.cumulativeUSDPerT, decimals: 1)) USD/t, "
                    + "\(NumberText.fixed(leg.cumulativeHours, decimals: 1)) h"
                marks.append(
                    "<circle cx=\"\(x(leg.cumulativeKm))\" cy=\"\(y(leg[keyPath: value]))\" r=\"3\" fill=\"#2856a3\"><title>\(note)</title></circle>")
            }
            parts.append("<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#2856a3\" stroke-width=\"2\"/>")
            parts.append(contentsOf: marks)
            parts.append("<text x=\"\(left + 4)\" y=\"\(y(top) + 4)\" class=\"label\">\(name) (\(unit))</text>")
        }
        let axis = 20 + 2 * panel + 8
        for step in 0...4 {
            let km = maxKm * Double(step) / 4
            let anchor = step == 0 ? "start" : step == 4 ? "end" : "middle"
            parts.append("<text x=\"\(x(km))\" y=\"\(axis)\" class=\"axis\" text-anchor=\"\(anchor)\">\(NumberText.grouped(km.rounded())) km</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
