import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// A stand-in for UN Comtrade on loopback: answers the preview, data and availability calls from a
/// set of records, as the API filters them, and misbehaves on request — 429 with Retry-After, 500,
/// an answer cut short, a transfer broken off, a slow answer, a refusal.
final class ComtradeReplay: Sendable {
    /// What to do to the next data call instead of answering it.
    enum Fault: Sendable {
        case tooMany(retryAfter: String)
        case serverError
        /// A complete HTTP answer whose JSON stops half-way.
        case cutJSON
        /// Promises the whole answer, sends half and drops the connection.
        case brokenTransfer
        /// Answers after a pause.
        case slow(Duration)
        /// A refusal no retry passes.
        case badRequest
        /// Headers at once, then the body one byte at a time, `every` apart, without end.
        case drip(every: Duration)
        /// A redirect to `location`.
        case redirect(to: String, status: HTTPResponse.Status)
        /// A 200 answer with this body, whatever was asked.
        case body(String)
        /// A 200 answer of `bytes` bytes: an opening, then spaces.
        case huge(bytes: Int)
    }

    static let validKey = "test-subscription-key"

    /// Its records hold only JSON's strings and numbers, so they cross tasks safely.
    private struct State: @unchecked Sendable {
        var records: [[String: Any]] = []
        var released: [String: String] = [:]
        var faults: [Fault] = []
        var dataCalls: [String] = []
        var availabilityCalls = 0
        var availabilityFaults: [Fault] = []
        var keysSeen: [String] = []
        var waits: [ContinuousClock.Instant] = []
    }

    private let state: Mutex<State>

    init(records: [[String: Any]]) {
        state = Mutex(State(records: records))
    }

    /// The release date the availability endpoint gives a reporter's period (default 2024-07-01).
    func release(reporter: Int, period: String, on date: String) { state.withLock { $0.released["\(reporter)/\(period)"] = date } }

    /// Faults for the next data calls, in order.
    func inject(_ faults: [Fault]) { state.withLock { $0.faults += faults } }

    /// Faults for the next availability calls, in order.
    func injectAvailability(_ faults: [Fault]) { state.withLock { $0.availabilityFaults += faults } }

    /// Every subscription key sent with a call, in order.
    var keysSeen: [String] { state.withLock { $0.keysSeen } }

    /// The data calls received, as path?query, in order.
    var dataCalls: [String] { state.withLock { $0.dataCalls } }
    /// When each data call arrived.
    var arrivals: [ContinuousClock.Instant] { state.withLock { $0.waits } }

    var router: Router<BasicRequestContext> {
        let router = Router()
        for root in ["public/v1", "data/v1"] {
            let keyed = root == "data/v1"
            router.get("\(root)/getDA/C/:freq/HS") { request, context in
                self.noteKey(request)
                if keyed, let refusal = Self.refusal(request) { return refusal }
                let fault = self.state.withLock { $0.availabilityFaults.isEmpty ? nil : $0.availabilityFaults.removeFirst() }
                if let fault, let response = try await Self.answer(fault, body: "") { return response }
                return try self.availability(request)
            }
            router.get("\(root)/\(keyed ? "get" : "preview")/C/:freq/HS") { request, context in
                self.noteKey(request)
                if keyed, let refusal = Self.refusal(request) { return refusal }
                return try await self.data(request, freq: context.parameters.get("freq") ?? "A")
            }
        }
        return router
    }

    private func noteKey(_ request: Request) {
        if let key = request.headers[HTTPField.Name("Ocp-Apim-Subscription-Key")!] { state.withLock { $0.keysSeen.append(key) } }
    }

    private static func refusal(_ request: Request) -> Response? {
        guard request.headers[HTTPField.Name("Ocp-Apim-Subscription-Key")!] != validKey else { return nil }
        return json(
            #"{ "statusCode": 401, "message": "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription." }"#,
            status: .unauthorized)
    }

    private static func json(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private static func values(_ request: Request, _ name: String) -> [String]? {
        request.uri.queryParameters.get(name).map { $0.split(separator: ",").map(String.init) }
    }

    private func availability(_ request: Request) throws -> Response {
        let reporters = Self.values(request, "reporterCode")
        let periods = Self.values(request, "period")
        let rows: [[String: Any]] = state.withLock { state in
            state.availabilityCalls += 1
            var seen = Set<String>()
            return state.records.compactMap { record in
                let reporter = "\(record["reporterCode"]!)"
                let period = "\(record["period"]!)"
                guard reporters?.contains(reporter) != false, periods?.contains(period) != false, seen.insert("\(reporter)/\(period)").inserted
                else { return nil }
                return [
                    "typeCode": "C", "freqCode": record["freqCode"]!, "period": period, "reporterCode": record["reporterCode"]!,
                    "classificationCode": record["classificationCode"]!, "firstReleased": "2023-07-01T00:00:00",
                    "lastReleased": state.released["\(reporter)/\(period)"] ?? "2024-07-01T00:00:00",
                ]
            }
        }
        let body = try JSONSerialization.data(withJSONObject: ["elapsedTime": "0.01 secs", "count": rows.count, "data": rows, "error": ""])
        return Self.json(String(decoding: body, as: UTF8.self))
    }

    private func data(_ request: Request, freq: String) async throws -> Response {
        let (fault, records) = state.withLock { state -> (Fault?, [[String: Any]]) in
            state.dataCalls.append(request.uri.description)
            state.waits.append(.now)
            let fault = state.faults.isEmpty ? nil : state.faults.removeFirst()
            return (fault, state.records)
        }
        let selected = Self.select(records, request, freq: freq)
        let body = String(
            decoding: try JSONSerialization.data(withJSONObject: ["elapsedTime": "0.02 secs", "count": selected.count, "data": selected, "error": ""]
            ),
            as: UTF8.self)
        guard let fault else { return Self.json(body) }
        return try await Self.answer(fault, body: body) ?? Self.json(body)
    }

    /// The answer `fault` makes of `body`; nil for a fault that answers as usual.
    private static func answer(_ fault: Fault, body: String) async throws -> Response? {
        switch fault {
        case .tooMany(let retryAfter):
            return Self.json(
                #"{ "statusCode": 429, "message": "Rate limit is exceeded. Try again in \#(retryAfter) seconds." }"#, status: .tooManyRequests,
                headers: [HTTPField.Name("Retry-After")!: retryAfter])
        case .serverError: return Self.json(#"{ "error": "An unexpected error occurred." }"#, status: .internalServerError)
        case .badRequest: return Self.json(#"{ "error": "Invalid parameter: period" }"#, status: .badRequest)
        case .cutJSON: return Self.json(String(body.prefix(body.count / 2)))
        case .slow(let pause):
            try await Task.sleep(for: pause)
            return nil
        case .brokenTransfer:
            let half = ByteBuffer(string: String(body.prefix(body.count / 2)))
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(contentLength: body.utf8.count) { writer in
                    try await writer.write(half)
                    throw CancellationError()
                })
        case .drip(let interval):
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: "{"))
                    while true {
                        try await Task.sleep(for: interval)
                        try await writer.write(ByteBuffer(string: " "))
                    }
                })
        case .redirect(let location, let status):
            return Response(status: status, headers: [.location: location])
        case .body(let text): return Self.json(text)
        case .huge(let bytes):
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(contentLength: bytes) { writer in
                    let opening = #"{"data": ["#
                    try await writer.write(ByteBuffer(string: opening))
                    var left = bytes - opening.utf8.count
                    let spaces = ByteBuffer(repeating: 0x20, count: 1 << 16)
                    while left > 0 {
                        try await writer.write(spaces.getSlice(at: 0, length: min(left, 1 << 16))!)
                        left -= 1 << 16
                    }
                })
        }
    }

    /// The records a data call asks for, at most `maxRecords`, as the API gives them.
    private static func select(_ records: [[String: Any]], _ request: Request, freq: String) -> [[String: Any]] {
        let reporters = values(request, "reporterCode")
        let partners = values(request, "partnerCode")
        let periods = values(request, "period")
        let flows = values(request, "flowCode")
        let commodity = request.uri.queryParameters.get("cmdCode") ?? "TOTAL"
        let limit = request.uri.queryParameters.get("maxRecords").flatMap { Int($0) } ?? 500
        let matching = records.filter { record in
            let code = "\(record["cmdCode"]!)"
            let level =
                commodity == "TOTAL" ? code == "TOTAL" : commodity.hasPrefix("AG") ? code.count == Int(commodity.dropFirst(2)) : code == commodity
            return "\(record["freqCode"]!)" == freq && reporters?.contains("\(record["reporterCode"]!)") != false
                && partners?.contains("\(record["partnerCode"]!)") != false && periods?.contains("\(record["period"]!)") != false
                && flows?.contains("\(record["flowCode"]!)") != false && level
        }
        return Array(matching.prefix(limit))
    }
}
