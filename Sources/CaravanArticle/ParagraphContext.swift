import CaravanCore

/// What the earlier sentences of a paragraph stated, which a following sentence may leave out: the period
/// ("In the first five months of 1401, …"), the flow and commodity ("Iran's non-oil exports: …") and the pair.
/// It is used only where the sentence points back to it — a row of a list, "during the period", "this
/// figure" — and is forgotten at a blank line, unless a list is open.
struct ParagraphContext: Sendable {
    var period: Period?
    var flow: TradeFlow?
    var commodity: String?
    var pair: (String, String)?
    /// True after a sentence that ends with a colon, and after each row that follows it: the rows of a list
    /// (an HTML `<ul>`, each `<li>` a paragraph of its own) keep what their heading stated.
    var listOpen = false

    /// The context after a sentence: what it states replaces what came before; what it leaves out stays.
    /// A pair named is carried only when it is not the caller's, whose order stays the caller's.
    mutating func update(periods: [PeriodMention], marks: SentenceMarks, pair named: (String, String)?, caller: (String, String)?) {
        // A period in parentheses only explains another ("1401 (March 21-August 22, 2022)").
        let stated = periods.filter { $0.period != nil && marks.tokens[$0.tokens.lowerBound].group == -1 }
        if let period = (stated.last ?? periods.last { $0.period != nil })?.period { self.period = period }
        if let flow = marks.all("flow").last.flatMap({ TradeFlow(rawValue: $0.value) }) {
            self.flow = flow
            commodity = marks.all("commodity").last?.value
        }
        if let named, Set([named.0, named.1]) != caller.map({ Set([$0.0, $0.1]) }) { pair = named }
    }
}
