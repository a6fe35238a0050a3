/// Where sentences start and end: after a full stop, question or exclamation mark followed by a space and a
/// capital or an uncased letter (so "U.S. $1" and "млрд. долл." stay whole), and at every line break.
enum Sentences {
    static func ranges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for index in scalars.indices {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\u{2029}" {
                append(start..<index, scalars, to: &ranges)
                start = index + 1
            } else if ".!?\u{61F}\u{6D4}".unicodeScalars.contains(scalar), startsSentence(scalars, after: index) {
                append(start..<(index + 1), scalars, to: &ranges)
                start = index + 1
            }
        }
        append(start..<scalars.count, scalars, to: &ranges)
        return ranges
    }

    /// True when a space follows and then a capital or an uncased letter (Persian has no capitals).
    private static func startsSentence(_ scalars: [Unicode.Scalar], after index: Int) -> Bool {
        var next = index + 1
        guard next < scalars.count, scalars[next].isSpace else { return false }
        // A run of spaces is looked at only so far: a hostile run must not make the split quadratic.
        while next < min(scalars.count, index + 8), scalars[next].isSpace { next += 1 }
        guard next < scalars.count else { return false }
        let properties = scalars[next].properties
        return properties.isUppercase || (properties.isAlphabetic && !properties.isLowercase && !properties.isUppercase)
            || scalars[next] == "\"" || scalars[next] == "\u{201C}" || scalars[next] == "«"
    }

    /// The range without the spaces at its ends, when anything is left.
    private static func append(_ range: Range<Int>, _ scalars: [Unicode.Scalar], to ranges: inout [Range<Int>]) {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, scalars[lower].isSpace || scalars[lower].isInvisibleControl { lower += 1 }
        while upper > lower, scalars[upper - 1].isSpace || scalars[upper - 1].isInvisibleControl { upper -= 1 }
        if lower < upper { ranges.append(lower..<upper) }
    }
}
