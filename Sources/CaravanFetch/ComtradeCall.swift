import Foundation

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

    /// `path?name=value&…` as sent: each name and value percent-encoded but for the commas that
    /// list periods and flows, so no value can add a parameter or end the query.
    var requestTarget: String {
        path + "?" + parameters.map { "\(Self.encoded($0))=\(Self.encoded($1))" }.joined(separator: "&")
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~,")

    private static func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? "" }

    /// The call a request target (`/public/v1/preview/C/A/HS?reporterCode=398&…`) makes; nil when it is not one.
    init?(requestTarget: String) {
        let parts = requestTarget.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        guard let path = parts.first.flatMap({ String($0).removingPercentEncoding }), path.hasPrefix("/") else { return nil }
        var parameters: [(String, String)] = []
        for pair in parts.count > 1 ? parts[1].split(separator: "&") : [] {
            let sides = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = String(sides[0]).removingPercentEncoding, let value = String(sides.count > 1 ? sides[1] : "").removingPercentEncoding
            else { return nil }
            parameters.append((name, value))
        }
        self.init(path: path, parameters: parameters)
    }

    init(path: String, parameters: [(String, String)]) {
        self.path = path
        self.parameters = parameters
    }

    /// The most bytes an answer to this call may take: an availability list is a few KB a
    /// reporter; a data answer of 100,000 records with descriptions about 150 MB.
    var largestAnswer: Int64 { path.contains("/getDA/") ? 16 << 20 : 512 << 20 }

    /// The call in a few words, for messages: `figures of reporter 398 with 364 for 2020,2021 (M,X)`.
    public var brief: String {
        var text = (path.contains("/getDA/") ? "releases" : "figures") + " of reporter \(value("reporterCode") ?? "?")"
        if let partner = value("partnerCode") { text += " with \(partner)" }
        if let period = value("period") { text += " for " + (period.count > 40 ? period.prefix(39) + "…" : period) }
        if let flow = value("flowCode") { text += " (\(flow))" }
        return text
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
