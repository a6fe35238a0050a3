import CaravanCore
import CaravanDossier
import CaravanNetwork
import Foundation

/// A day in a year, as the moment a scorecard is judged.
func moment(_ text: String) -> Date { (try? Period(parsing: text))!.days.upperBound.date.addingTimeInterval(86_399) }

/// Stored figures built by hand: a provider's yearly or monthly values of one pair's flow.
struct FigureBook {
    private(set) var rows: [RecordedObservation] = []

    mutating func add(
        _ period: String, _ value: Double, provider: String = "Statistics Office", flow: TradeFlow = .turnover, reporter: String = "KAZ",
        compiler: String? = nil, url: String? = nil, quote: String? = nil, published: String? = nil, recorded: String = "2020-01-01"
    ) {
        let observation = TradeObservation(
            reporter: reporter, partner: reporter == "KAZ" ? "IRN" : "KAZ", flow: flow, commodity: "TOTAL",
            period: (try? Period(parsing: period))!, valueUSD: value, note: quote)
        let source = SourceRecord(
            id: Int64(rows.count + 1), kind: .figures, provider: provider, url: url, published: published, compiler: compiler,
            recordedAt: moment(recorded), file: "f.csv")
        rows.append(RecordedObservation(observation, source: source, line: rows.count + 2))
    }
}

let turnover = TradeQuery(reporter: "KAZ", partner: "IRN", flow: .turnover)

func dossier(targets: [Target] = [], claims: [Claim] = [], agreements: [Agreement] = [], projects: [Project] = []) -> Dossier {
    Dossier(
        partnership: Partnership(id: "p", title: "Partnership", economies: ["KAZ", "IRN"], corridor: "line"),
        sources: [
            DossierSource(id: "paper", title: "Article", publisher: "Daily Paper"),
            DossierSource(id: "ministry", title: "Bulletin", publisher: "Ministry"),
        ],
        targets: targets, claims: claims, agreements: agreements, projects: projects)
}

func scorecard(
    _ dossier: Dossier, ledger: FigureBook = FigureBook(), flows: [RecordedFreightFlow] = [], network: Network? = nil, asOf: String = "2025-06-30"
)
    -> Scorecard
{
    let rows = ledger.rows
    return Scorecard(ScorecardInput(dossier: dossier, asOf: moment(asOf), trade: { _, _, _ in rows }, flows: flows, network: network))
}

/// A corridor of two links A→B→C, capacity 10 and 6, with C's port at 8.
let corridorNetwork = Network(
    name: "line",
    nodes: [NetworkNode(id: "A", name: "A"), NetworkNode(id: "B", name: "B"), NetworkNode(id: "C", name: "C", capacityMt: 8)],
    links: [
        NetworkLink(id: "ab", from: "A", to: "B", mode: .rail, hours: 10, capacityMt: 10),
        NetworkLink(id: "bc", from: "B", to: "C", mode: .rail, hours: 10, capacityMt: 6),
    ],
    corridors: [Corridor(id: "line", name: "The line", elements: ["ab", "B", "bc", "C"])])

func flow(_ period: String, _ tonnes: Double, element: String = "line") -> RecordedFreightFlow {
    RecordedFreightFlow(
        FreightFlow(element: element, period: (try? Period(parsing: period))!, tonnes: tonnes),
        source: SourceRecord(id: 9, kind: .freight, provider: "Railways", recordedAt: moment("2020-01-01"), file: "flows.csv"), line: 2)
}
