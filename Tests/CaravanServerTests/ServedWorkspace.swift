import CaravanSQLite
import CaravanServer
import CaravanService
import CaravanStore
import CaravanTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization

/// A workspace with the bundled data, a live token and a revoked one, ready to serve.
struct ServedWorkspace {
    let directory = TemporaryDirectory()
    let workspace: Workspace
    /// A live token's secret.
    let token: String
    /// A revoked token's secret.
    let revoked: String
    let log = LogRecorder()

    /// `samples` adds a BACI sample and a tariff schedule to the bundled data; without them the store is the demo's.
    init(bundled: Bool = true, samples: Bool = true) async throws {
        workspace = Workspace(store: try SQLiteLedgerStore(path: directory.path("served.sqlite")))
        if bundled {
            let recorded = Date(timeIntervalSince1970: 1_780_000_000)
            _ = try await workspace.importBundledData(recordedAt: recorded)
        }
        if bundled && samples {
            let recorded = Date(timeIntervalSince1970: 1_780_000_000)
            // What the pair trades, and Kazakhstan's schedule for Iran: for the products, tariffs and their charts.
            let baci = "t,i,j,k,v,q\n2024,364,398,100111,1500.000,600.000\n2024,364,398,851713,2800.000,1.500\n2024,398,364,720839,600.000,1000.000\n"
            _ = try await workspace.importFile(directory.write("BACI_sample.csv", baci), as: "BACI_sample.csv", recordedAt: recorded)
            let schedule = """
                reporter,partner_or_regime,hs_code,mfn_rate_pct,preferential_rate_pct,effective_from,source,url
                KAZ,IRN,10,5,0,2025-05-15,EAEU Council decision,https://example.org/eaeu
                KAZ,IRN,85,10,10,2025-05-15,EAEU Council decision,https://example.org/eaeu
                """
            _ = try await workspace.importFile(directory.write("schedule.csv", schedule), as: "schedule.csv", recordedAt: recorded)
        }
        token = try await workspace.createToken(name: "data-officer").secret
        revoked = try await workspace.createToken(name: "former-intern").secret
        _ = try await workspace.store.revokeToken(named: "former-intern", at: Date())
    }

    func server(_ settings: ServerSettings = .init(port: 0)) -> CaravanServer { CaravanServer(workspace: workspace, settings: settings) }

    func app(_ settings: ServerSettings = .init(port: 0)) -> some ApplicationProtocol {
        server(settings).application(logger: log.logger)
    }

    func bearer(_ secret: String) -> HTTPFields { [.authorization: "Bearer \(secret)"] }
}

/// Collects what the server logs, to check what it says and what it must never say.
final class LogRecorder: Sendable {
    private let lines = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "caravan-test") { _ in Handler(recorder: self) }
    }

    var text: String { lines.withLock { $0.joined(separator: "\n") } }

    fileprivate func append(_ line: String) { lines.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            recorder.append(
                "\(event.level) \(event.message) \(all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
        }
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    /// The `error.code` of an error answer.
    var errorCode: String? { ((try? json())?["error"] as? [String: Any])?["code"] as? String }
}
