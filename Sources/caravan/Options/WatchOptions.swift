import ArgumentParser
import Foundation

/// Whether watches may point into this machine's own networks: shared by every command that adds
/// watches or sends what they are owed, so a server and the commands beside it agree.
struct WatchOptions: ParsableArguments {
    @Flag(
        name: .customLong("allow-private-watches"),
        help: "Let watches go to loopback, private and link-local addresses too (default: $CARAVAN_ALLOW_PRIVATE_WATCHES=1, else public only).")
    var allowPrivate = false

    /// The flag, else the environment: a deployment whose receivers are on its own network sets it once.
    var allowsPrivate: Bool {
        allowPrivate || ["1", "true", "yes"].contains(ProcessInfo.processInfo.environment["CARAVAN_ALLOW_PRIVATE_WATCHES"]?.lowercased() ?? "")
    }
}
