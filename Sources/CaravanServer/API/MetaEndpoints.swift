import CaravanService

/// `/healthz` and the API's own description.
enum MetaEndpoints {
    static func all(describing endpoints: @escaping @Sendable () -> [Endpoint]) -> [Endpoint] {
        [
            Endpoint(
                method: .get, path: "/healthz", operationID: "health", tag: "meta",
                summary: "Whether the server is up and its database answers; open even on a private server.", answer: "Health",
                refusals: [503: "The database does not answer."], cached: false
            ) { call in
                do { try await call.workspace.checkStore() } catch {
                    call.context.logger.error("health check failed", metadata: ["error": "\(String(reflecting: error))"])
                    throw APIError.storeUnavailable("the database does not answer")
                }
                return try Answer.json(Health(status: "ok", store: call.workspace.storeKind))
            },
            Endpoint(
                method: .get, path: "/api/v1/openapi.json", operationID: "openapi", tag: "meta", summary: "This description of the API, OpenAPI 3.1.",
                answer: "OpenAPI"
            ) { call in
                try Answer.json(OpenAPIDocument.make(endpoints(), privateReads: call.settings.privateReads))
            },
        ]
    }

    struct Health: Encodable {
        let status: String
        let store: String
    }
}
