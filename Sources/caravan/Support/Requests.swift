import ArgumentParser
import CaravanService
import Foundation

extension Workspace {
    /// A request read from the command's options, as asked, by the parser every entry point
    /// shares; what it refuses is a usage error naming the option (exit code 64).
    func read<Request>(_ parse: (RequestReader) async throws -> Request) async throws -> Request {
        do {
            return try await parse(RequestReader(.commandLine, workspace: self))
        } catch let error as RequestError {
            // A usage error, but of one option: its reason, without the whole command's usage.
            FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
            throw ExitCode(64)
        }
    }
}
