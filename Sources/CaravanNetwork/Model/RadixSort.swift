/// Sorting integer keys digit by digit from the least significant (LSD radix sort): on millions of
/// ids' hashes several times faster than a comparison sort, every pass reading and writing in order.
enum RadixSort {
    /// Bits a pass: 2,048 counters fit the first-level cache.
    private static let digitBits = 11

    /// The keys in ascending order.
    /// - Complexity: O(n), six passes over the keys.
    static func sorted(_ keys: [UInt64]) -> [UInt64] {
        var from = keys
        var to = [UInt64](repeating: 0, count: keys.count)
        var counts = [Int](repeating: 0, count: 1 << digitBits)
        let mask = UInt64(1 << digitBits - 1)
        for shift in stride(from: 0, to: 64, by: digitBits) {
            let moved = from.withUnsafeBufferPointer { source in
                to.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { counts in
                        counts.update(repeating: 0)
                        for key in source { counts[Int(truncatingIfNeeded: key >> UInt64(shift) & mask)] += 1 }
                        // A digit every key shares leaves the order as it is.
                        if counts.contains(source.count) { return false }
                        var sum = 0
                        for digit in counts.indices { (counts[digit], sum) = (sum, sum + counts[digit]) }
                        for key in source {
                            let digit = Int(truncatingIfNeeded: key >> UInt64(shift) & mask)
                            target[counts[digit]] = key
                            counts[digit] += 1
                        }
                        return true
                    }
                }
            }
            if moved { swap(&from, &to) }
        }
        return from
    }
}
