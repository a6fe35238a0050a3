import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Makes calls to the API one try at a time, at the agreed pace; says whether a failed try may
/// pass on another. The key travels in a header and appears in nothing this writes.
actor ComtradeClient {
    private let access: ComtradeAccess
    private let http: HTTPClient
    private var lastStart: ContinuousClock.Instant?

    /// Why a try failed, and whether another may pass.
    enum Failure: Error {
        /// A 429, a 5xx, a broken connection or a silence: try again, after `wait` when the API said.
        case passing(String, wait: Duration?)
        /// A refusal another try would meet again: a bad key, a bad parameter.
        case lasting(String)
    }

    init(access: ComtradeAccess) {
        self.access = access
        http = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(
                timeout: .init(connect: Self.amount(min(access.timeout, .seconds(10))), read: Self.amount(access.timeout))))
    }

    func shutdown() async { try? await http.shutdown() }

    /// One try of `call`: its answer is written to `file`.
    func get(_ call: ComtradeCall, to file: URL) async throws(Failure) {
        await pace()
        var request = HTTPClientRequest(url: access.baseURL + call.description)
        request.headers.add(name: "Accept", value: "application/json")
        if let key = access.key { request.headers.add(name: "Ocp-Apim-Subscription-Key", value: key) }
        let response: HTTPClientResponse
        do {
            response = try await http.execute(request, timeout: Self.amount(access.timeout))
        } catch {
            throw .passing("the call failed: \(Self.describe(error))", wait: nil)
        }
        let status = response.status.code
        guard status == 200 else {
            let message = await Self.message(response)
            let said = "HTTP \(status)\(message.map { ": \($0)" } ?? "")"
            switch status {
            case 429, 500...599: throw .passing(said, wait: Self.retryAfter(response.headers))
            case 401, 403: throw .lasting("the API refused the key (\(said)); check $COMTRADE_KEY")
            default: throw .lasting(said)
            }
        }
        do {
            FileManager.default.createFile(atPath: file.path, contents: nil)
            let handle = try FileHandle(forWritingTo: file)
            defer { try? handle.close() }
            for try await chunk in response.body { try handle.write(contentsOf: Data(chunk.readableBytesView)) }
        } catch {
            throw .passing("the answer broke off: \(Self.describe(error))", wait: nil)
        }
    }

    /// Waits until a call may start: at most `callsPerSecond`.
    private func pace() async {
        let interval = Duration.seconds(1 / max(access.callsPerSecond, 0.001))
        if let lastStart {
            let next = lastStart + interval
            if next > .now { try? await Task.sleep(until: next) }
        }
        lastStart = .now
    }

    /// What `Retry-After` asks: seconds, or an HTTP date.
    static func retryAfter(_ headers: HTTPHeaders) -> Duration? {
        guard let value = headers.first(name: "Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value), seconds >= 0, seconds.isFinite { return .seconds(seconds) }
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "GMT")
        format.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = format.date(from: value) else { return nil }
        return .seconds(max(0, date.timeIntervalSinceNow))
    }

    /// The API's own words from a refusal's body: its `message` or `error`, else the text, cut short and made printable.
    private static func message(_ response: HTTPClientResponse) async -> String? {
        guard let body = try? await response.body.collect(upTo: 1 << 16) else { return nil }
        let data = Data(body.readableBytesView)
        var text = String(decoding: data, as: UTF8.self)
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            text = (object["message"] as? String) ?? (object["error"] as? String) ?? text
        }
        let printable = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
            .trimmingCharacters(in: .whitespaces)
        guard !printable.isEmpty else { return nil }
        return printable.count > 300 ? String(printable.prefix(299)) + "…" : printable
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError { return "\(error)" }
        return String(describing: error)
    }

    static func amount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
