import CaravanCore
import CaravanDossier
import CaravanImport
import CaravanNetwork
import CaravanStore
import Crypto
import Foundation

/// Why a dossier question cannot be answered.
public enum DossierError: Error, Sendable, CustomStringConvertible {
    case none
    case unknown(String, known: [String])
    /// A dossier sent for one partnership is another's.
    case mismatch(expected: String, found: String)

    public var description: String {
        switch self {
        case .none: "there is no dossier in the store: import one (a YAML file, docs/dossier.md) or run `caravan demo`"
        case .unknown(let id, let known):
            "no dossier for partnership '\(id)'; the store has \(known.isEmpty ? "none" : known.joined(separator: ", "))"
        case .mismatch(let expected, let found): "the dossier is partnership '\(found)', not '\(expected)'"
        }
    }
}

extension Workspace {
    /// Checks a dossier against the code tables and the stored network, and stores it as one batch;
    /// it supersedes an earlier dossier of the same partnership.
    func importDossier(_ path: String, as name: String, recordedAt: Date) async throws -> ImportResult {
        let text = try DocumentText.read(path: path, name: name)
        return try await storeDossier(text: text, as: name, partnership: nil, recordedAt: recordedAt)
    }

    /// Checks a dossier's text and stores it; with `partnership`, only a dossier of that id.
    public func importDossier(text: String, as name: String, partnership: String? = nil, recordedAt: Date = Date()) async throws -> ImportResult {
        try await judging { try await storeDossier(text: text, as: name, partnership: partnership, recordedAt: recordedAt) }
    }

    private func storeDossier(text: String, as name: String, partnership: String?, recordedAt: Date) async throws -> ImportResult {
        let dossier = try await reader().read(text: text, file: name)
        if let partnership, dossier.partnership.id != partnership {
            throw DossierError.mismatch(expected: partnership, found: dossier.partnership.id)
        }
        let digest = SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
        let receipt = try await store.record(
            document: Document(kind: .dossier, name: dossier.partnership.id, text: text), file: name, digest: digest, recordedAt: recordedAt)
        var summary = ImportSummary(file: name, format: .dossier)
        summary.rowsRead = dossier.targets.count + dossier.claims.count + dossier.agreements.count + dossier.projects.count
        summary.rowsStored = summary.rowsRead
        summary.digest = digest
        return ImportResult(summary: summary, receipt: receipt)
    }

    /// The reader a dossier is imported with: every element it names must be in the stored network.
    private func reader() async throws -> DossierReader {
        DossierReader(tables: tables, elements: try await storedNetwork()?.elementIDs)
    }

    /// The stored dossier of a partnership, or when none is named the partnership imported first
    /// (its current version): a second partnership added later does not change what a bare
    /// `caravan scorecard` answers.
    public func dossier(_ partnership: String? = nil) async throws -> Dossier {
        var name = partnership
        if name == nil { name = try await store.documents(.dossier).min { $0.batch.id < $1.batch.id }?.document.name }
        guard let stored = try await store.document(.dossier, named: name) else {
            if let partnership { throw DossierError.unknown(partnership, known: try await store.documents(.dossier).map(\.document.name)) }
            throw DossierError.none
        }
        // Read as stored: elements a later network lacks are the scorecard's to name, not a reason to refuse.
        return try parsed.dossier(stored) { stored in
            try DossierReader(tables: tables, elements: nil, checksElements: false).read(text: stored.document.text, file: stored.batch.file)
        }
    }

    /// The partnership's scorecard as of a moment (default now): its three tests and its claims.
    /// Shared with other answers of the same day while nothing it reads is stored, when it reads every stored figure.
    public func scorecard(_ partnership: String? = nil, asOf: Date = Date()) async throws -> Scorecard {
        guard sharesScorecards, let version = try await store.version(), asOf >= version.newestRecording else {
            return try await workOutScorecard(partnership, asOf: asOf)
        }
        let key = SharedScorecards.Key(partnership: partnership, day: Day(containing: asOf))
        let shared = try await scorecards.scorecard(key, version: version, store: store) {
            let dossier = try await dossier(partnership)
            return (Scorecard(try await scorecardInput(dossier, asOf: asOf)), reads(of: dossier, partnership: partnership))
        }
        // An answer given from a scorecard another worked out read what that one read.
        StoreReads.note(shared.reads)
        return shared.0
    }

    private func workOutScorecard(_ partnership: String?, asOf: Date) async throws -> Scorecard {
        Scorecard(try await scorecardInput(dossier(partnership), asOf: asOf))
    }

    /// What a scenario would change: the three tests, the targets and the corridor's capacity year by
    /// year, under the scenario and as the dossier stands, from the year of `asOf` to the last
    /// target's. Nothing stored changes.
    public func scenario(_ request: ScenarioRequest, asOf: Date = Date()) async throws -> ScenarioComparison {
        try ScenarioComparison(request.scenario, input: try await scorecardInput(dossier(request.partnership), asOf: asOf))
    }

    /// The nowcast tried on every year of `calendar` the pair's figures give whole, cut off after
    /// each month whose figure is known, against the run-rate by days.
    public func backtest(_ query: TradeQuery, calendar: CalendarSystem) async throws -> NowcastBacktest {
        NowcastBacktest(
            query, calendar: calendar, observations: try await observations(between: query.reporter, and: query.partner, commodity: query.commodity))
    }

    /// Everything a scorecard of `dossier` reads, read once.
    func scorecardInput(_ dossier: Dossier, asOf: Date) async throws -> ScorecardInput {
        var pairs: [PairKey: [RecordedObservation]] = [:]
        var queries = dossier.targets.map(\.metric) + dossier.claims.map(\.metric)
        if dossier.partnership.economies.count == 2 {
            queries.append(.trade(TradeQuery(reporter: dossier.partnership.economies[0], partner: dossier.partnership.economies[1])))
        }
        var relations: [PairKey: [RecordedRelativeFigure]] = [:]
        for case .trade(let query) in queries {
            let key = PairKey(query.reporter, query.partner, query.commodity)
            if pairs[key] == nil { pairs[key] = try await observations(between: key.a, and: key.b, commodity: key.commodity) }
            let pair = PairKey(query.reporter, query.partner, "")
            if relations[pair] == nil { relations[pair] = try await relativeFigures(between: pair.a, and: pair.b) }
        }
        var tariffs: [TariffShare: Result<TariffCoverage, TariffEvidenceMissing>] = [:]
        for case .tariffCoverage(let share) in queries where tariffs[share] == nil {
            do {
                tariffs[share] = .success(
                    try await tariffCoverage(reporter: share.reporter, partner: share.partner, regime: share.regime, asOf: asOf))
            } catch let error as ProductError {
                tariffs[share] = .failure(TariffEvidenceMissing(error.description))
            }
        }
        let (found, stated) = (pairs, relations)
        return ScorecardInput(
            dossier: dossier, asOf: asOf, trade: { a, b, commodity in found[PairKey(a, b, commodity)] ?? [] },
            relations: { a, b in stated[PairKey(a, b, "")] ?? [] }, flows: try await store.freightFlows(element: nil),
            network: try await storedNetwork(), tariffs: tariffs)
    }
}

/// Two economies, in either order, and a commodity.
private struct PairKey: Hashable {
    let a: String
    let b: String
    let commodity: String

    init(_ x: String, _ y: String, _ commodity: String) {
        (a, b) = x < y ? (x, y) : (y, x)
        self.commodity = commodity
    }
}

extension Workspace {
    /// The network compiled as it stands at the end of `year`, with the effects of the projects the
    /// partnership's dossier (default: the last imported) has completed by then.
    public func graph(file: String? = nil, year: Int, partnership: String? = nil) async throws -> (graph: RoutingGraph, projects: [String]) {
        let (network, applied) = try await network(file: file).asOf(year: year, projects: try await dossier(partnership).projects)
        return (RoutingGraph(network), applied)
    }
}

extension Workspace {
    /// Every stored partnership's scorecard, in the order of their ids.
    public func partnerships(asOf: Date = Date()) async throws -> [Scorecard] {
        var scorecards: [Scorecard] = []
        for id in Set(try await store.documents(.dossier).map(\.document.name)).sorted() {
            scorecards.append(try await scorecard(id, asOf: asOf))
        }
        return scorecards
    }
}
