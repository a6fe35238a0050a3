import CaravanCore
import CaravanPresentation
import CaravanService
import CaravanStore
import CaravanTestSupport
import Foundation
import Testing

@Suite("SQLite and PostgreSQL give the same answers", .enabled(if: StoreBackend.postgresURL != nil, Comment(rawValue: StoreBackend.postgresSkipped)))
struct BackendParityTests {
    let directory = TemporaryDirectory()

    @Test("the bundled data: the same imports, series, mirror, flows, scorecard, products and tariff coverage, to the byte")
    func bundled() async throws {
        let recordedAt = Date(timeIntervalSince1970: 1_780_000_000)
        let asOf = Date(timeIntervalSince1970: 1_790_000_000)
        var answers: [[String]] = []
        for backend in StoreBackend.allCases {
            let workspace = Workspace(store: try await backend.makeStore(in: directory))
            let imported = try await workspace.importBundledData(recordedAt: recordedAt)
            let again = try await workspace.importBundledData(recordedAt: recordedAt)
            #expect(again.allSatisfy { if case .alreadyImported = $0.receipt { true } else { false } })
            // A refused file and a repeated one use no import number on either database.
            let header = "reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote"
            let refused = directory.write("refused.csv", "\(header)\nKAZ,IRN,export,TOTAL,2016,-1,,,Parity,,,\n")
            await #expect(throws: (any Error).self) { _ = try await workspace.importFile(refused, as: "refused.csv", recordedAt: recordedAt) }
            let baci = "t,i,j,k,v,q\n2023,364,398,100111,1000.000,400.000\n2024,364,398,100111,1500.000,600.000\n2024,364,398,851713,2800.000,1.500\n"
            let schedule = """
                reporter,partner_or_regime,hs_code,mfn_rate_pct,preferential_rate_pct,effective_from,source,url
                KAZ,IRN,10,5,0,2025-05-15,EAEU Council decision,https://example.org/eaeu
                KAZ,IRN,8517.13,10,4,2025-05-15,EAEU Council decision,https://example.org/eaeu
                """
            for (name, text) in [("BACI_sample.csv", baci), ("schedule.csv", schedule)] {
                _ = try await workspace.importFile(directory.write(name, text), as: name, recordedAt: recordedAt)
            }
            let query = TradeQuery(reporter: "IRN", partner: "KAZ")
            let exports = TradeQuery(reporter: "IRN", partner: "KAZ", flow: .export)
            answers.append([
                imported.map(\.text).joined(separator: "\n"),
                try JSONOutput.string(try await workspace.series(query, by: .year)),
                try JSONOutput.string(try await workspace.series(query, by: .shYear)),
                try JSONOutput.string(try await workspace.mirror("IRN", "KAZ", commodity: "TOTAL", period: nil, asOf: nil)),
                try JSONOutput.string(try await workspace.freightFlows(element: nil)),
                try JSONOutput.string(try await workspace.scorecard(asOf: asOf)),
                try JSONOutput.string(try await workspace.products(exports, period: Period(parsing: "2024"), level: .heading, top: 5)),
                try JSONOutput.string(try await workspace.tariffCoverage(reporter: "KAZ", partner: "IRN", asOf: asOf)),
                try JSONOutput.string(ImportList(imports: try await workspace.batches())),
            ])
        }
        #expect(answers[0].count == 9)
        for (index, (sqlite, postgres)) in zip(answers[0], answers[1]).enumerated() {
            #expect(sqlite == postgres, "answer \(index) differs")
        }
    }
}
