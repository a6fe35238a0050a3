import CaravanCore
import Foundation
import Testing

/// A partner may be a bloc: its members by date, and its trade read from theirs where its own is missing.
@Suite("Blocs and their members' figures")
struct BlocTests {
    let blocs = Blocs(
        csv: """
            bloc,name,member,from,to,source
            EAEU,Eurasian Economic Union,KAZ,2015-01-01,,https://example.org
            EAEU,Eurasian Economic Union,RUS,2015-01-01,,https://example.org
            EAEU,Eurasian Economic Union,KGZ,2015-08-12,,https://example.org
            CIS,Commonwealth of Independent States,GEO,1993-12-03,2009-08-18,https://example.org
            CIS,Commonwealth of Independent States,RUS,1991-12-21,,https://example.org
            """)

    @Test("members by date: a year when one joined has no single membership; a member that left is gone")
    func members() throws {
        #expect(blocs.members(of: "EAEU", over: try Period(parsing: "2016")) == ["KAZ", "KGZ", "RUS"])
        #expect(blocs.members(of: "EAEU", over: try Period(parsing: "2015")) == nil)
        #expect(blocs.members(of: "EAEU", over: try Period(parsing: "2015-01..2015-06")) == ["KAZ", "RUS"])
        #expect(blocs.members(of: "CIS", over: try Period(parsing: "2010")) == ["RUS"])
        #expect(blocs.members(of: "IRN", over: try Period(parsing: "2010")) == nil && !blocs.contains("IRN") && blocs.contains("CIS"))
        #expect(blocs.name(of: "EAEU") == "Eurasian Economic Union" && blocs.everyMember(of: "EAEU") == ["KAZ", "KGZ", "RUS"])
    }

    func sums(_ figures: Figures, stated: [RecordedObservation] = []) -> [String: Double] {
        let derived = BlocFigures.derive(bloc: "EAEU", other: "IRN", blocs: blocs, rows: figures.rows, stated: stated)
        return Dictionary(
            uniqueKeysWithValues: derived.map {
                (
                    "\($0.observation.reporter)→\($0.observation.partner) \($0.observation.flow.rawValue) \($0.observation.period) \($0.source.provider)",
                    $0.observation.valueUSD
                )
            })
    }

    @Test("the members' figures add up, provider by provider and side by side, only when every member has one")
    func derived() throws {
        var figures = Figures()
        for (member, value) in [("KAZ", 300.0), ("RUS", 4_000.0), ("KGZ", 20.0)] {
            try figures.add("IRN", member, .export, "2016", value, kind: .comtrade, provider: "UN Comtrade")
            try figures.add(member, "IRN", .import, "2016", value * 1.1, kind: .comtrade, provider: "UN Comtrade")
        }
        try figures.add("IRN", "KAZ", .export, "2017", 310, kind: .comtrade, provider: "UN Comtrade")
        try figures.add("IRN", "RUS", .export, "2017", 4_100, provider: "Press")
        try figures.add("IRN", "KGZ", .export, "2017", 25, kind: .comtrade, provider: "UN Comtrade")
        // A revision replaces its first version; it is not a fourth member.
        try figures.add("IRN", "KAZ", .export, "2016", 350, kind: .comtrade, provider: "UN Comtrade", recorded: 5)
        let found = sums(figures)
        #expect(found == ["IRN→EAEU export 2016 UN Comtrade": 4_370, "EAEU→IRN import 2016 UN Comtrade": 4_320 * 1.1])
        let derived = BlocFigures.derive(bloc: "EAEU", other: "IRN", blocs: blocs, rows: figures.rows, stated: [])
        #expect(derived.first?.observation.note == "sum of the 3 members of EAEU: KAZ, KGZ, RUS" && derived.first?.line == nil)
    }

    @Test("the bloc's own figure, from any provider, stands: no sum is made beside it; nor across a change of membership")
    func ownFirst() throws {
        var figures = Figures()
        for member in ["KAZ", "RUS", "KGZ"] { try figures.add("IRN", member, .export, "2016", 100, kind: .comtrade, provider: "UN Comtrade") }
        for member in ["KAZ", "RUS"] { try figures.add("IRN", member, .export, "2015", 100, kind: .comtrade, provider: "UN Comtrade") }
        var own = Figures()
        try own.add("IRN", "EAEU", .export, "2016", 333, provider: "Eurasian Economic Commission")
        #expect(sums(figures, stated: own.rows).isEmpty)
    }
}
