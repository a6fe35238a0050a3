/// Which of several figures for one period, flow and coverage answers (docs/ledger.md): an official
/// compiler's outturn, then the reconciled database, then a quote that names its compiler, then
/// dated quotes, then undated ones; within each, the latest publication first.
public enum Precedence: String, Sendable, Codable, CaseIterable, Comparable {
    /// Released by its compiler: a declaration to UN Comtrade, or a figure whose source is its compiler.
    case official
    /// CEPII BACI: both sides' declarations reconciled.
    case reconciled
    /// A quote that names whose statistics it is.
    case namesCompiler = "names-compiler"
    /// A quote of unknown origin with its publication date.
    case dated
    /// A quote with neither a compiler nor a date: the last to answer.
    case undated

    /// The tier of a figure from its source.
    public init(kind: SourceKind, provider: String, compiler: String?, published: String?) {
        switch kind {
        case .comtrade, .comtradeLegacy: self = .official
        case .baci: self = .reconciled
        case .figures, .freight, .network, .tariffs:
            if let compiler {
                self = Publisher.same(compiler, provider) ? .official : .namesCompiler
            } else {
                self = published == nil ? .undated : .dated
            }
        }
    }

    public init(_ source: SourceRecord) {
        self.init(kind: source.kind, provider: source.provider, compiler: source.compiler, published: source.published)
    }

    /// Official statistics: the compiler's own release, or its figures quoted with the compiler named.
    public var isOfficialStatistics: Bool { self == .official || self == .namesCompiler }

    public static func < (a: Precedence, b: Precedence) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Why a figure of this tier was chosen, in words.
    public var words: String {
        switch self {
        case .official: "compiler's release"
        case .reconciled: "reconciled"
        case .namesCompiler: "names its compiler"
        case .dated: "dated quote"
        case .undated: "undated quote"
        }
    }
}

/// Publishers compared as people write them: "Tehran Times", "tehran  times " are one.
public enum Publisher {
    public static func same(_ a: String, _ b: String) -> Bool { key(a) == key(b) }

    /// The name lower-cased, its punctuation and runs of spaces made single spaces.
    public static func key(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }
}
