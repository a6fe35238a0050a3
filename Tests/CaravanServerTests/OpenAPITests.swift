import CaravanData
import CaravanServer
import CaravanTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The OpenAPI description")
struct OpenAPITests {
    static func document(_ served: ServedWorkspace) async throws -> [String: Any] {
        try await served.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { try $0.json() }
        }
    }

    static func operations(_ document: [String: Any]) -> [(method: String, path: String, operation: [String: Any])] {
        let paths = document["paths"] as? [String: [String: Any]] ?? [:]
        return paths.flatMap { path, methods in
            methods.compactMap { method, operation in (operation as? [String: Any]).map { (method.uppercased(), path, $0) } }
        }.sorted { ($0.path, $0.method) < ($1.path, $1.method) }
    }

    @Test("describes exactly the routes the router has, no more and no fewer")
    func complete() async throws {
        let served = try await ServedWorkspace()
        let documented = Set(Self.operations(try await Self.document(served)).map { "\($0.method) \($0.path)" })
        let routed = Set(
            served.server().router().routes.filter { $0.path.description.hasPrefix("/api/") || $0.path.description == "/healthz" }.map {
                "\($0.method.rawValue) \($0.path.description)"
            })
        #expect(documented == routed)
        #expect(documented.count >= 15)
    }

    @Test("is valid OpenAPI, as openapi-spec-validator reads it", .enabled(if: Tools.required || Tools.python(has: "openapi_spec_validator")))
    func valid() async throws {
        let served = try await ServedWorkspace()
        let text = try await served.app().test(.router) { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { $0.text }
        }
        let file = served.directory.write("openapi.json", text)
        // Python's start and imports take seconds on a loaded machine: waited for off the pool the servers of other suites answer on.
        let result = try await Command.detached { try Command.run("/usr/bin/env", ["python3", "-m", "openapi_spec_validator", file]) }
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test("every documented operation, called with its examples, answers as documented")
    func everyOperation() async throws {
        let served = try await ServedWorkspace()
        let figures = WriteTests.figures
        let dossier = try String(contentsOf: BundledData.dossierFiles[0], encoding: .utf8)
        try await served.app().test(.router) { client in
            let document = try await client.execute(uri: "/api/v1/openapi.json", method: .get) { try $0.json() }
            let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]] ?? [:]
            for (method, path, operation) in Self.operations(document) {
                var query: [String] = []
                var resolved = path
                // Required parameters must have an example; optional ones are sent when they have one.
                for parameter in operation["parameters"] as? [[String: Any]] ?? []
                where parameter["required"] as? Bool == true || parameter["example"] != nil {
                    let name = parameter["name"] as? String ?? ""
                    // A repeated parameter's example is a list of values.
                    let examples = (parameter["example"] as? [String]) ?? (parameter["example"] as? String).map { [$0] }
                    let values = try #require(examples, "\(method) \(path): '\(name)' is required but has no example")
                    for example in values {
                        if parameter["in"] as? String == "path" {
                            resolved = resolved.replacingOccurrences(of: "{\(name)}", with: example)
                        } else {
                            let encoded =
                                example.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~:"))) ?? example
                            query.append("\(name)=\(encoded)")
                        }
                    }
                }
                let uri = resolved + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
                let body =
                    method == "GET"
                    ? nil : ByteBuffer(string: path.contains("dossiers") ? dossier : path.contains("check") ? BundledData.seedArticle : figures)
                // Writes, and reads of the token's own, say they need a token.
                let headers = method == "GET" && operation["security"] == nil ? HTTPFields() : served.bearer(served.token)
                let response = try await client.execute(uri: uri, method: HTTPRequest.Method(method)!, headers: headers, body: body)
                do {
                    let responses = operation["responses"] as? [String: Any] ?? [:]
                    #expect(
                        responses[String(response.status.code)] != nil,
                        "\(method) \(uri) answered \(response.status.code): \(response.text.prefix(300))")
                    #expect((200..<300).contains(response.status.code), "\(method) \(uri): \(response.text.prefix(300))")
                    // The answer has what its schema says it must.
                    let content = (responses["200"] as? [String: Any])?["content"] as? [String: Any]
                    let reference = ((content?["application/json"] as? [String: Any])?["schema"] as? [String: Any])?["$ref"] as? String
                    let schema = schemas[reference?.split(separator: "/").last.map(String.init) ?? ""] ?? [:]
                    let answer = try response.json()
                    for key in schema["required"] as? [String] ?? [] {
                        #expect(answer[key] != nil, "\(method) \(uri): no '\(key)' in the answer")
                    }
                }
            }
        }
    }
}
