import CaravanCore
import CaravanDossier
import CaravanNetwork
import CaravanPresentation
import CaravanService
import Foundation

/// Small page values made by hand, as the service layer would gather them, with text a hostile
/// file could hold: no store, no workspace.
enum PageFixtures {
    /// 7 December 2026, noon UTC.
    static let asOf = Date(timeIntervalSince1970: 1_796_644_800)

    static let hostileTitle = "Iran & Kazakhstan <script>alert(\"x\")</script>"

    static let partnership = Partnership(id: "irn-kaz", title: hostileTitle, economies: ["IRN", "KAZ"], corridor: "rail-east")

    static let source = DossierSource(
        id: "s1", title: "Communiqué <b>of</b> the summit", publisher: "Ministry 'A'", published: "2025-12-11", url: "javascript:alert(1)")

    /// A scorecard judged from a dossier with no targets, claims or projects and no figures.
    static func scorecard(_ partnership: Partnership = partnership) -> Scorecard {
        let dossier = Dossier(partnership: partnership, sources: [source])
        return Scorecard(ScorecardInput(dossier: dossier, asOf: asOf, trade: { _, _, _ in [] }, flows: [], network: nil))
    }

    /// One published figure: Iran's and Kazakhstan's turnover in 2024.
    static let figure = RecordedObservation(
        TradeObservation(
            reporter: "IRN", partner: "KAZ", flow: .turnover, commodity: CommodityCode.total, period: Period(.year, 2024, in: .gregorian),
            valueUSD: 340_000_000),
        source: SourceRecord(
            id: 1, kind: .figures, provider: "Tehran Times", url: "https://example.org/a", published: "2025-12-11", recordedAt: asOf,
            file: "figures.csv"),
        line: 2)

    static func request(_ path: String, _ language: Language = .en) -> Dashboard {
        Dashboard(request: PageRequest(path: path, query: [], language: language))
    }

    /// A network of two places, one with a name a hostile file could give, and a source.
    static let network = Network(
        name: "east",
        nodes: [NetworkNode(id: "ink", name: "Incheh <Borun>", country: "IRN"), NetworkNode(id: "bol", name: "Bolashak", country: "KAZ")],
        links: [], sources: [NetworkSource(id: "n1", title: "Railway map", url: "https://example.org/map")])
}
