import CaravanNetwork
import Foundation

/// What the corridor page shows: the network with flows against capacity, capacity by year
/// against the targets, and the routes asked for, or why there are none.
public struct CorridorPageData: Sendable {
    /// The partnership's report, for its scorecard, flows and capacity by year.
    public var report: ReportData
    public var network: Network
    /// The route asked for; nil when none was.
    public var route: RouteRequest?
    /// The routes found for it; nil when none was asked or it has no answer.
    public var routes: RouteAnswer?
    /// Why the route asked for has no answer (an unknown place, no path).
    public var routeProblem: RouteError?

    public init(report: ReportData, network: Network, route: RouteRequest? = nil, routes: RouteAnswer? = nil, routeProblem: RouteError? = nil) {
        self.report = report
        self.network = network
        self.route = route
        self.routes = routes
        self.routeProblem = routeProblem
    }
}

extension Workspace {
    /// The corridor page's data: a route's problem is part of the page, any other failure is the page's.
    public func corridorPage(route: RouteRequest?, partnership: String? = nil, asOf: Date = Date()) async throws -> CorridorPageData {
        var page = CorridorPageData(report: try await reportData(partnership, asOf: asOf), network: try await network(), route: route)
        if let route {
            do { page.routes = try await routes(route) } catch let error as RouteError { page.routeProblem = error }
        }
        return page
    }
}
