import CaravanService
import Hummingbird

/// The OpenAPI 3.1 description of the API, made from the same endpoint declarations the router
/// uses, so it cannot drift from what the server does.
enum OpenAPIDocument {
    static func make(_ endpoints: [Endpoint], privateReads: Bool) -> JSONValue {
        var paths: [String: [String: JSONValue]] = [:]
        for endpoint in endpoints {
            paths[endpoint.path, default: [:]][endpoint.method.rawValue.lowercased()] = operation(endpoint, privateReads: privateReads)
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Caravan API", "version": "1",
                "description": .string(
                    """
                    Is a trade and transit partnership delivering? The ledger of trade statistics, the corridor network and the \
                    partnership's scorecard, as JSON: the same shapes `caravan … --format json` writes. Every figure names its source \
                    and vintage. Writes, and a token's list of its watches, need `Authorization: Bearer TOKEN` (`caravan token create`)\(privateReads ? "; on this server, reads do too" : "").
                    """),
            ],
            "paths": .object(paths.mapValues { .object($0) }),
            "components": [
                "schemas": .object(Schemas.all),
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer", "description": "A token from `caravan token create`."]],
            ],
        ]
    }

    private static func operation(_ endpoint: Endpoint, privateReads: Bool) -> JSONValue {
        var responses: [String: JSONValue] = [
            "200": ["description": "The answer.", "content": ["application/json": ["schema": Schemas.ref(endpoint.answer)]]]
        ]
        var refusals = endpoint.refusals
        // Every operation's parameters are checked: an unknown, repeated or ill-formed one is refused.
        refusals[400] = refusals[400] ?? "A parameter is unknown, repeated, missing or wrong."
        let guarded = endpoint.needsToken || (privateReads && endpoint.path != "/healthz")
        if guarded {
            refusals[401] = refusals[401] ?? "No token, or an unknown one."
            refusals[403] = refusals[403] ?? "The token was revoked."
        }
        if endpoint.body != nil { refusals[415] = "The body is sent as a media type the operation does not take (a form, say)." }
        // Every operation may find the database down or held by another writer.
        refusals[503] =
            refusals[503]
            ?? "The database does not answer (store_unavailable), another import holds it (store_busy; ask again after Retry-After seconds), or it is a replica that takes no writes (store_read_only); or the server is shutting down (shutting_down)."
        for (status, why) in refusals {
            let schema = status < 300 ? Schemas.ref(endpoint.answer) : Schemas.ref("Error")
            var response: [String: JSONValue] = ["description": .string(why), "content": ["application/json": ["schema": schema]]]
            if status == 503 {
                response["headers"] = ["Retry-After": ["description": "Seconds to wait before asking again.", "schema": Schemas.integer]]
            }
            responses[String(status)] = .object(response)
        }
        var operation: [String: JSONValue] = [
            "operationId": .string(endpoint.operationID), "summary": .string(endpoint.summary), "tags": [.string(endpoint.tag)],
            "parameters": .array(endpoint.parameters.map(parameter)), "responses": .object(responses),
        ]
        if guarded { operation["security"] = [["bearer": []]] }
        switch endpoint.body {
        case .file:
            operation["requestBody"] = [
                "required": true, "description": "The file's bytes, as read from disk.",
                "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary"]]],
            ]
        case .dossier:
            // Described as bytes, which generated clients send as they are; the server takes the YAML types too.
            operation["requestBody"] = [
                "required": true, "description": "The dossier in YAML (docs/dossier.md), as UTF-8 bytes.",
                "content": [
                    "application/octet-stream": ["schema": ["type": "string", "format": "binary", "contentMediaType": "application/yaml"]]
                ],
            ]
        case .article:
            // Described as bytes, as the dossier is, which generated clients send as they are; the server takes text types too.
            operation["requestBody"] = [
                "required": true, "description": "The article as UTF-8 bytes: plain text, Markdown or HTML (at most 10 MB).",
                "content": ["application/octet-stream": ["schema": ["type": "string", "format": "binary", "contentMediaType": "text/plain"]]],
            ]
        case nil: break
        }
        return .object(operation)
    }

    private static func parameter(_ parameter: Parameter) -> JSONValue {
        var schema: JSONValue =
            switch parameter.field.value {
            case .text: Schemas.string
            case .integer: Schemas.integer
            case .number: Schemas.number
            case .choice(let choices): ["type": "string", "enum": .array(choices.map { .string($0) })]
            }
        if parameter.repeated { schema = Schemas.array(schema) }
        var description: [String: JSONValue] = [
            "name": .string(parameter.name), "in": .string(parameter.location.rawValue), "required": .bool(parameter.required),
            "description": .string(parameter.summary), "schema": schema,
        ]
        if parameter.repeated { description["explode"] = true }
        if let example = parameter.example { description["example"] = parameter.repeated ? [.string(example)] : .string(example) }
        return .object(description)
    }
}
