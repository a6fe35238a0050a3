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
        cache.invalidate()
        _ = try await cache.answer(Self.request("/api/v1/scorecard")) {
            made.add()
            return Answer.html("scorecard again")
        }
        #expect(made.count == 4, "a write clears what was kept")
    }
}

/// A count several tasks add to.
final class Counter: Sendable {
    private let value = Mutex(0)
    func add() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}
