import ArgumentParser
import CaravanCore
import CaravanPresentation
import CaravanService

struct ImportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports", abstract: "List the imported files: when each was recorded and what it added.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let batches = try await store.workspace().batches()
        print(try output.format.render(ImportList(imports: batches)), terminator: "")
    }
}
