/// One field a request takes: its name (`--name` on the command line, `name=` in a query), what
/// its text holds, whether it must be given and whether it may be given more than once.
public struct RequestField: Sendable, Equatable {
    /// What a field's text holds, as the API's description names it; what it means is the reader's to say.
    public enum Value: Sendable, Equatable {
        case text, integer, number
        case choice([String])
    }

    public let name: String
    public var value = Value.text
    public var required = false
    /// May be given more than once (`--avoid-country TKM --avoid-country AZE`, `avoid-country=TKM&avoid-country=AZE`).
    public var repeatable = false
    public let summary: String
    public var example: String?
}

/// What one kind of request takes, declared once: the API's parameters and its OpenAPI description,
/// the dashboard's parameters and, held to it by a test of `--experimental-dump-help`, the command
/// line's options are all this list.
public struct RequestKind: Sendable {
    public let name: String
    public let fields: [RequestField]

    init(_ name: String, _ fields: [RequestField]) {
        self.name = name
        self.fields = fields
    }
}
