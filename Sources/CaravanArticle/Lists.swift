/// The country heading a row of a list: "Kazakhstan with 420,489 tons worth $139.62 million", "Turkmenistan –
/// 924,553 tons", "Казахстан – 151 миллион", "на РФ пришлось 490 миллионов". A row's flow and period are
/// usually those of the list's heading.
enum Lists {
    /// How far before its amount a row's country may stand ("Kazakhstan with 420,489 tons (up 47.93%) worth $139.62 million").
    static let reach = 12

    /// The country heading the row of the amount at `amount`, after the amount before it (`previous`).
    static func country(_ marks: SentenceMarks, before amount: Int, after previous: Int) -> Mark? {
        marks.all("country").last { country in
            let cue = country.tokens.upperBound
            guard cue < amount, country.tokens.lowerBound >= max(previous, amount - reach) else { return false }
            // A row's numbers follow its country at once ("with 420,489 tons", "– около 68 миллионов"); "Kazakhstan –
            // the largest …" and "Kazakhstan–Turkmenistan–Iran routes" head none.
            guard let list = marks.longest("list", at: cue) else { return false }
            let next = marks.longest("bound", at: list.tokens.upperBound)?.tokens.upperBound ?? list.tokens.upperBound
            return marks.number(at: next) != nil || marks.longest("currency", at: next) != nil
        }
    }

    /// True when the row before goes on to the amount at `amount`: no country is named between them but the
    /// partner of the row's own flow ("$201.21 million of exports to Iran and $167.99 million of imports"); a
    /// country of the amount's own flow word starts another clause ("…, while trade with Russia reached $2 billion").
    static func continues(_ marks: SentenceMarks, from previous: Int, to amount: Int, flow own: Mark?) -> Bool {
        let flows = marks.all("flow")
        return marks.all("country").allSatisfy { country in
            guard (previous..<amount).contains(country.tokens.lowerBound) else { return true }
            let nearest = flows.min { distance($0.tokens, country.tokens) < distance($1.tokens, country.tokens) }
            guard let nearest else { return false }
            return nearest.tokens != own?.tokens
        }
    }

    /// Tokens between two spans, none when they touch or overlap: how near a word stands to a flow word or an amount.
    static func distance(_ one: Range<Int>, _ other: Range<Int>) -> Int {
        one.upperBound <= other.lowerBound ? other.lowerBound - one.upperBound : max(0, one.lowerBound - other.upperBound)
    }
}
