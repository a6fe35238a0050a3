import CaravanCore
import CaravanNetwork
import CaravanService
import Foundation
import Hummingbird

/// The dashboard's pages: server-rendered HTML with inline SVG, over the same workspace as the API.
struct DashboardRoutes: Sendable {
    let workspace: Workspace
    let cache: AnswerCache

    private static let judged: [Parameter] = [.partnership, .asOf]
    private static let trade: [Parameter] =
        judged + [
            Parameter(name: "reporter", summary: "The reporting economy."), Parameter(name: "partner", summary: "The partner economy."), .flow,
            .commodity, Parameter(name: "by", kind: .choice(SeriesGrain.allCases.map(\.rawValue)), summary: "The grain."),
        ]
    private static let corridor: [Parameter] =
        judged + [
            Parameter(name: "from", summary: "Where from."), Parameter(name: "to", summary: "Where to."),
            Parameter(name: "by", kind: .choice(["time", "cost", "generalized"]), summary: "What to minimise."),
            Parameter(name: "avoid-country", repeated: true, summary: "A country to avoid."),
        ]

    func add(to router: Router<CaravanContext>) {
        let workspace = self.workspace
        page(router, "/", Self.judged) { arguments in
            try await workspace.scorecardPage(arguments.string("partnership"), asOf: try arguments.asOf() ?? Date())
        }
        page(router, "/projects", Self.judged) { arguments in
            try await workspace.projectsPage(arguments.string("partnership"), asOf: try arguments.asOf() ?? Date())
        }
        page(router, "/claims", Self.judged) { arguments in
            try await workspace.claimsPage(arguments.string("partnership"), asOf: try arguments.asOf() ?? Date())
        }
        page(router, "/trade", Self.trade) { arguments in
            try await workspace.tradePage(
                try Self.query(arguments, workspace), by: arguments.value("by", as: SeriesGrain.self) ?? .year,
                partnership: arguments.string("partnership"), asOf: try arguments.asOf() ?? Date())
        }
        let cache = self.cache
        router.get("/trade.csv") { request, context in
            let arguments = try Arguments(request, context: context, declared: Self.trade)
            guard let query = try Self.query(arguments, workspace) else {
                throw APIError.badRequest("missing_parameter", "'reporter' and 'partner' are required for the CSV")
            }
            return try await cache.answer(request) {
                let series = try await workspace.series(query, by: arguments.value("by", as: SeriesGrain.self) ?? .year)
                let name = "\(query.reporter)-\(query.partner)-\(query.flow.rawValue)-\(query.commodity).csv"
                return Answer(
                    headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\""],
                    body: ByteBuffer(string: try OutputFormat.csv.render(series)))
            }.response
        }
        page(router, "/corridor", Self.corridor) { arguments in
            var request: RouteRequest?
            if let from = arguments.string("from"), let to = arguments.string("to") {
                let objective: RouteObjective =
                    switch arguments.string("by") {
                    case "cost": .cost
                    case "generalized": .generalized(valueOfTime: RouteObjective.defaultValueOfTime)
                    default: .time
                    }
                let avoid = Set(arguments.all("avoid-country").filter { !$0.isEmpty })
                request = RouteRequest(from: from, to: to, objective: objective, constraints: .init(avoidCountries: avoid), count: 3)
            }
            return try await workspace.corridorPage(
                route: request, partnership: arguments.string("partnership"), asOf: try arguments.asOf() ?? Date())
        }
    }

    private func page(
        _ router: Router<CaravanContext>, _ path: String, _ declared: [Parameter], render: @escaping @Sendable (Arguments) async throws -> String
    ) {
        let cache = self.cache
        router.get(RouterPath(path)) { request, context in
            let arguments = try Arguments(request, context: context, declared: declared)
            return try await cache.answer(request) { Answer.html(try await render(arguments)) }.response
        }
    }

    /// The trade query the page's form sent, or nil for the partnership's own pair.
    private static func query(_ arguments: Arguments, _ workspace: Workspace) throws -> TradeQuery? {
        guard let reporter = arguments.string("reporter")?.uppercased(), let partner = arguments.string("partner")?.uppercased() else { return nil }
        for code in [reporter, partner] {
            if let problem = workspace.problem(withCountry: code) { throw APIError.badRequest("invalid_parameter", problem) }
        }
        let commodity = arguments.string("commodity").flatMap { $0.isEmpty ? nil : $0 } ?? CommodityCode.total
        if let problem = CommodityCode.problem(with: commodity) { throw APIError.badRequest("invalid_parameter", "'commodity': \(problem)") }
        return TradeQuery(
            reporter: reporter, partner: partner, flow: arguments.value("flow", as: TradeFlow.self) ?? .turnover, commodity: commodity,
            asOf: try arguments.asOf())
    }
}
