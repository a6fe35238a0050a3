import Foundation

/// An amount of money stated in a sentence: "$340 million", "1,2 млрд долл.", "۳۲۰ میلیون و ۱۴۰ هزار دلار".
struct Amount: Sendable {
    /// The tokens it covers, currency signs and words included.
    let tokens: Range<Int>
    let value: Decimal
}

/// Finds the amounts of US dollars in a sentence.
enum Amounts {
    static func read(_ marks: SentenceMarks, language: String) -> [Amount] {
        let dollarsNamed = marks.has("currency")
        var found: [Amount] = []
        var index = 0
        while index < marks.tokens.count {
            if let amount = amount(marks, at: index, language: language, dollarsNamed: dollarsNamed) {
                found.append(amount)
                index = amount.tokens.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// The amount that starts at `start`, if one does: an optional currency, a number with its scale (or
    /// several joined, "4 миллиарда 637 миллионов"), an optional currency. It must name dollars, or have a scale
    /// in a sentence that names dollars and be followed by no other unit ("151 миллион" beside "490 миллионов долларов").
    private static func amount(_ marks: SentenceMarks, at start: Int, language: String, dollarsNamed: Bool) -> Amount? {
        let prefix = marks.longest("currency", at: start)
        let numberAt = prefix?.tokens.upperBound ?? start
        guard let (value, scaled, numberEnd) = scaledNumber(marks, at: numberAt, language: language) else { return nil }
        var total = value
        var next = numberEnd
        var hasScale = scaled != nil
        var lastScale = scaled
        // Parts joined: "4 миллиарда 637 миллионов", "۳۲۰ میلیون و ۱۴۰ هزار".
        while let scale = lastScale {
            let partAt = marks.longest("join", at: next)?.tokens.upperBound ?? next
            guard let (part, partScale, partEnd) = scaledNumber(marks, at: partAt, language: language), let smaller = partScale,
                smaller < scale
            else { break }
            total += part
            next = partEnd
            lastScale = smaller
            hasScale = true
        }
        let suffix = marks.longest("currency", at: next)
        let end = suffix?.tokens.upperBound ?? next
        if marks.longest("unit.other", at: end) != nil { return nil }
        guard prefix != nil || suffix != nil || (hasScale && dollarsNamed) else { return nil }
        return Amount(tokens: start..<end, value: total)
    }

    /// A number and the scale word after it, the value multiplied; nil when no number stands at `index`.
    private static func scaledNumber(_ marks: SentenceMarks, at index: Int, language: String) -> (Decimal, Decimal?, Int)? {
        guard let token = marks.number(at: index), let value = PublishedNumber.value(token.text, language: language) else { return nil }
        guard let scale = marks.longest("scale", at: index + 1), let factor = Decimal(string: scale.value) else {
            return (value, nil, index + 1)
        }
        return (value * factor, factor, scale.tokens.upperBound)
    }
}
