import ArgumentParser
import CaravanPresentation
import CaravanService
import Foundation

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage the access tokens the server asks for: every write, and every read of a --private server.",
        discussion: "A token's secret is printed once, when it is made; the database keeps only its SHA-256.",
        subcommands: [CreateTokenCommand.self, ListTokensCommand.self, RevokeTokenCommand.self])
}

struct CreateTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Make a token and print its secret, once: send it as `Authorization: Bearer SECRET`.")

    @Option(help: "Who or what holds it (letters, digits, '.', '-', '_'): newsroom-script, data-officer.")
    var name: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let issued = try await store.writableWorkspace().createToken(name: name)
        FileHandle.standardError.write(Data("Token '\(issued.token.name)' created; its secret is shown only this once:\n".utf8))
        print(issued.secret)
    }
}

struct ListTokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tokens, active and revoked, without their secrets.")

    @OptionGroup var output: OutputOptions
    @OptionGroup var store: StoreOptions

    func run() async throws {
        print(try output.format.render(TokenList(try await store.workspace().tokens())), terminator: "")
    }
}

struct RevokeTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke the active token of a name: a running server refuses it within a second.")

    @Argument(help: "The token's name.")
    var name: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let token = try await store.workspace().revokeToken(named: name, at: Date())
        print("Token '\(token.name)' (#\(token.id)) revoked.")
    }
}
