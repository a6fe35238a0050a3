import CaravanService
import CaravanWatch
import Hummingbird
import Logging
import ServiceLifecycle

/// The HTTP server: the JSON API under `/api/v1`, its OpenAPI description, the dashboard, and
/// the access control around them, all over one workspace.
public struct CaravanServer: Sendable {
    public let workspace: Workspace
    public let settings: ServerSettings

    public init(workspace: Workspace, settings: ServerSettings = .init()) {
        self.workspace = workspace
        self.settings = settings
    }

    /// Every API operation, as routed and as documented; the description lists itself too.
    static let endpoints: [Endpoint] =
        TradeEndpoints.all + TariffEndpoints.all + CorridorEndpoints.all + DossierEndpoints.all + CheckEndpoints.all + WriteEndpoints.all
        + ChangeEndpoints.all
        + MetaEndpoints.all { CaravanServer.endpoints }

    /// The router, middleware first: a deadline at shutdown, log, turn errors into answers, check
    /// tokens, then route.
    public func router() -> Router<CaravanContext> {
        let router = Router(context: CaravanContext.self)
        router.add(middleware: ShutdownDeadline(allowance: .seconds(settings.requestDeadlineSeconds)))
        router.add(middleware: RequestLog())
        router.add(middleware: ErrorResponses(endpoints: Self.endpoints))
        router.add(
            middleware: AccessControl(tokens: TokenCache(workspace: workspace), privateReads: settings.privateReads, endpoints: Self.endpoints))
        // A server keeping no answer still shares the scorecards behind them: those are kept until a batch stores what they read.
        let cache = AnswerCache(workspace: workspace, keeps: settings.keepsAnswers)
        router.add(Self.endpoints, workspace: workspace, settings: settings, cache: cache)
        DashboardRoutes(workspace: workspace, cache: cache, maxUploadBytes: settings.maxUploadBytes).add(to: router)
        return router
    }

    /// The application `caravan serve` runs; `onRunning` hears the port it listens on.
    public func application(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var deliveries = Deliveries(workspace: workspace)
        deliveries.allowsPrivateAddresses = settings.allowsPrivateWatches
        return Application(
            router: router(),
            server: .http1(
                configuration: .init(additionalChannelHandlers: [MalformedRequests()], idleTimeout: .seconds(Int64(settings.idleTimeoutSeconds)))),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Caravan"),
            services: [DeliveryRounds(deliveries: deliveries, logger: logger)],
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? settings.port) },
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT, then stops taking connections and lets the requests in
    /// flight finish; one still running two seconds before the grace period ends is cancelled and
    /// answered 503 (a wait on the database gives up at once), so the server ends within the grace
    /// period. `onRunning` hears the port it listens on.
    public func run(logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: application(logger: logger, onRunning: onRunning))], gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(settings.shutdownGraceSeconds)
        // Past this, whatever ignores its cancellation ends with the process rather than keeping it alive.
        configuration.maximumCancellationDuration = .seconds(ServerSettings.cancellationSeconds)
        try await ServiceGroup(configuration: configuration).run()
    }
}
