import CaravanCore

/// Who reports a flow and who is its partner, from the countries a sentence names and the words before
/// them ("Kazakhstan's exports to Iran": KAZ exports to IRN), the article's pair filling what it leaves out.
struct Direction {
    let marks: SentenceMarks
    let pair: (String, String)?

    /// How many tokens around its flow word a country speaks of that flow ("Iran and the Eurasian Economic
    /// Union member states traded"); one further off belongs to another clause.
    static let reach = 8

    /// With `listed`, the country heading a row of a list: the trader when it stands before its flow word
    /// ("Kazakhstan with $201.21 million of exports to Iran"), the partner when the flow is the heading's.
    func sides(_ flow: TradeFlow, near flowMark: Mark, listed: Mark? = nil) -> (String?, String?) {
        let near = (flowMark.tokens.lowerBound - Self.reach)..<(flowMark.tokens.upperBound + Self.reach)
        // A country nearer another flow word is of that one's clause: "… of imports, while trade with Russia …".
        let flows = marks.all("flow")
        let countries = marks.all("country").filter { country in
            near.contains(country.tokens.lowerBound)
                && flows.allSatisfy { Lists.distance($0.tokens, country.tokens) >= Lists.distance(flowMark.tokens, country.tokens) }
        }
        var reporter: String?
        var partner: String?
        for country in countries where flow != .turnover && country.tokens.lowerBound > flowMark.tokens.lowerBound {
            let before = max(0, country.tokens.lowerBound - 3)..<country.tokens.lowerBound
            let toward = before.contains { marks.longest("direction.to", at: $0) != nil }
            let away = before.contains { marks.longest("direction.from", at: $0) != nil }
            // After its flow word: exports go to the partner and come from the reporter; imports the other way round.
            if toward && flow == .export || away && flow == .import {
                partner = partner ?? country.value
            } else if toward || away {
                reporter = reporter ?? country.value
            }
        }
        if let listed, listed.value != reporter, listed.value != partner {
            if listed.tokens.lowerBound > flowMark.tokens.lowerBound {
                partner = listed.value
            } else if reporter == nil {
                reporter = listed.value
            } else if partner == nil {
                partner = listed.value
            }
        }
        for country in countries.map(\.value) where country != reporter && country != partner {
            if reporter == nil { reporter = country } else if partner == nil { partner = country }
        }
        return filled(reporter, partner, turnover: flow == .turnover)
    }

    /// A row of a list with no flow word: the row's country is the partner of the pair's other side.
    func row(_ listed: String) -> (String?, String?) {
        guard let (first, second) = pair else { return (nil, listed) }
        return (listed == first ? second : first, listed)
    }

    /// The countries a sentence names, in order, the pair filling what it leaves out: for a count or a figure
    /// whose flow is not stated.
    func named() -> (String?, String?) {
        var names: [String] = []
        for country in marks.all("country").map(\.value) where !names.contains(country) { names.append(country) }
        return filled(names.first, names.dropFirst().first, turnover: true)
    }

    /// The sides the sentence leaves out, from the article's pair; a turnover of the pair in the pair's order.
    private func filled(_ reporter: String?, _ partner: String?, turnover: Bool) -> (String?, String?) {
        guard let (first, second) = pair else { return (reporter, partner) }
        switch (reporter, partner) {
        case (nil, nil):
            return (first, second)
        case (let known?, nil) where turnover:
            return known == first || known == second ? (first, second) : (first, known)
        case (let known?, nil):
            return (known, known == first ? second : first)
        case (nil, let known?):
            return (known == first ? second : first, known)
        case (let one?, let other?):
            return turnover && Set([one, other]) == Set([first, second]) ? (first, second) : (one, other)
        }
    }
}
