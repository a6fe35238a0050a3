/// A pair's rows indexed by origin, so that many statements can each set their own aside without
/// reading every row again: each source's origin worked out once, and every quote's runs of eight
/// words hashed, so a quote held within another is found by lookup rather than by comparing texts.
public struct OriginIndex: Sendable {
    public let rows: [RecordedObservation]
    /// Each source's origin, and the rows citing it.
    private var sources: [Int64: (origin: Origin, rows: [Int])] = [:]
    /// Each row's quote as a key, where a person wrote one.
    private var quotes: [Int: String] = [:]
    /// The rows whose quote holds a run of eight words, by the run's hash; and by their first run only.
    private var anyRun: [Int: [Int]] = [:]
    private var firstRun: [Int: [Int]] = [:]

    /// - Complexity: O(n + w) for n rows and w words of their quotes.
    public init(_ rows: [RecordedObservation]) {
        self.rows = rows
        var byID: [Int64: (origin: Origin, rows: [Int])] = [:]
        for (index, row) in rows.enumerated() {
            if byID[row.source.id] == nil { byID[row.source.id] = (Origin(row.source), []) }
            byID[row.source.id]!.rows.append(index)
            guard row.source.kind == .figures || row.source.kind == .freight, let note = row.observation.note,
                let key = Origin(names: [], quote: note).quotes.first
            else { continue }
            quotes[index] = key
            let runs = Self.runs(key)
            for run in Set(runs) { anyRun[run, default: []].append(index) }
            if let first = runs.first { firstRun[first, default: []].append(index) }
        }
        sources = byID
    }

    /// The indices of the rows of `origin`'s chain, in order.
    /// - Complexity: O(s + q) for s sources and the q rows whose quotes share a run of words with the origin's.
    public func owned(by origin: Origin) -> [Int] {
        var owned = Set<Int>()
        for source in sources.values where origin.isShared(with: source.origin) { owned.formUnion(source.rows) }
        for quote in origin.quotes {
            let runs = Self.runs(quote)
            // A quote within a row's holds the row's runs from the quote's first; a row's within the quote, the reverse.
            var candidates = Set(runs.first.map { anyRun[$0] ?? [] } ?? [])
            for run in runs { candidates.formUnion(firstRun[run] ?? []) }
            for index in candidates where !owned.contains(index) {
                if let key = quotes[index], Origin.contains(key, quote) || Origin.contains(quote, key) { owned.insert(index) }
            }
        }
        return owned.sorted()
    }

    /// The rows of another origin and `origin`'s own, each in order.
    public func partition(by origin: Origin) -> (independent: [RecordedObservation], own: [RecordedObservation]) {
        let owned = Set(owned(by: origin))
        var independent: [RecordedObservation] = []
        var own: [RecordedObservation] = []
        for (index, row) in rows.enumerated() {
            if owned.contains(index) { own.append(row) } else { independent.append(row) }
        }
        return (independent, own)
    }

    /// The hashes of every run of `Origin.quoteWords` words in a quote's key, in order.
    static func runs(_ key: String) -> [Int] {
        let words = key.split(separator: " ")
        guard words.count >= Origin.quoteWords else { return [] }
        return (0...(words.count - Origin.quoteWords)).map { start in
            var hasher = Hasher()
            for word in words[start..<(start + Origin.quoteWords)] { hasher.combine(word) }
            return hasher.finalize()
        }
    }
}
