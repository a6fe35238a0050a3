import ArgumentParser
import CaravanService
import Foundation

extension Workspace {
    /// A request read from the command's options by the parser every entry point shares; what it
    /// refuses is a usage error naming the option (exit code 64).
    func read<Request>(_ options: [String: [String]], _ parse: (RequestReader) async throws -> Request) async throws -> Request {
        do {
            return try await parse(RequestReader(RequestValues(.commandLine, options), workspace: self))
        } catch let error as RequestError {
            // A usage error, but of one option: its reason, without the whole command's usage.
            FileHandle.standardError.write(Data("Error: \(error.description)\n".utf8))
            throw ExitCode(64)
        }
    }
}

/// Options as the parser takes them: by name, the ones not given left out.
func options(_ pairs: (String, String?)...) -> [String: [String]] {
    var options: [String: [String]] = [:]
    for (name, value) in pairs { if let value { options[name] = [value] } }
    return options
}
