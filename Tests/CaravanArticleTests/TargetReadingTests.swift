import CaravanArticle
import CaravanCore
import Testing

@Suite("Targets: an amount to be reached, by a year or with none stated")
struct TargetReadingTests {
    @Test(
        "a word of aim before an amount makes it a target, of trade unless a flow is named",
        arguments: [
            ("The two countries aim to raise trade to $3 billion.", "turnover 3000000000 exact -"),
            ("Trade should reach $1 billion by 2030.", "turnover 1000000000 exact 2030"),
            (
                "Both sides have publicly set targets of $1 billion in the near term and up to $3 billion over a longer horizon.",
                "turnover 1000000000 exact -|turnover 3000000000 below -"
            ),
            ("Iran plans to boost exports to Kazakhstan to $2 billion by 2027.", "export 2000000000 exact 2027"),
            ("Стороны намерены довести товарооборот до 3 млрд долларов к 2030 году.", "turnover 3000000000 exact 2030"),
            ("هدف رساندن تجارت به ۳ میلیارد دلار تا سال ۲۰۳۰ است.", "turnover 3000000000 exact 2030"),
        ])
    func target(text: String, read: String) {
        let found = figures(text)
        #expect(found.allSatisfy { $0.kind == .target && $0.period == nil })
        #expect(
            found.map { "\($0.flow?.rawValue ?? "-") \($0.valueUSD ?? 0) \($0.bound.rawValue) \($0.year.map(String.init) ?? "-")" }.joined(
                separator: "|") == read)
    }

    @Test("tonnes of freight to be reached are a target of tonnes")
    func freight() {
        let found = figures("Kazakhstan has tied the corridor to throughput objectives of 15 million tons by 2027 and 20 million tons by 2030.")
        #expect(
            found.map { "\($0.kind) \($0.what?.rawValue ?? "-") \($0.value ?? 0) \($0.year ?? 0)" } == [
                "target tonnes 15000000 2027", "target tonnes 20000000 2030",
            ])
    }

    @Test("an amount reached is no target, nor one a word of aim of another clause stands far before")
    func reached() {
        #expect(figures("Trade reached $340 million in 2024.").map(\.kind) == [.figure])
        let text = "The two countries, which aim to deepen cooperation in energy, transport, agriculture and culture, traded $500 million in 2023."
        #expect(figures(text).map(\.kind) == [.figure])
    }
}
