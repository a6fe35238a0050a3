import CaravanService
import CaravanStore
import CaravanTestSupport
import Foundation
import Testing

/// A partnership small enough to work by hand: one trade target of KAZ–IRN turnover.
enum SmallPartnership {
    static func dossier(withTarget: Bool = true, value: Int = 1000) -> String {
        var text = """
            partnership:
              id: kaz-irn
              title: A small partnership
              economies: [KAZ, IRN]
            sources:
              - id: s1
                title: A statement
                publisher: A ministry
                published: 2024-01-01
            """
        if withTarget {
            text += """

                targets:
                  - id: t1
                    title: Turnover of \(value)
                    metric: {kind: trade, reporter: KAZ, partner: IRN, flow: turnover}
                    value: \(value)
                    deadline: 2040
                    source: s1
                """
        }
        return text + "\n"
    }

    static let header = "reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote"

    static func figures(_ rows: String...) -> String { ([header] + rows).joined(separator: "\n") + "\n" }

    /// Both flows of 2023 and 2024: turnover 600, then 1,000, which meets the target.
    static let turnover = figures(
        "KAZ,IRN,export,TOTAL,2023,500,,,Customs,,,", "KAZ,IRN,import,TOTAL,2023,100,,,Customs,,,", "KAZ,IRN,export,TOTAL,2024,900,,,Customs,,,",
        "KAZ,IRN,import,TOTAL,2024,100,,,Customs,,,")
}

@Suite("Changes of the scorecards, recorded once each, on SQLite and on PostgreSQL")
struct ChangeTests {
    let directory = TemporaryDirectory()

    @Test(
        "each status change is recorded once, caused by the import that made it; an import that changes nothing records nothing",
        arguments: StoreBackend.available)
    func recordedOnce(_ backend: StoreBackend) async throws {
        let workspace = Workspace(store: try await backend.makeStore(in: directory))
        defer { Task { await workspace.store.close() } }

        let dossier = try await workspace.importFile(directory.write("kaz-irn.yaml", SmallPartnership.dossier()))
        // First judged: every test and the target, from nothing, caused by the dossier.
        #expect(
            dossier.changes.map { "\($0.subject.kind.rawValue)/\($0.subject.id) \($0.from ?? "-")→\($0.to ?? "-")" } == [
                "test/corridor -→no_data", "test/projects -→no_data", "test/trade -→no_data", "target/t1 -→no_data",
            ])
        #expect(dossier.changes.allSatisfy { $0.cause == dossier.receipt.batch && $0.partnership == "kaz-irn" })

        // Figures that meet the target: the target and the trade test move, nothing else.
        let path = directory.write("kaz-irn.csv", SmallPartnership.turnover)
        let figures = try await workspace.importFile(path)
        let moved = Dictionary(uniqueKeysWithValues: figures.changes.map { ("\($0.subject.kind.rawValue)/\($0.subject.id)", $0) })
        #expect(Set(moved.keys) == ["test/trade", "target/t1"], "\(figures.changes)")
        #expect(moved["target/t1"]?.from == "no_data" && moved["target/t1"]?.to == "met")
        #expect(figures.changes.allSatisfy { $0.cause?.id == figures.receipt.batch.id && $0.cause?.file == path })

        // The same content again, another pair's figures, and a judgement with nothing new: no change.
        #expect(try await workspace.importFile(path).changes.isEmpty)
        let other = directory.write("tkm-uzb.csv", SmallPartnership.figures("TKM,UZB,export,TOTAL,2024,70,,,Customs,,,"))
        #expect(try await workspace.importFile(other).changes.isEmpty)
        #expect(try await workspace.judge().isEmpty)
        let recorded = try await workspace.changes()
        #expect(recorded.count == 6)
        // Each change starts where the one before it of the same subject ended.
        var last: [Judged: String] = [:]
        for change in recorded {
            #expect(change.from == last[change.subject], "\(change)")
            last[change.subject] = change.to
        }

        // A target taken out of the dossier is no longer judged: its change goes to nothing.
        let revised = try await workspace.importDossier(text: SmallPartnership.dossier(withTarget: false), as: "kaz-irn-2.yaml")
        let gone = try #require(revised.changes.first { $0.subject == Judged(.target, "t1") })
        #expect(gone.from == "met" && gone.to == nil && gone.cause == revised.receipt.batch)
        #expect(try await workspace.changes(partnership: "kaz-irn", since: gone.at).count == revised.changes.count)
        await #expect(throws: DossierError.self) { _ = try await workspace.changes(partnership: "nowhere") }
    }

    @Test(
        "a judgement older than the one recorded is not recorded: two processes judging out of turn change nothing back",
        arguments: StoreBackend.available)
    func outOfTurn(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore(in: directory)
        defer { Task { await store.close() } }
        let newer = Judgement(partnership: "p", statuses: [Judged(.test, "trade"): "on_track"], through: 5)
        let older = Judgement(partnership: "p", statuses: [Judged(.test, "trade"): "at_risk"], through: 4)
        #expect(try await store.record(newer, cause: nil, at: Date()).count == 1)
        #expect(try await store.record(older, cause: nil, at: Date()).isEmpty)
        #expect(try await store.record(newer, cause: nil, at: Date()).isEmpty)
        #expect(try await store.changes(partnership: "p", since: nil).map(\.to) == ["on_track"])
    }

    @Test(
        "a deadline that passes moves a target with nothing new stored: recorded at the next judgement, caused by no import",
        arguments: StoreBackend.available)
    func deadline(_ backend: StoreBackend) async throws {
        let workspace = Workspace(store: try await backend.makeStore(in: directory))
        defer { Task { await workspace.store.close() } }
        _ = try await workspace.importFile(directory.write("kaz-irn.yaml", SmallPartnership.dossier(value: 5000)))
        _ = try await workspace.importFile(directory.write("kaz-irn.csv", SmallPartnership.turnover))
        let now = try #require(try await workspace.changes().last { $0.subject == Judged(.target, "t1") })
        #expect(now.to == "on_track", "600 then 1,000 grows toward 5,000 by 2040: \(now)")
        // Judged again on a later day with nothing new: the day alone moves it.
        let after2040 = Date(timeIntervalSince1970: 2_240_611_200)
        let later = try await workspace.judge(at: after2040)
        let passed = try #require(later.first { $0.subject == Judged(.target, "t1") })
        #expect(passed.from == "on_track" && passed.to == "off_track" && passed.cause == nil)
        #expect(try await workspace.judge(at: after2040).isEmpty)
    }
}
