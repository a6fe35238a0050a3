import CaravanCore
import CaravanService
import CaravanStore
import CaravanTestSupport
import Foundation
import Testing

@Suite("SQLite and PostgreSQL give the same answers", .enabled(if: StoreBackend.postgresURL != nil, Comment(rawValue: StoreBackend.postgresSkipped)))
struct BackendParityTests {
    let directory = TemporaryDirectory()

    @Test("the bundled data: the same imports, series, mirror, flows and scorecard, to the byte")
    func bundled() async throws {
        let recordedAt = Date(timeIntervalSince1970: 1_780_000_000)
        let asOf = Date(timeIntervalSince1970: 1_790_000_000)
        var answers: [[String]] = []
        for backend in StoreBackend.allCases {
            let workspace = Workspace(store: try await backend.makeStore(in: directory))
            let imported = try await workspace.importBundledData(recordedAt: recordedAt)
            let again = try await workspace.importBundledData(recordedAt: recordedAt)
            #expect(again.allSatisfy { if case .alreadyImported = $0.receipt { true } else { false } })
            let query = TradeQuery(reporter: "IRN", partner: "KAZ")
            answers.append([
                imported.map(\.text).joined(separator: "\n"),
                try JSONOutput.string(try await workspace.series(query, by: .year)),
                try JSONOutput.string(try await workspace.series(query, by: .shYear)),
                try JSONOutput.string(try await workspace.mirror("IRN", "KAZ", commodity: "TOTAL", period: nil, asOf: nil)),
                try JSONOutput.string(try await workspace.freightFlows(element: nil)),
                try JSONOutput.string(try await workspace.scorecard(asOf: asOf)),
            ])
        }
        #expect(answers[0].count == 6)
        for (index, (sqlite, postgres)) in zip(answers[0], answers[1]).enumerated() {
            #expect(sqlite == postgres, "answer \(index) differs")
        }
    }
}
