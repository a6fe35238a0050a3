import ArgumentParser

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the JSON API and the dashboard over HTTP.")
    func run() async throws {}
}
