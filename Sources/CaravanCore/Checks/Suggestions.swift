/// The known words nearest one a user mistyped, for "did you mean …?": within two edits
/// (insertions, deletions, substitutions, transpositions), case aside, nearest first.
public enum Suggestions {
    public static func nearest(_ text: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let typed = Array(text.lowercased())
        guard !typed.isEmpty else { return [] }
        let allowed = typed.count <= 3 ? 1 : 2
        var scored: [(distance: Int, word: String)] = []
        for candidate in candidates {
            let distance = editDistance(typed, Array(candidate.lowercased()), atMost: allowed)
            if distance <= allowed { scored.append((distance, candidate)) }
        }
        return scored.sorted { ($0.distance, $0.word) < ($1.distance, $1.word) }.prefix(limit).map(\.word)
    }

    /// "; did you mean A or B?", or nothing when there is nothing near.
    public static func phrase(_ suggestions: [String]) -> String {
        guard let last = suggestions.last else { return "" }
        let quoted = suggestions.dropLast().map { "'\($0)'" }
        return "; did you mean " + (quoted.isEmpty ? "'\(last)'" : quoted.joined(separator: ", ") + " or '\(last)'") + "?"
    }

    /// The optimal string alignment distance, given up past `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], atMost limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1..<(b.count + 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], previous2[j - 2] + 1) }
            }
            previous2 = previous
            previous = current
        }
        return previous[b.count]
    }
}
