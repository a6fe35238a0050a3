import CaravanCore
import CaravanData
import CaravanDossier
import CaravanPresentation
import CaravanStore
import CaravanTestSupport
import Foundation
import Testing

@testable import CaravanService

@Suite("Answers and judgements kept in the store, until a batch stores something they read")
struct KeptAnswerTests {
    let directory = TemporaryDirectory()
    static let header = "reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote"

    /// A figures file of one row, written for the test.
    func figure(_ n: Int, _ reporter: String, _ partner: String, flow: String, commodity: String, year: Int, value: Int) -> String {
        directory.write("figure-\(n).csv", "\(Self.header)\n\(reporter),\(partner),\(flow),\(commodity),\(year),\(value),,,Kept test \(n),,,\n")
    }

    @Test(
        "after every import of a random sequence, the kept answer is the one worked out afresh; a batch of pairs it does not read leaves it, and the judgement, standing",
        .serialized, arguments: StoreBackend.available)
    func keptEqualsAfresh(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore(in: directory)
        _ = try await Workspace(store: store).importBundledData(recordedAt: Date(timeIntervalSince1970: 1_780_000_000))
        var afresh = Workspace(store: store)
        afresh.sharesScorecards = false
        let render: @Sendable (Scorecard) throws -> String = { try JSONOutput.string($0) }
        // Each answer from a workspace of its own, as each command is a process of its own: only the store keeps anything.
        func kept() async throws -> String { try await Workspace(store: store).keptAnswer("test --format json", partnership: nil, render: render) }
        func keptThrough() async throws -> Int64? {
            try await store.keptAnswer("test --format json partnership=", program: Program.identity, day: Day(containing: Date()))?.through
        }
        #expect(try await kept() == render(try await afresh.scorecard()))
        var random = SplitMix(seed: 29)
        // The default partnership reads IRN–KAZ; IRN–TKM is the other dossier's, FRA–DEU nobody's.
        let pairs = [("IRN", "KAZ"), ("KAZ", "IRN"), ("IRN", "TKM"), ("FRA", "DEU")]
        // Six imports: each works scorecards out on the cooperative pool, which the in-process servers of other suites answer on.
        for n in 0..<6 {
            let (reporter, partner) = pairs[(n + random.next(below: 2)) % pairs.count]
            let flow = ["export", "import", "turnover"][random.next(below: 3)]
            let commodity = ["TOTAL", "270900", "100199"][random.next(below: 3)]
            let file = figure(
                n, reporter, partner, flow: flow, commodity: commodity, year: 2018 + random.next(below: 8),
                value: 1_000_000 * (1 + random.next(below: 900)))
            let (throughBefore, judgedBefore) = (try await keptThrough(), try await store.lastJudgements())
            _ = try await Workspace(store: store).importFile(file, as: "figure-\(n).csv", recordedAt: Date())
            let last = try #require(try await store.version()).lastBatch
            let touched = [reporter, partner].sorted() == ["IRN", "KAZ"]
            #expect(try await kept() == render(try await afresh.scorecard()), "import \(n): \(reporter)–\(partner) \(flow) \(commodity)")
            #expect(try await keptThrough() == (touched ? last : throughBefore), "import \(n) worked the answer out again only if it touched IRN–KAZ")
            let judged = try await store.lastJudgements()
            #expect(judged["iran-kazakhstan"]?.through == (touched ? last : judgedBefore["iran-kazakhstan"]?.through))
            #expect(
                judged["iran-turkmenistan"]?.through
                    == ([reporter, partner].sorted() == ["IRN", "TKM"] ? last : judgedBefore["iran-turkmenistan"]?.through))
        }
    }

    @Test(
        "a batch is found to store exactly what it stored: a pair either way round, a dossier by name, the flows", arguments: StoreBackend.available)
    func storedSubjects(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore(in: directory)
        let workspace = Workspace(store: store)
        _ = try await workspace.importBundledData(recordedAt: Date(timeIntervalSince1970: 1_780_000_000))
        let before = try #require(try await store.version()).lastBatch
        #expect(try await !store.stored([.between("IRN", "KAZ"), .flows, .documents(.dossier, name: nil)], after: before))
        _ = try await workspace.importFile(figure(0, "FRA", "DEU", flow: "export", commodity: "TOTAL", year: 2024, value: 5), recordedAt: Date())
        #expect(try await store.stored([.between("FRA", "DEU")], after: before))
        #expect(try await store.stored([.between("DEU", "FRA")], after: before))
        #expect(try await !store.stored([.between("IRN", "KAZ"), .between("FRA", "KAZ"), .flows, .documents(.network, name: nil)], after: before))
        let file = try #require(BundledData.dossierFiles.first { $0.lastPathComponent == "iran-turkmenistan.yaml" })
        let text = try String(contentsOf: file, encoding: .utf8) + "\n# edited\n"
        _ = try await workspace.importDossier(text: text, as: "edited.yaml")
        #expect(try await store.stored([.documents(.dossier, name: "iran-turkmenistan")], after: before))
        #expect(try await store.stored([.documents(.dossier, name: nil)], after: before))
        #expect(try await !store.stored([.documents(.dossier, name: "iran-kazakhstan"), .documents(.groups, name: nil)], after: before))
        let flows = directory.write("flows.csv", "element,period,tonnes,direction,source,url,published,note\nkti,2025,1000,both,Kept test,,,\n")
        _ = try await workspace.importFile(flows, recordedAt: Date())
        #expect(try await store.stored([.flows], after: before))
        #expect(try await !store.stored([.tariffs(reporter: "KAZ")], after: before))
    }

    @Test("a subject kept as a line reads back as itself; a line this version does not know is not trusted")
    func subjectLines() {
        let subjects: Set<LedgerSubject> = [
            .between("KAZ", "IRN"), .flows, .tariffs(reporter: "KAZ"), .documents(.dossier, name: "iran-kazakhstan"), .documents(.network, name: nil),
        ]
        #expect(KeptAnswer.reads(KeptAnswer.lines(subjects)) == subjects)
        #expect(KeptAnswer.reads("pair IRN KAZ\nweather tomorrow") == nil)
    }
}

/// A seeded generator, so a failing sequence is the same sequence again.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
