import CaravanSQLite
import CaravanService
import CaravanTestSupport
import Foundation
import Hummingbird
import Synchronization
import Testing

@testable import CaravanServer

@Suite("Kept answers")
struct AnswerCacheTests {
    let directory = TemporaryDirectory()

    static func request(_ path: String) -> Request {
        Request(head: HTTPRequest(method: .get, scheme: "http", authority: "localhost", path: path), body: .init(buffer: ByteBuffer()))
    }

    @Test("a server measured cold keeps no answer: each request is worked out afresh; a page in two languages is two answers")
    func coldAndVariants() async throws {
        let workspace = Workspace(store: try SQLiteLedgerStore(path: directory.path("cold.sqlite")))
        let made = Counter()
        let cold = AnswerCache(workspace: workspace, keeps: false)
        for _ in 0..<3 {
            _ = try await cold.answer(Self.request("/api/v1/scorecard")) {
                made.add()
                return Answer.html("scorecard")
            }
        }
        #expect(made.count == 3)
        let kept = AnswerCache(workspace: workspace)
        let english = try await kept.answer(Self.request("/trade"), variant: "en") { Answer.html("trade") }
        let persian = try await kept.answer(Self.request("/trade"), variant: "fa") { Answer.html("تجارت") }
        let again = try await kept.answer(Self.request("/trade"), variant: "fa") { Answer.html("worked out again") }
        #expect(String(buffer: english.body) == "trade" && String(buffer: persian.body) == "تجارت" && String(buffer: again.body) == "تجارت")
    }

    @Test("a burst of requests for one answer works it out once; other answers and refusals are worked out apart")
    func once() async throws {
        let cache = AnswerCache(workspace: Workspace(store: try SQLiteLedgerStore(path: directory.path("cache.sqlite"))))
        let made = Counter()
        let answers = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<32 {
                group.addTask {
                    let answer = try await cache.answer(Self.request("/api/v1/scorecard")) {
                        made.add()
                        try await Task.sleep(for: .milliseconds(100))
                        return Answer.html("scorecard")
                    }
                    return String(buffer: answer.body)
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(answers.count == 32 && Set(answers) == ["scorecard"] && made.count == 1)
        _ = try await cache.answer(Self.request("/api/v1/claims")) {
            made.add()
            return Answer.html("claims", status: .notFound)
        }
        _ = try await cache.answer(Self.request("/api/v1/claims")) {
            made.add()
            return Answer.html("claims")
        }
        #expect(made.count == 3, "a refusal is not kept")
    }

    @Test("a write through the API drops exactly the answers that read what it stored; the others are sent as kept")
    func exactlyTouched() async throws {
        let served = try await ServedWorkspace(samples: false)
        let header = "reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote"
        let answers = [
            "kazakhstan": "/api/v1/scorecard?partnership=iran-kazakhstan", "turkmenistan": "/api/v1/scorecard?partnership=iran-turkmenistan",
            "series": "/api/v1/trade/series?reporter=KAZ&partner=IRN",
        ]
        try await served.app().test(.router) { client in
            /// Each answer's word from the cache, and its body.
            func ask() async throws -> [String: (String, String)] {
                var words: [String: (String, String)] = [:]
                for (name, uri) in answers {
                    words[name] = try await client.execute(uri: uri, method: .get) { ($0.headers[AnswerCache.header] ?? "", $0.text) }
                }
                return words
            }
            func post(_ n: Int, _ reporter: String, _ partner: String) async throws {
                let figure = "\(header)\n\(reporter),\(partner),turnover,TOTAL,2030,\(1_000_000 + n),,,Cache test \(n),,2031-01-15,\n"
                try await client.execute(
                    uri: "/api/v1/imports?name=cache-\(n).csv", method: .post, headers: served.bearer(served.token), body: ByteBuffer(string: figure)
                ) { #expect($0.status == .created) }
            }
            let first = try await ask()
            #expect(first.values.allSatisfy { $0.0 == "miss" })
            #expect(try await ask().mapValues(\.0) == answers.mapValues { _ in "hit" })
            try await post(1, "IRN", "TKM")
            let afterTKM = try await ask()
            #expect(afterTKM.mapValues(\.0) == ["kazakhstan": "hit", "turkmenistan": "miss", "series": "hit"])
            #expect(afterTKM["kazakhstan"]?.1 == first["kazakhstan"]?.1)
            try await post(2, "FRA", "DEU")
            #expect(try await ask().mapValues(\.0) == ["kazakhstan": "hit", "turkmenistan": "hit", "series": "hit"])
            try await post(3, "KAZ", "IRN")
            let afterKAZ = try await ask()
            #expect(afterKAZ.mapValues(\.0) == ["kazakhstan": "miss", "turkmenistan": "hit", "series": "miss"])
            #expect(afterKAZ["series"]?.1.contains("cache-3.csv") == true)
        }
    }
}

/// A count several tasks add to.
final class Counter: Sendable {
    private let value = Mutex(0)
    func add() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}
