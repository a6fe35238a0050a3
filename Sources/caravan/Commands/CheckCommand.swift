import ArgumentParser
import CaravanCheck
import CaravanPresentation
import CaravanService
import Foundation

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check an article: the figures, targets, growth and counts it states, found and judged against the ledger.",
        discussion: """
            Reads a text, Markdown or HTML file (or - for standard input) in English, Russian or Persian, finds every \
            checkable statement with its exact quote and span, and judges each by the rules of a dossier claim, the \
            article its own source. A statement whose pair, period or year the text leaves open is listed as unpinned, \
            never guessed. --emit figures FILE writes the pinned figures as a figures CSV to import; --emit dossier FILE \
            writes its claims and targets in the dossier's YAML. See docs/check.md.
            """)

    @Argument(help: "The article: a .txt, .md or .html file, or - for standard input.")
    var article: String

    @Option(help: "The partnership whose pair fills a side a sentence leaves out (default: the one whose economies the article names most).")
    var partnership: String?

    @Option(help: "The day the article appeared (YYYY-MM-DD), against which \"last year\" is read (default: the page's own).")
    var published: String?

    @Option(help: "Who published it: its own figures are set aside, never what confirms it (default: the page's own).")
    var source: String?

    @Option(help: "Where it was published (default: the page's own).")
    var url: String?

    @Option(help: "How the article is marked up: text, markdown or html (default: by the file's name, else HTML when it starts with a tag).")
    var markup: String?

    @Option(
        help:
            "The calendar the source counts \"this year\" and \"last year\" in: solar-hijri for an Iranian agency writing in English (default: the article's language's)."
    )
    var calendar: String?

    @Option(name: .customLong("as-of"), help: "Judge as of this date (YYYY-MM-DD, end of day UTC): figures recorded later do not count.")
    var asOf: String?

    @Option(
        parsing: .upToNextOption,
        help: "Write what was found as a file to review: figures FILE (a figures CSV) or dossier FILE (claims and targets in YAML). Repeatable.")
    var emit: [String] = []

    @Option(help: "table, json or md.")
    var format: OutputFormat = .table

    @Option(help: "Also write the check as one self-contained HTML page, to keep or send.")
    var out: String?

    @Option(help: "The HTML page's language: en, fa (right to left, Persian digits) or ru.")
    var lang: String?

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let emits = try Emit.pairs(emit)
        let text = try ArticleFile.read(article)
        let workspace = try await store.workspace()
        let (request, language) = try await workspace.read {
            (
                try $0.article(
                    .init(
                        partnership: partnership, published: published, source: source, url: url, markup: markup, calendar: calendar,
                        asOf: asOf), text: text,
                    name: article == "-" ? nil : article),
                try $0.choice("lang", lang, default: Language.en)
            )
        }
        let judgement = try await workspace.read(request)
        for (kind, path) in emits {
            switch kind {
            case .figures:
                guard let csv = ArticleFiles.figures(judgement) else {
                    throw CommandFailure("--emit figures: every figure needs a source; give --source (the page names none)")
                }
                try OutputFile.write(csv, to: path)
            case .dossier:
                try OutputFile.write(ArticleFiles.dossier(judgement), to: path)
            }
        }
        let check = try await workspace.check(judgement, asOf: request.asOf)
        if let out {
            let partnership = try await workspace.dossier(check.article.partnership).partnership
            try OutputFile.write(ArticleReport(check, partnership: partnership, words: Words(language)).html.rendered, to: out)
        }
        print(try format.render(sections: check), terminator: "")
    }

    /// What `--emit` writes.
    enum Emit: String, CaseIterable {
        case figures, dossier

        /// `figures FILE dossier FILE`, as given to one or several `--emit`.
        static func pairs(_ values: [String]) throws -> [(Emit, String)] {
            guard values.count % 2 == 0 else {
                throw ValidationError("--emit takes a kind and a file: figures FILE or dossier FILE")
            }
            return try stride(from: 0, to: values.count, by: 2).map { index in
                guard let kind = Emit(rawValue: values[index]) else {
                    throw ValidationError("--emit: '\(values[index])'; expected figures or dossier, then a file")
                }
                return (kind, values[index + 1])
            }
        }
    }
}

/// An article's text from a file or standard input: UTF-8, at most `ArticleRequest.longest` bytes.
enum ArticleFile {
    static func read(_ path: String) throws -> String {
        let name = path == "-" ? "standard input" : path
        let handle: FileHandle
        if path == "-" {
            handle = .standardInput
        } else {
            var folder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &folder) else { throw CommandFailure("\(path): no such file") }
            guard !folder.boolValue else { throw CommandFailure("\(path) is a folder; give the article's file") }
            guard let opened = FileHandle(forReadingAtPath: path) else { throw CommandFailure("\(path): cannot be read") }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }
        let data: Data
        do { data = try handle.read(upToCount: ArticleRequest.longest + 1) ?? Data() } catch {
            throw CommandFailure("\(name): cannot be read (\(error.localizedDescription))")
        }
        guard data.count <= ArticleRequest.longest else {
            throw CommandFailure("\(name): more than \(ArticleRequest.longest) bytes; an article of at most 10 MB is read")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let bad = ArticleFile.firstInvalidByte(data)
            throw CommandFailure("\(name): not UTF-8 (byte \(bad + 1) is not); save the article as UTF-8")
        }
        return text
    }

    /// The offset of the first byte that starts no UTF-8 character, for the message.
    private static func firstInvalidByte(_ data: Data) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var offset = 0
        while case .valid(let scalar) = parser.parseScalar(from: &bytes) { offset += scalar.count }
        return offset
    }
}
