extension Deliveries.Round {
    /// The failures as a terminal or a log shows them: one line a watch, its first failure of the
    /// round, each line within `width` columns (a long address cut with "…"); past `limit`
    /// watches, a last line says how many more failed.
    public func failureLines(limit: Int = 5, width: Int = 100) -> [String] {
        var watches: [Int64] = []
        var first: [Int64: Deliveries.Failure] = [:]
        for failure in failed {
            if first[failure.watch] == nil {
                watches.append(failure.watch)
                first[failure.watch] = failure
            } else if failure.givenUp {
                first[failure.watch]?.givenUp = true
            }
        }
        var lines = watches.prefix(limit).compactMap { first[$0] }.map { failure in
            let (head, tail) = ("#\(failure.watch) ", ": \(failure.reason)" + (failure.givenUp ? " (given up)" : ""))
            let room = max(width - head.count - tail.count, 12)
            let url = failure.url.count <= room ? failure.url : String(failure.url.prefix(room - 1)) + "…"
            let line = head + url + tail
            return line.count <= width ? line : String(line.prefix(width - 1)) + "…"
        }
        if watches.count > limit { lines.append("and \(watches.count - limit) more watch\(watches.count - limit == 1 ? "" : "es") failed") }
        return lines
    }
}
