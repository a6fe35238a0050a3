import AsyncHTTPClient
import CaravanImport
import Foundation
import NIOCore
import NIOHTTP1

/// Makes calls to the API one try at a time, at the agreed pace; says whether a failed try may
/// pass on another. The key travels in a header, only to the API's own origin, and appears in
/// nothing this writes. Each try is bounded whole — connection, headers and body — by the
/// access's timeout, and its answer by `ComtradeCall.Kind.largestAnswer`.
actor ComtradeClient {
    private let access: ComtradeAccess
    private let http: HTTPClient
    private var lastStart: ContinuousClock.Instant?

    /// Redirects followed within the API's origin before a try gives up.
    static let redirects = 5
    /// The longest wait a `Retry-After` is taken at, before `longestWait` caps it further: a day.
    static let longestAsked: Double = 86_400

    /// Why a try failed, and whether another may pass.
    enum Failure: Error {
        /// A 429, a 5xx, a broken connection or a silence: try again, after `wait` when the API said.
        case passing(String, wait: Duration?)
        /// A refusal another try would meet again: a bad key, a bad parameter, a redirect elsewhere.
        case lasting(String)
    }

    init(access: ComtradeAccess) {
        self.access = access
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: Self.amount(min(access.timeout, .seconds(10))), read: Self.amount(access.timeout)))
        // A refused connection fails the try at once, rather than being retried until the timeout.
        configuration.connectionPool.retryConnectionEstablishment = false
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    func shutdown() async { try? await http.shutdown() }

    /// One try of `call`: its answer is written to `file`. Returns the call as the answer came
    /// from it: `call` itself, or where the API redirected it within its own origin.
    func get(_ call: ComtradeCall, to file: URL) async throws(Failure) -> ComtradeCall {
        await pace()
        let deadline = ContinuousClock.now + access.timeout
        let origin = ComtradeOrigin(access.baseURL)
        var current = call
        var url = access.baseURL + current.requestTarget
        for _ in 0...Self.redirects {
            var request = HTTPClientRequest(url: url)
            request.headers.add(name: "Accept", value: "application/json")
            if let key = access.key { request.headers.add(name: "Ocp-Apim-Subscription-Key", value: key) }
            let answer: Answer
            do {
                answer = try await Self.within(deadline) { [http, request] in
                    try await Self.exchange(request, http: http, to: file, limit: call.largestAnswer)
                }
            } catch let failure as Failure {
                throw failure
            } catch is TimedOut {
                throw .passing("no whole answer within \(access.timeout.components.seconds) s", wait: nil)
            } catch  where ComtradeFailureText.isUnresolvedName(error) {
                let host = URL(string: url)?.host ?? url
                throw .lasting("the host name \(host) does not resolve; check --api-url and the network's name service")
            } catch {
                throw .passing(ComtradeFailureText.describe(error), wait: nil)
            }
            switch answer {
            case .written:
                return current
            case .refused(let status, let headers, let message):
                let said = "HTTP \(status)\(message.map { ": \($0)" } ?? "")"
                switch status {
                case 429, 500...599: throw .passing(said, wait: Self.retryAfter(headers))
                case 401, 403: throw .lasting("the API refused the key (\(said)); check $COMTRADE_KEY")
                default: throw .lasting(said)
                }
            case .redirected(let status, let location):
                let target = try origin.redirect(from: url, to: location, status: status)
                guard let next = ComtradeCall(requestTarget: target.target) else {
                    throw .lasting("HTTP \(status) to \(target.target.prefix(80)), which is not a call this fetch makes")
                }
                current = next
                url = target.url
            }
        }
        throw .lasting("more than \(Self.redirects) redirects")
    }

    /// What one exchange came to.
    private enum Answer: Sendable {
        case written
        case refused(UInt, HTTPHeaders, String?)
        case redirected(UInt, location: String)
    }

    private struct TimedOut: Error {}

    /// One request and its whole answer: a 200's body written to `file`, at most `limit` bytes.
    private static func exchange(_ request: HTTPClientRequest, http: HTTPClient, to file: URL, limit: Int64) async throws -> Answer {
        let response = try await http.execute(request, timeout: .hours(1))
        let status = response.status.code
        if (300..<400).contains(status), let location = response.headers.first(name: "Location") {
            return .redirected(status, location: location)
        }
        guard status == 200 else { return .refused(status, response.headers, await message(response)) }
        FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        var written: Int64 = 0
        for try await chunk in response.body {
            written += Int64(chunk.readableBytes)
            guard written <= limit else {
                throw Failure.lasting("the answer runs past \(limit >> 20) MiB, more than one call's answer can hold; nothing of it was stored")
            }
            try handle.write(contentsOf: Data(chunk.readableBytesView))
        }
        return .written
    }

    /// `work`'s result, or `TimedOut` once `deadline` passes first: `work` is cancelled then,
    /// which ends an exchange however slowly its answer trickles in.
    private static func within<Result: Sendable>(
        _ deadline: ContinuousClock.Instant, _ work: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(until: deadline)
                return nil
            }
            defer { group.cancelAll() }
            guard case let result?? = try await group.next() else { throw TimedOut() }
            return result
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

    /// What `Retry-After` asks: seconds, or an HTTP date; at most a day, whatever it says, so no
    /// number it sends can overflow a duration.
    static func retryAfter(_ headers: HTTPHeaders) -> Duration? {
        guard let value = headers.first(name: "Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value), seconds >= 0, seconds.isFinite { return .seconds(min(seconds, longestAsked)) }
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = TimeZone(identifier: "GMT")
        format.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = format.date(from: value) else { return nil }
        return .seconds(min(max(0, date.timeIntervalSinceNow), longestAsked))
    }

    /// The API's own words from a refusal's body: its `message` or `error`, else the text, cut short and made printable.
    private static func message(_ response: HTTPClientResponse) async -> String? {
        guard let body = try? await response.body.collect(upTo: 1 << 16) else { return nil }
        let data = Data(body.readableBytesView)
        var text = String(decoding: data, as: UTF8.self)
        if let object = try? CheckedJSON.object(data) {
            text = (object["message"] as? String) ?? (object["error"] as? String) ?? text
        }
        let printable = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
            .trimmingCharacters(in: .whitespaces)
        guard !printable.isEmpty else { return nil }
        return printable.count > 160 ? String(printable.prefix(159)) + "…" : printable
    }

    static func amount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
