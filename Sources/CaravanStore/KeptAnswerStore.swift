import CaravanCore
import Foundation

/// What an answer reads and a batch may store, asked of the store as "was any of it stored after
/// batch N?": a kept answer stands while nothing it reads was stored since it was worked out.
public enum LedgerSubject: Sendable, Hashable, Comparable {
    /// Figures between two economies, either way round: amounts, products and relative figures.
    case pair(String, String)
    /// The freight flows, of every element.
    case flows
    /// A reporter's tariff schedule, for every partner and regime.
    case tariffs(reporter: String)
    /// Documents of a kind: of one name, or (nil) of any.
    case documents(Document.Kind, name: String?)

    /// The pair with its economies in order, so either way round is one subject.
    public static func between(_ a: String, _ b: String) -> LedgerSubject { a < b ? .pair(a, b) : .pair(b, a) }

    /// The subject as one line of words, as it is kept beside an answer.
    public var line: String {
        switch self {
        case .pair(let a, let b): "pair \(a) \(b)"
        case .flows: "flows"
        case .tariffs(let reporter): "tariffs \(reporter)"
        case .documents(let kind, let name): "documents \(kind.rawValue)" + (name.map { " \($0)" } ?? "")
        }
    }

    /// The subject a kept line names; nil for a line this version does not know.
    public init?(line: Substring) {
        let words = line.split(separator: " ", maxSplits: 2).map(String.init)
        switch (words.first, words.count) {
        case ("pair", 3): self = .between(words[1], words[2])
        case ("flows", 1): self = .flows
        case ("tariffs", 2): self = .tariffs(reporter: words[1])
        case ("documents", 2...3):
            guard let kind = Document.Kind(rawValue: words[1]) else { return nil }
            self = .documents(kind, name: words.count == 3 ? words[2] : nil)
        default: return nil
        }
    }

    public static func < (a: LedgerSubject, b: LedgerSubject) -> Bool { a.line < b.line }
}

/// An answer kept in the store: the text a question was answered with, the last batch the store
/// held when it was worked out, and what it read.
public struct KeptAnswer: Sendable, Hashable {
    /// The question, with every choice that shapes the answer (command, format, partnership).
    public var question: String
    /// The program that worked it out: another build may answer differently.
    public var program: String
    /// The UTC day it answers for: answers as of now state their day.
    public var day: Day
    public var through: Int64
    public var reads: Set<LedgerSubject>
    public var text: String

    public init(question: String, program: String, day: Day, through: Int64, reads: Set<LedgerSubject>, text: String) {
        self.question = question
        self.program = program
        self.day = day
        self.through = through
        self.reads = reads
        self.text = text
    }

    /// The subjects as kept: one line each, in order.
    public var readLines: String { Self.lines(reads) }

    /// Subjects as kept: one line each, in order.
    public static func lines(_ reads: Set<LedgerSubject>) -> String { reads.sorted().map(\.line).joined(separator: "\n") }

    /// The subjects of kept lines; nil when one of them is unknown, so the answer is not trusted.
    public static func reads(_ lines: String) -> Set<LedgerSubject>? {
        var reads: Set<LedgerSubject> = []
        for line in lines.split(separator: "\n") {
            guard let subject = LedgerSubject(line: line) else { return nil }
            reads.insert(subject)
        }
        return reads
    }
}

/// Answers worked out once and kept beside the ledger, for every process that asks again.
public protocol KeptAnswerStore: Sendable {
    /// The answer kept for `question` by `program` for `day`, if any.
    func keptAnswer(_ question: String, program: String, day: Day) async throws -> KeptAnswer?
    /// Keeps `answer` in place of any kept for its question; answers of other programs or days are dropped.
    func keep(_ answer: KeptAnswer) async throws
    /// Whether a batch after `batch` stored anything of `subjects`.
    func stored(_ subjects: Set<LedgerSubject>, after batch: Int64) async throws -> Bool
}
