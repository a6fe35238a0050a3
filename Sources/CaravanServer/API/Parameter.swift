import CaravanService

/// A query or path parameter an endpoint takes: one field of a request kind's declaration
/// (`RequestKind`), checked before the handler runs and documented in the OpenAPI description.
struct Parameter: Sendable {
    enum Location: String, Sendable { case query, path }

    let field: RequestField
    var location = Location.query

    var name: String { field.name }
    var required: Bool { field.required }
    /// May be given more than once (`avoid-country=TKM&avoid-country=AZE`).
    var repeated: Bool { field.repeatable }
    var summary: String { field.summary }
    var example: String? { field.example }
}

extension Parameter {
    /// A request kind's fields, as a query's parameters.
    static func query(_ kind: RequestKind) -> [Parameter] { kind.fields.map { Parameter(field: $0) } }

    /// A request kind's fields, as segments of the path.
    static func path(_ kind: RequestKind) -> [Parameter] { kind.fields.map { Parameter(field: $0, location: .path) } }

    /// The fields of every kind a page reads, once each and none required: a page shows something
    /// sensible with none given (the partnership's own pair, no route) and says what is wrong with what is.
    static func page(_ kinds: RequestKind...) -> [Parameter] {
        var fields: [RequestField] = []
        for field in kinds.flatMap(\.fields) where !fields.contains(where: { $0.name == field.name }) {
            var optional = field
            optional.required = false
            fields.append(optional)
        }
        return fields.map { Parameter(field: $0) }
    }
}
