/// What sets an amount as one to be reached rather than reached: a word of aim before it ("targets of $1
/// billion", "to raise trade to $3 billion", "довести товарооборот до 3 млрд", "رساندن تجارت به ۳ میلیارد دلار"),
/// and the year it is set for ("by 2030", "к 2030 году", "تا سال ۲۰۳۰").
enum Targets {
    /// How far after its amount a target's year may stand ("$1 billion by 2030", "3 млрд долларов к 2030 году").
    static let yearReach = 5

    /// How far before its amount a word of aim may stand ("targets of $1 billion in the near term and up to $3
    /// billion"); one further off is of another clause ("which aim to boost cooperation in …, traded $500 million").
    static let cueReach = 12

    static func cue(_ marks: SentenceMarks, before index: Int) -> Bool {
        marks.all("target").contains { $0.tokens.upperBound <= index && index - $0.tokens.upperBound <= cueReach }
    }

    /// "up to $3 billion" is below; the "до" of "довести до" and the "by" of a year are no bound.
    static func bound(_ marks: SentenceMarks, before index: Int) -> Bound {
        guard index > 0, marks.longest("deadline", at: index - 1) != nil else { return marks.bound(before: index) }
        return .exact
    }

    /// The Gregorian year after "by", "к", "تا" just after the amount; nil when none is stated.
    static func year(_ marks: SentenceMarks, after index: Int, before next: Int) -> Int? {
        for start in index..<min(next, index + yearReach) {
            guard let by = marks.longest("deadline", at: start) else { continue }
            let yearAt = marks.skipping("year.filler", from: by.tokens.upperBound, limit: 2)
            guard let token = marks.number(at: yearAt), token.text.count == 4, let year = Int(token.text),
                PeriodMentions.gregorianYears.contains(year)
            else { continue }
            return year
        }
        return nil
    }
}
