import CaravanCore
import CaravanData
import CaravanDossier
import CaravanImport
import CaravanNetwork
import CaravanSQLite
import CaravanService
import CaravanStore
import CaravanTestSupport
import Foundation
import Testing

@Suite("The corridor end to end, on a SQLite file")
struct CorridorTests {
    let directory = TemporaryDirectory()
    let workspace: Workspace
    let flowsHeader = "element,period,tonnes,direction,source,url,published,note"

    init() throws { workspace = Workspace(store: try SQLiteLedgerStore(path: directory.path("corridor.sqlite"))) }

    @Test("the bundled network and flows load with the demo data, once")
    func bundled() async throws {
        let results = try await workspace.importBundledData()
        #expect(results.map(\.summary.format) == [.network, .figures, .relations, .figures, .figures, .flows, .flows, .dossier, .dossier])
        let again = try await workspace.importBundledData()
        #expect(again.allSatisfy { if case .alreadyImported = $0.receipt { true } else { false } })
        let answer = try await workspace.routes(RouteRequest(from: "Astana", to: "bandar_abbas", count: 3))
        #expect(answer.routes.count == 3 && answer.routes[0].hours <= answer.routes[1].hours)
        let flows = try await workspace.freightFlows(element: nil)
        let kti = try #require(flows.flows.first { $0.element == "kti" && $0.source == "News Central Asia" })
        #expect(kti.capacityMt == 10 && abs(kti.utilizationPct! - 1.6e6 / (10e6 * 366 / 365.2425) * 100) < 1e-9)
        #expect(kti.source == "News Central Asia" && kti.line == 2)
    }

    @Test("without a network in the store, routing says how to get one")
    func noNetwork() async throws {
        await #expect(throws: CorridorError.self) { _ = try await workspace.routes(RouteRequest(from: "a", to: "b")) }
    }

    @Test("a flow naming an element the stored network lacks refuses the file, storing nothing")
    func unknownElement() async throws {
        _ = try await workspace.importBundledData()
        let before = try await workspace.batches().count
        let path = directory.write("flows.csv", "\(flowsHeader)\nkti,2025,100,both,S,,,\nnowhere,2025,5,both,S,,,\n")
        await #expect {
            _ = try await workspace.importFile(path)
        } throws: { error in
            guard case ImportError.invalidRows(_, let problems, _) = error else { return false }
            return problems.map(\.description) == [
                "\(path):3: element: unknown element 'nowhere': not a link, node or corridor of the network in the store"
            ]
        }
        #expect(try await workspace.batches().count == before)
    }

    @Test("a broken network file is refused with the JSON paths of its problems")
    func brokenNetwork() async throws {
        let path = directory.write(
            "net.json",
            #"{"name": "x", "nodes": [{"id": "a", "name": "A"}], "links": [{"id": "l", "from": "a", "to": "b", "mode": "rail", "hours": 1}]}"#)
        await #expect {
            _ = try await workspace.importFile(path)
        } throws: { error in
            "\(error)".hasPrefix("\(path): $.links[0].to: unknown node 'b'")
        }
        #expect(try await workspace.batches().isEmpty)
    }
}

@Suite("The dossier and scorecard end to end")
struct ScorecardServiceTests {
    let directory = TemporaryDirectory()
    let workspace: Workspace

    init() throws { workspace = Workspace(store: try SQLiteLedgerStore(path: directory.path("card.sqlite"))) }

    @Test("as of a date before the figures were recorded, the trade test has no data")
    func asOf() async throws {
        _ = try await workspace.importBundledData(recordedAt: Date(timeIntervalSince1970: 1_767_225_600))
        let now = try await workspace.scorecard()
        #expect(now.tests.trade.latest?.value == 528_000_000 && now.tests.trade.latestOwn?.value == 340_000_000)
        let before = try await workspace.scorecard(asOf: Date(timeIntervalSince1970: 1_700_000_000))
        #expect(before.tests.trade.status == .noData)
    }

    @Test("a second import of the same partnership supersedes the first")
    func supersede() async throws {
        _ = try await workspace.importBundledData()
        let text = try String(contentsOf: BundledData.dossierFiles[0], encoding: .utf8)
            .replacingOccurrences(of: "value: 400000000", with: "value: 300000000")
        let path = directory.write("dossier.yaml", text)
        _ = try await workspace.importFile(path)
        let card = try await workspace.scorecard("iran-kazakhstan")
        #expect(card.tests.trade.targets.first { $0.id == "level-400m" }?.status == .met)
        await #expect(throws: DossierError.self) { _ = try await workspace.scorecard("nobody") }
    }
}
