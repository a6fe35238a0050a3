import ArgumentParser
import CaravanPresentation
import CaravanService
import CaravanWatch
import Foundation

struct ChangesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "List what changed in the scorecards: each test's or target's status and each claim's verdict, from what to what, and why.",
        discussion: """
            Every import, dossier and fetch judges the stored partnerships again and records what changed, with the batch \
            that caused it; a change with nothing new stored (a deadline passed) says "judged again". See docs/changes.md.
            """)

    @Option(help: "Only this partnership's changes.")
    var partnership: String?

    @Option(help: "Only changes since this date (YYYY-MM-DD, from its first instant) or ISO 8601 time.")
    var since: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let workspace = try await store.workspace()
        let request = try await workspace.read { try $0.changes(ChangesRequest.Asked(partnership: partnership, since: since)) }
        let changes = try await workspace.changes(partnership: request.partnership, since: request.since)
        if changes.isEmpty && output.format == .table {
            print("No change recorded\(request.since == nil ? "" : " since then"): imports record one when a status or verdict moves.")
            return
        }
        print(try output.format.render(ChangeList(changes)), terminator: "")
    }
}

struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Tell an address of every change of a partnership's scorecard: a signed POST for each (a webhook).",
        discussion: """
            Each delivery is a POST of {"changes": [CHANGE]} with X-Caravan-Signature: sha256=HMAC-SHA256(body, secret). \
            A running server sends what is owed every second; a failed delivery is tried again, the wait doubling, \
            up to 8 tries. Only public addresses are sent to, unless --allow-private-watches; redirects are not followed. \
            See docs/changes.md.
            """,
        subcommands: [AddWatchCommand.self, ListWatchesCommand.self, RemoveWatchCommand.self, DeliverCommand.self])
}

struct AddWatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add an address and print the secret its deliveries are signed with, once.")

    @Option(help: "The http or https address each change is posted to.")
    var url: String

    @Option(help: "Only this partnership's changes (default: every partnership's).")
    var partnership: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var watches: WatchOptions

    func run() async throws {
        let workspace = try await store.writableWorkspace()
        let request = try await workspace.read {
            try $0.watch(WatchRequest.Asked(url: url, partnership: partnership), allowingPrivate: watches.allowsPrivate)
        }
        let watch = try await workspace.addWatch(request)
        FileHandle.standardError.write(
            Data("Watch #\(watch.id) added for \(watch.partnership ?? "every partnership"); its signing secret is shown only this once:\n".utf8))
        print(watch.secret)
    }
}

struct ListWatchesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the watches, active and removed, without their secrets.")

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        print(try output.format.render(WatchList(try await store.workspace().watches())), terminator: "")
    }
}

struct RemoveWatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Stop a watch; what it is still owed is not sent.")

    @Argument(help: "The watch's id, as `caravan watch list` shows it.")
    var id: Int64

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let watch = try await store.writableWorkspace().removeWatch(id: id)
        print("Watch #\(watch.id) (\(watch.url)) removed.")
    }
}

struct DeliverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver", abstract: "Send what is owed to the watches now, once each; what fails waits for a later round.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var watches: WatchOptions

    func run() async throws {
        let workspace = try await store.writableWorkspace()
        var deliveries = Deliveries(workspace: workspace)
        deliveries.allowsPrivateAddresses = watches.allowsPrivate
        let round = try await deliveries.sendDue()
        for line in round.failureLines() { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        let owed = try await workspace.pendingDeliveries()
        print("\(round.delivered) delivered, \(round.failed.count) failed; \(owed) still owed")
        if !round.failed.isEmpty { throw ExitCode(1) }
    }
}
