import CaravanCore
import CaravanStore
import CaravanTestSupport
import Foundation
import Testing

/// Figures handed to the store from memory, optionally failing after some of them.
final class ListFeed: ObservationFeed {
    let sources: [SourceDraft]
    private var rows: [StagedObservation]
    private let failAfter: Int?
    private let digest: String
    private var handed = 0

    init(_ rows: [StagedObservation], sources: [SourceDraft], digest: String, failAfter: Int? = nil) {
        self.rows = rows
        self.sources = sources
        self.digest = digest
        self.failAfter = failAfter
    }

    struct Failure: Error {}

    func next() throws -> StagedObservation? {
        if let failAfter, handed == failAfter { throw Failure() }
        guard handed < rows.count else { return nil }
        handed += 1
        return rows[handed - 1]
    }

    var contentDigest: String? { handed == rows.count ? digest : nil }
    var report: Int { handed }
}

func figure(
    _ reporter: String, _ partner: String, _ flow: TradeFlow, _ period: String, _ value: Double, line: Int? = 2, source: Int = 0
)
    throws -> StagedObservation
{
    StagedObservation(
        TradeObservation(
            reporter: reporter, partner: partner, flow: flow, commodity: "TOTAL", period: try Period(parsing: period), valueUSD: value,
            quantityT: 5, valuation: .fob, note: "quoted"),
        line: line, source: source)
}

let ministry = SourceDraft(kind: .figures, provider: "Ministry", title: "Bulletin", url: "https://example.org", published: "2025-01-02")

@Suite("The store, on SQLite and on PostgreSQL")
struct StoreTests {
    let directory = TemporaryDirectory()

    @Test("figures come back with their source, line and vintage", arguments: StoreBackend.available)
    func roundTrip(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore(in: directory)
        let recorded = Date(timeIntervalSince1970: 1_700_000_000.25)
        var cited = ministry
        cited.edition = "HS 2017"
        let feed = ListFeed([try figure("KAZ", "IRN", .export, "SH1404-01..SH1404-07", 159e6, line: 7)], sources: [cited], digest: "a")
        let (receipt, report) = try await store.record(feed, file: "f.csv", format: "figures", recordedAt: recorded)
        guard case .stored(let batch) = receipt else {
            Issue.record("not stored")
            return
        }
        #expect(batch.observations == 1 && batch.contentDigest == "a" && report == 1)
        let rows = try await store.observations(between: "IRN", and: "KAZ", commodity: "TOTAL")
        let row = try #require(rows.first)
        let expected = try figure("KAZ", "IRN", .export, "SH1404-01..SH1404-07", 159e6)
        #expect(row.observation == expected.observation)
        #expect(row.line == 7 && row.source.provider == "Ministry" && row.source.published == "2025-01-02" && row.source.file == "f.csv")
        #expect(row.source.edition == "HS 2017")
        #expect(abs(row.source.recordedAt.timeIntervalSince(recorded)) < 0.001)
    }

    @Test("the same content twice adds nothing", arguments: StoreBackend.available)
    func idempotent(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore(in: directory)
        let rows = [try figure("KAZ", "IRN", .export, "2024", 1)]
        _ = try await store.record(ListFeed(rows, sources: [ministry], digest: "same"), file: "a.csv", format: "figures", recordedAt: Date())
        let (receipt, _) = try await store.record(
            ListFeed(rows, sources: [ministry], digest: "same"), file: "b.csv", format: "figures", recordedAt: Date())
        guard case .alreadyImported(let batch) = receipt else {
            Issue.record("stored twice")
            return
        }
        #expect(batch.file == "a.csv")
        #expect(try await store.batches().count == 1)
        #expect(try await store.observations(between: "KAZ", and: "IRN", commodity: "TOTAL").count == 1)
    }

    @Test("a file that fails on its last row leaves the database as it was", arguments: StoreBackend.available)
    func atomic(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore(in: directory)
        _ = try await store.record(
            ListFeed([try figure("KAZ", "IRN", .export, "2023", 1)], sources: [ministry], digest: "x"), file: "a", format: "figures",
            recordedAt: Date())
        let rows = try (2000..<2010).map { try figure("KAZ", "IRN", .import, String($0), 1) }
        await #expect(throws: ListFeed.Failure.self) {
            _ = try await store.record(
                ListFeed(rows, sources: [ministry], digest: "y", failAfter: 9), file: "b", format: "figures", recordedAt: Date())
        }
        #expect(try await store.batches().map(\.file) == ["a"])
        #expect(try await store.observations(between: "KAZ", and: "IRN", commodity: "TOTAL").count == 1)
    }

    @Test("a figure repeated within one file is refused, naming its line, and nothing is stored", arguments: StoreBackend.available)
    func duplicate(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore(in: directory)
        let rows = [try figure("KAZ", "IRN", .export, "2024", 1, line: 2), try figure("KAZ", "IRN", .export, "2024", 2, line: 3)]
        await #expect {
            _ = try await store.record(ListFeed(rows, sources: [ministry], digest: "d"), file: "a", format: "figures", recordedAt: Date())
        } throws: { error in
            guard case StoreError.duplicate(let line, _) = error else { return false }
            return line == 3
        }
        #expect(try await store.batches().isEmpty)
    }

    @Test("a repeat among many rows, inserted 64 at a time, is still named by its line", arguments: StoreBackend.available)
    func duplicateInBulk(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore(in: directory)
        var rows = try (0..<150).map { try figure("KAZ", "IRN", .export, String(1_900 + $0), 1, line: $0 + 2) }
        rows[100] = try figure("KAZ", "IRN", .export, "1910", 1, line: 102)
        await #expect {
            _ = try await store.record(ListFeed(rows, sources: [ministry], digest: "bulk"), file: "a", format: "figures", recordedAt: Date())
        } throws: { error in
            guard case StoreError.duplicate(let line, _) = error else { return false }
            return line == 102
        }
        #expect(try await store.batches().isEmpty)
    }

    @Test("a revision is a new row with a later vintage; the first stays", arguments: StoreBackend.available)
    func revisions(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore(in: directory)
        let first = Date(timeIntervalSince1970: 1_700_000_000)
        let second = first.addingTimeInterval(86_400)
        _ = try await store.record(
            ListFeed([try figure("KAZ", "IRN", .export, "2024", 300)], sources: [ministry], digest: "1"), file: "v1", format: "figures",
            recordedAt: first
        )
        _ = try await store.record(
            ListFeed([try figure("KAZ", "IRN", .export, "2024", 320)], sources: [ministry], digest: "2"), file: "v2", format: "figures",
            recordedAt: second)
        let rows = try await store.observations(between: "KAZ", and: "IRN", commodity: "TOTAL")
        #expect(rows.map(\.observation.valueUSD).sorted() == [300, 320])
        #expect(Set(rows.map(\.source.recordedAt)) == [first, second])
    }

    @Test("other commodities and other pairs are not returned", arguments: StoreBackend.available)
    func scope(_ backend: StoreBackend) async throws {
        let store = try await backend.makeStore(in: directory)
        var other = try figure("KAZ", "TKM", .export, "2024", 9)
        other.observation.partner = "TKM"
        var chapter = try figure("KAZ", "IRN", .export, "2024", 8)
        chapter.observation.commodity = "10"
        _ = try await store.record(
            ListFeed([try figure("IRN", "KAZ", .import, "2024", 7), other, chapter], sources: [ministry], digest: "s"), file: "s",
            format: "figures", recordedAt: Date())
        let rows = try await store.observations(between: "KAZ", and: "IRN", commodity: "TOTAL")
        #expect(rows.map(\.observation.valueUSD) == [7])
    }
}
