import ArgumentParser
import CaravanServer
import CaravanService
import Foundation
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the dashboard and the JSON API over HTTP until SIGTERM or SIGINT.",
        discussion: """
            The dashboard is at /, the API under /api/v1 (described at /api/v1/openapi.json), health at /healthz. \
            Reads are open unless --private; every write needs Authorization: Bearer TOKEN (caravan token create). \
            On SIGTERM or SIGINT the server stops taking connections, lets requests in flight finish for up to 10 s, \
            cancels those still running, and exits. \
            One log line per request goes to stderr. See docs/server.md.
            """)

    @Option(help: "The address to listen on (0.0.0.0 for every interface).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 for any free port; the one taken is printed).")
    var port = 8080

    @Flag(name: .customLong("private"), help: "Reads need a token too, not only writes.")
    var privateReads = false

    @Option(name: .customLong("max-upload-mb"), help: "The largest file an import may upload, in MiB.")
    var maxUploadMB = 512

    @Option(name: .customLong("idle-timeout"), help: "Seconds a connection may sit idle before it is closed.")
    var idleTimeout = 60

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    @Flag(
        name: .customLong("no-answer-cache"),
        help: "Keep no answer: make every response afresh from the kept scorecards, to measure what making one costs.")
    var noAnswerCache = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var watches: WatchOptions

    func validate() throws {
        if !(0...65_535).contains(port) { throw ValidationError("--port must be 0 to 65535") }
        if maxUploadMB < 1 { throw ValidationError("--max-upload-mb must be at least 1") }
        if idleTimeout < 1 { throw ValidationError("--idle-timeout must be at least 1 second") }
        if Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
    }

    func run() async throws {
        // Logs to stderr, so stdout carries only the line saying where the server listens.
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        // A request waits a few seconds for another process's import, then is answered 503.
        let workspace = try await store.location.open(create: true, waitLimit: .seconds(5))
        var logger = Logger(label: "caravan")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let settings = ServerSettings(
            host: host, port: port, privateReads: privateReads, maxUploadBytes: maxUploadMB << 20, idleTimeoutSeconds: idleTimeout,
            keepsAnswers: !noAnswerCache, allowsPrivateWatches: watches.allowsPrivate)
        let location = store.location
        let server = CaravanServer(workspace: workspace, settings: settings)
        do {
            try await server.run(logger: logger) { port in
                let line = "Caravan is serving \(location) on http://\(settings.host):\(port)/ (API /api/v1, OpenAPI /api/v1/openapi.json)\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        } catch {
            await workspace.close()
            throw error
        }
        await workspace.close()
    }
}
