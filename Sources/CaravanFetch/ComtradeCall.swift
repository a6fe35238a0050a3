/// One call to the API: its path and parameters, in the API's own names.
public struct ComtradeCall: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    /// The parameters, in a fixed order, so that the same call is always written the same way.
    public var parameters: [(String, String)]

    public static func == (a: ComtradeCall, b: ComtradeCall) -> Bool {
        a.path == b.path && a.parameters.elementsEqual(b.parameters) { $0 == $1 }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        for (name, value) in parameters {
            hasher.combine(name)
            hasher.combine(value)
        }
    }

    /// `path?name=value&…`: what the import log records the answer under. Never holds the key,
    /// which travels in a header.
    public var description: String {
        path + "?" + parameters.map { "\($0)=\($1)" }.joined(separator: "&")
    }

    /// The name the answer is imported under.
    public var importName: String { "comtrade:" + description }

    /// The value of a parameter.
    public func value(_ name: String) -> String? { parameters.first { $0.0 == name }?.1 }

    /// The same call with one parameter's value replaced.
    func with(_ name: String, _ value: String) -> ComtradeCall {
        var call = self
        call.parameters = parameters.map { $0.0 == name ? (name, value) : $0 }
        return call
    }
}
