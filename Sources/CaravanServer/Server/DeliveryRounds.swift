import CaravanWatch
import Logging
import ServiceLifecycle

/// Sends what is owed to watches every second while the server runs, so an import answers at
/// once and its changes follow; stops at the server's graceful shutdown.
struct DeliveryRounds: Service {
    let deliveries: Deliveries
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            // A database that is away is said once, not every second.
            var said: String?
            while !Task.isCancelled {
                do {
                    let round = try await deliveries.sendDue()
                    // One line a watch, five at most a round: a flood of failing watches does not flood the log.
                    for line in round.failureLines() { logger.warning("webhook delivery failed: \(line)") }
                    said = nil
                } catch is CancellationError {
                    // The server is shutting down: the round ends with it, and nothing needs saying.
                    return
                } catch {
                    if said != "\(error)" { logger.warning("webhook deliveries could not be read: \(error)") }
                    said = "\(error)"
                }
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }
}
