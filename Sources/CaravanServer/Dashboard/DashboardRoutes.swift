import CaravanCore
import CaravanNetwork
import CaravanPresentation
import CaravanService
import Foundation
import Hummingbird

/// The dashboard's pages: server-rendered HTML with inline SVG, over the same workspace as the API,
/// their parameters read by the same parser. A page ignores parameters it does not know.
struct DashboardRoutes: Sendable {
    let workspace: Workspace
    let cache: AnswerCache
    /// The server's limit on a body, for the forms a page posts.
    let maxUploadBytes: Int

    private static let judged = Parameter.page(.report)
    private static let trade = Parameter.page(.report, .series)
    private static let corridor = Parameter.page(.report, .route)
    private static let scenario = Parameter.page(.report, .scenario)
    private static let check = Parameter.page(.report, .check)

    func add(to router: Router<CaravanContext>) {
        let (workspace, cache) = (self.workspace, self.cache)
        page(router, "/", Self.judged) { reader, dashboard in
            let request = try reader.judged()
            return dashboard.scorecard(try await workspace.scorecardPage(request.partnership, asOf: request.asOf))
        }
        page(router, "/partnerships", Self.judged) { reader, dashboard in
            dashboard.partnerships(try await workspace.partnershipsPage(asOf: try reader.judged().asOf))
        }
        page(router, "/projects", Self.judged) { reader, dashboard in
            let request = try reader.judged()
            return dashboard.projects(try await workspace.scorecardPage(request.partnership, asOf: request.asOf))
        }
        page(router, "/claims", Self.judged) { reader, dashboard in
            let request = try reader.judged()
            return dashboard.claims(try await workspace.scorecardPage(request.partnership, asOf: request.asOf))
        }
        page(router, "/trade", Self.trade) { reader, dashboard in
            let judged = try reader.judged()
            // Without a pair the page shows the partnership's own.
            let series = reader.values.string("reporter") == nil && reader.values.string("partner") == nil ? nil : try await reader.series()
            return dashboard.trade(
                try await workspace.tradePage(series?.query, by: series?.grain ?? .year, partnership: judged.partnership, asOf: judged.asOf))
        }
        router.get("/trade.csv") { request, context in
            let reader = QueryReader(
                try Arguments(request, context: context, declared: Self.trade, strict: false).values(.page), workspace: workspace)
            let series = try await reader.series()
            return try await cache.answer(request) {
                let query = series.query
                let name = "\(query.reporter)-\(query.partner)-\(query.flow.rawValue)-\(query.commodity).csv"
                return Answer(
                    headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\""],
                    body: ByteBuffer(string: try OutputFormat.csv.render(try await workspace.series(query, by: series.grain))))
            }.response
        }
        page(router, "/scenario", Self.scenario) { reader, dashboard in
            let judged = try reader.judged()
            // A form left as planned sends blank fields: the page as it stands, not a refusal.
            let blank = ["delay", "cancel", "add"].allSatisfy { reader.values.all($0).allSatisfy { $0.allSatisfy(\.isWhitespace) } }
            let asked = blank ? nil : try await reader.scenario()
            return dashboard.scenario(try await workspace.scenarioPage(asked, partnership: judged.partnership, asOf: judged.asOf))
        }
        // Changes are recorded beside the store's version, so their pages are never kept.
        page(router, "/changes", Self.judged, kept: false) { reader, dashboard in
            let request = try reader.judged()
            return dashboard.changes(try await workspace.changesPage(partnership: request.partnership, asOf: request.asOf))
        }
        router.get("/feed/{partnership}.atom") { request, context in
            let partnership = context.parameters.get("partnership") ?? ""
            let changes = try await workspace.changes(partnership: partnership)
            return Answer(
                headers: [.contentType: "application/atom+xml; charset=utf-8"],
                body: ByteBuffer(string: ChangeFeed.atom(partnership: partnership, changes: changes).rendered)
            ).response
        }
        page(router, "/check", Self.check) { reader, dashboard in
            let judged = try reader.judged()
            return dashboard.check(try await workspace.checkPage(CheckForm(partnership: judged.partnership ?? ""), sent: false, asOf: judged.asOf))
        }
        CheckPageRoutes(workspace: workspace, maxUploadBytes: maxUploadBytes).add(to: router)
        page(router, "/corridor", Self.corridor) { reader, dashboard in
            let judged = try reader.judged()
            let network = try await workspace.network()
            var route = reader.values.string("from") == nil && reader.values.string("to") == nil ? nil : try reader.route(in: network.places)
            // The page shows two alternatives unless asked for more.
            if let count = route?.count { route?.count = max(count, 3) }
            return dashboard.corridor(try await workspace.corridorPage(route: route, partnership: judged.partnership, asOf: judged.asOf))
        }
    }

    private func page(
        _ router: Router<CaravanContext>, _ path: String, _ declared: [Parameter], kept: Bool = true,
        render: @escaping @Sendable (QueryReader, Dashboard) async throws -> HTML
    ) {
        let (workspace, cache) = (self.workspace, self.cache)
        router.get(RouterPath(path)) { request, context in
            let arguments = try Arguments(request, context: context, declared: declared, strict: false)
            let reader = QueryReader(arguments.values(.page), workspace: workspace)
            let page = PageRequest(request)
            // One answer a language: the same address may be asked for in several by Accept-Language.
            let make: @Sendable () async throws -> Answer = { Answer.html(try await render(reader, Dashboard(request: page))) }
            var answer = kept ? try await cache.answer(request, variant: page.words.language.rawValue, make: make) : try await make()
            answer.headers[.vary] = "Accept-Language"
            return answer.response
        }
    }
}
