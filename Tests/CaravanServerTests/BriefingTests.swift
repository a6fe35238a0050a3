import CaravanPresentation
import CaravanServer
import CaravanTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The dashboard reads as a briefing, in headless Chromium", .serialized, .enabled(if: Browser.available, "no Chromium: run scripts/setup"))
struct BriefingTests {
    @Test(
        "on the demo's data, every page in English, Persian and Russian: no id shown where the network or a dossier gives a name, and no panel left empty"
    )
    func namesAndPanels() async throws {
        let served = try await ServedWorkspace(samples: false)
        let ids = try await Self.namedIDs(served)
        #expect(ids.contains("inche_burun") && ids.contains("a1") && ids.contains("aktau-kuryk-expansion"))
        try await served.app().test(.live) { client in
            let port = try #require(client.port)
            var findings: [String] = []
            for language in Language.allCases {
                for page in DashboardTests.pages {
                    let address = page.path + (page.path.contains("?") ? "&" : "?") + "lang=\(language.rawValue)"
                    let dom = try await Browser.load(URL(string: "http://127.0.0.1:\(port)\(address)")!).dom
                    // Reading a page's text is seconds of work on a debug build: off the pool the in-process servers answer on.
                    let found = try await Command.detached { Self.problems(dom, ids: ids, words: Words(language)) }
                    findings += found.map { "\(page.name) \(language.rawValue): \($0)" }
                }
            }
            #expect(findings.isEmpty, "\(findings.count) problems:\n\(findings.prefix(40).joined(separator: "\n"))")
        }
    }

    @Test("the briefing check finds an id among the words, an empty chart and an empty table")
    func checkFindsFaults() {
        let page = """
            <html><body><p>Route via inche_burun (see <a href="/x?to=inche_burun">map</a>)</p><p>Inche Burun, a1b</p>
            <svg><text>No figures yet.</text></svg><table id="mirror"><thead><tr><th>a</th></tr></thead><tbody>
            </tbody></table><style>.inche_burun{}</style></body></html>
            """
        let found = Self.problems(page, ids: ["inche_burun", "a1"], words: .english)
        #expect(found == ["an id shown: inche_burun", "an empty chart: No figures yet.", "an empty table: #mirror"])
    }

    /// Every element of the stored network and every target, claim, project and agreement of the
    /// stored dossiers: each has a name to show instead.
    static func namedIDs(_ served: ServedWorkspace) async throws -> Set<String> {
        var ids: Set<String> = []
        ids.formUnion(try await served.workspace.network().elementIDs)
        for scorecard in try await served.workspace.partnerships() {
            let dossier = try await served.workspace.dossier(scorecard.partnership.id)
            ids.formUnion(dossier.targets.map(\.id) + dossier.claims.map(\.id) + dossier.projects.map(\.id) + dossier.agreements.map(\.id))
        }
        return ids
    }

    /// What a reader should not meet on a page: an id where a name exists, a chart with no figures, a table with no rows.
    static func problems(_ dom: String, ids: Set<String>, words: Words) -> [String] {
        var problems: [String] = []
        let text = visibleText(dom)
        let tokens = Set(text.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == ".") }.map(String.init))
        problems += ids.intersection(tokens).sorted().map { "an id shown: \($0)" }
        if text.contains(words("chart.empty")) { problems.append("an empty chart: \(words("chart.empty"))") }
        var rest = dom[...]
        while let table = rest.range(of: "<table") {
            rest = rest[table.upperBound...]
            guard let body = rest.range(of: "<tbody>"), let end = rest.range(of: "</tbody>"), body.upperBound <= end.lowerBound else { continue }
            if !rest[body.upperBound..<end.lowerBound].contains("<tr") {
                let id = rest.prefix { $0 != ">" }.split(separator: "\"").dropFirst().first.map { "#\($0)" } ?? "a table"
                problems.append("an empty table: \(id)")
            }
        }
        return problems
    }

    /// The text a reader sees: tags, styles and scripts left out, entities read.
    static func visibleText(_ dom: String) -> String {
        var text = ""
        var rest = dom[...]
        while let open = rest.firstIndex(of: "<") {
            text += rest[..<open]
            rest = rest[open...]
            for hidden in ["<style", "<script"] where rest.hasPrefix(hidden) {
                let closing = "</" + hidden.dropFirst()
                rest = rest.range(of: closing).map { rest[$0.upperBound...] } ?? ""
            }
            guard let close = rest.firstIndex(of: ">") else { break }
            text += " "
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }
}
