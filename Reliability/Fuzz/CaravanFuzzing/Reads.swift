import CaravanCore
import CaravanImport
import CaravanNetwork
import CaravanPresentation
import CaravanServer
import CaravanService
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// Every read of what an accepted input stored, as a user would make it: the CLI's answers as a
/// table, CSV and Markdown; the API's JSON and the dashboard's pages through the server's router;
/// the report. A refusal is an answer; an error no user could act on, a 5xx, or an answer that
/// cannot be written out is a finding — and a trap ends the campaign with the input kept.
struct Reads: Sendable {
    let workspace: Workspace

    /// Nil when every read answered, else the first that did not, and how.
    func after(importing path: String, as target: FuzzTarget) async -> String? {
        let questions = await Questions(path: path, target: target, workspace: workspace)
        if let finding = await inProcess(questions) { return finding }
        return await throughRouter(questions.paths)
    }

    /// The CLI's renderings, each format.
    private func inProcess(_ questions: Questions) async -> String? {
        let formats = [OutputFormat.table, .csv, .md]
        do {
            for query in questions.trade {
                let series = try await workspace.series(query, by: .year)
                let months = try await workspace.series(query, by: .month)
                let years = try await workspace.series(query, by: .shYear)
                let mirror = try await workspace.mirror(query.reporter, query.partner, commodity: query.commodity, period: nil, asOf: nil)
                for format in formats { _ = try [series, months, years].map(format.render) + [format.render(mirror)] }
                if let period = series.points.last?.value.period {
                    let comparison = try await workspace.compare(query, period: period, versus: nil)
                    for format in formats { _ = try format.render(comparison) }
                    let gap = try await workspace.gap(
                        GapRequest(a: query.reporter, b: query.partner, period: period, flow: .turnover, commodity: query.commodity))
                    for format in formats { _ = try format.render(gap) }
                    if let products = try? await workspace.products(query, period: period, level: .subheading) {
                        for format in formats { _ = try format.render(sections: products) }
                    }
                }
            }
            for (from, to) in questions.places {
                if let routes = try? await workspace.routes(RouteRequest(from: from, to: to, count: 3)) {
                    for format in formats { _ = try format.render(routes) }
                }
                if let capacity = try? await workspace.capacity(from: from, to: to) {
                    for format in formats { _ = try format.render(capacity) }
                }
            }
            if let flows = try? await workspace.freightFlows(element: nil) { for format in formats { _ = try format.render(flows) } }
            for (reporter, partner) in questions.tariffs {
                if let coverage = try? await workspace.tariffCoverage(reporter: reporter, partner: partner) {
                    for format in formats { _ = try format.render(sections: coverage) }
                }
            }
            for partnership in questions.partnerships {
                let scorecard = try await workspace.scorecard(partnership)
                for format in formats { _ = try format.render(sections: scorecard) }
                for format in formats {
                    _ = try format.render(sections: TargetsPart(scorecard))
                    _ = try format.render(sections: ClaimsPart(scorecard))
                    _ = try format.render(sections: ProjectsPart(scorecard))
                    _ = try format.render(sections: AgreementsPart(scorecard))
                }
                let report = try await workspace.reportData(partnership)
                for language in Language.allCases { _ = HTMLReport(report, words: Words(language)).html }
            }
        } catch let error where Self.isAnswer(error) {
            return nil
        } catch {
            return "a read failed with \(type(of: error)): \(error)"
        }
        return nil
    }

    /// The API's answers and the dashboard's pages.
    private func throughRouter(_ paths: [String]) async -> String? {
        var logger = Logger(label: "caravan-fuzz")
        logger.logLevel = .error
        let app = CaravanServer(workspace: workspace).application(logger: logger)
        do {
            return try await app.test(.router) { client in
                for path in paths {
                    let response = try await client.execute(uri: path, method: .get)
                    if response.status.code >= 500 {
                        return "GET \(path) answered \(response.status.code): \(String(buffer: response.body).prefix(300))"
                    }
                }
                return nil
            }
        } catch {
            return "the router failed: \(error)"
        }
    }

    /// Errors that are answers a user can act on: what the CLI prints and the API maps to a 4xx.
    static func isAnswer(_ error: any Error) -> Bool {
        error is RouteError || error is CorridorError || error is DossierError || error is ProductError || error is PeriodError
            || error is ImportError
    }
}

/// What to ask of the store after an input: the pairs, places, schedules and partnerships the
/// input names, and the bundled ones, as CLI calls and as request paths.
private struct Questions {
    var trade: [TradeQuery] = []
    var places: [(String, String)] = []
    var tariffs: [(String, String)] = []
    var partnerships: [String?] = [nil]
    /// Each read as a GET through the server: API and dashboard.
    var paths: [String] = [
        "/", "/projects", "/claims", "/corridor", "/?lang=fa", "/corridor?lang=fa", "/trade?lang=ru", "/api/v1/scorecard", "/api/v1/corridor/flows",
        "/api/v1/imports",
    ]

    init(path: String, target: FuzzTarget, workspace: Workspace) async {
        var pairs: Set<[String]> = [["IRN", "KAZ", CommodityCode.total]]
        switch target.name {
        case "network":
            if let network = try? NetworkReader.read(path: path) {
                let ids = network.nodes.map(\.id)
                if let first = ids.first, let last = ids.last { places = [(first, last), (last, first)] }
            }
        case "tariffs":
            if let file = try? FileImport<TariffLine>(tariffsAt: path, tables: workspace.tables) {
                while let line = try? file.next() { tariffs.append((line.record.reporter, line.record.regime)) }
            }
        case "dossier":
            if let dossier = try? DossierReader(tables: workspace.tables, elements: nil, checksElements: false).read(path: path) {
                partnerships.append(dossier.partnership.id)
            }
        case "groups":
            for name in ((try? await workspace.groups())?.groups.keys).map(Array.init) ?? [] { pairs.insert(["IRN", "KAZ", name]) }
        case "flows", "period": break
        default:
            if let file = try? FileImport<TradeObservation>(path: path, name: target.fileName, format: nil, tables: workspace.tables, policy: .fail) {
                while pairs.count < 6, let staged = try? file.next() {
                    pairs.insert([staged.record.reporter, staged.record.partner, staged.record.commodity])
                }
            }
        }
        places += [("astana", "bandar_abbas")]
        trade = pairs.sorted { $0.joined() < $1.joined() }.map { TradeQuery(reporter: $0[0], partner: $0[1], commodity: $0[2]) }
        for (index, query) in trade.enumerated() {
            let pair = "reporter=\(query.reporter)&partner=\(query.partner)&commodity=\(query.commodity)"
            paths += [
                "/api/v1/trade/series?\(pair)", "/api/v1/trade/series?\(pair)&by=sh-year", "/api/v1/trade/compare?\(pair)&period=2024",
                "/api/v1/trade/mirror?a=\(query.reporter)&b=\(query.partner)&commodity=\(query.commodity)",
                "/api/v1/trade/gap?a=\(query.reporter)&b=\(query.partner)&period=2024&commodity=\(query.commodity)",
                "/api/v1/trade/products?reporter=\(query.reporter)&partner=\(query.partner)&period=2024&level=6", "/trade.csv?\(pair)",
            ]
            // The page works the partnership's scorecard out too: once is enough to read every figure through it.
            if index == 0 { paths.append("/trade?\(pair)") }
        }
        for (from, to) in places {
            let ends = "from=\(Self.escaped(from))&to=\(Self.escaped(to))"
            paths += ["/api/v1/route?\(ends)&alternatives=2", "/api/v1/capacity?\(ends)", "/corridor?\(ends)"]
        }
        for (reporter, partner) in tariffs.prefix(3) {
            paths.append("/api/v1/tariffs/coverage?reporter=\(Self.escaped(reporter))&partner=\(Self.escaped(partner))")
        }
        for partnership in partnerships.compactMap({ $0 }) {
            let id = "partnership=\(Self.escaped(partnership))"
            paths += ["/?\(id)", "/api/v1/scorecard?\(id)", "/api/v1/claims?\(id)", "/api/v1/targets?\(id)"]
        }
        tariffs = Array(tariffs.prefix(3))
    }

    private static func escaped(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text }
}
