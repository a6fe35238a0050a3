import CaravanTestSupport
import Foundation
import Testing

@Suite("caravan changes and caravan watch")
struct ChangesCLITests {
    let cli = CLI()

    @Test("the demo's dossiers are recorded as first judged; --since and --partnership narrow; a bad --since is a usage error")
    func changes() throws {
        #expect(try cli.run("demo", "--db", "demo.sqlite", "--report", cli.directory.path("r.html")).status == 0)
        let json = try cli.run("changes", "--db", "demo.sqlite", "--format", "json")
        let changes = try #require(
            (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["changes"] as? [[String: Any]])
        #expect(Set(changes.compactMap { $0["partnership"] as? String }) == ["iran-kazakhstan", "iran-turkmenistan"])
        #expect(changes.allSatisfy { $0["from"] is NSNull && ($0["cause"] as? [String: Any])?["format"] as? String == "dossier" })
        let tests = changes.filter { $0["kind"] as? String == "test" && $0["partnership"] as? String == "iran-kazakhstan" }
        #expect(tests.compactMap { $0["id"] as? String }.sorted() == ["corridor", "projects", "trade"])
        let later = try cli.run("changes", "--db", "demo.sqlite", "--since", "2090-01-01")
        #expect(later.status == 0 && later.stdout.hasPrefix("No change recorded since then"))
        let bad = try cli.run("changes", "--db", "demo.sqlite", "--since", "last week")
        #expect(bad.status == 64 && bad.stderr.contains("--since") && bad.stderr.contains("expected a date"))
        let unknown = try cli.run("changes", "--db", "demo.sqlite", "--partnership", "nowhere")
        #expect(unknown.status == 1 && unknown.stderr.contains("no dossier for partnership 'nowhere'"))
    }

    @Test("a watch's secret is printed once; a receiver that is away does not fail the import, and is owed what it missed")
    func watch() throws {
        #expect(try cli.run("demo", "--db", "demo.sqlite", "--report", cli.directory.path("r.html")).status == 0)
        let refused = try cli.run("watch", "add", "--db", "demo.sqlite", "--url", "ftp://example.org/hook")
        #expect(refused.status == 64 && refused.stderr.contains("--url"))
        let added = try cli.run("watch", "add", "--db", "demo.sqlite", "--url", "http://127.0.0.1:9/hook", "--allow-private-watches")
        let secret = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(added.status == 0 && secret.hasPrefix("cvn_") && added.stderr.contains("shown only this once"))
        let list = try cli.run("watch", "list", "--db", "demo.sqlite")
        #expect(list.stdout.contains("http://127.0.0.1:9/hook") && !list.stdout.contains(secret))

        // A second partnership: its first judgement is owed to the watch, whose address takes nothing.
        let dossier = try String(contentsOf: CLI.repository.appendingPathComponent("Data/dossiers/iran-turkmenistan.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "id: iran-turkmenistan", with: "id: iran-turkmenistan-2")
        let imported = try cli.run("import", "--db", "demo.sqlite", "--allow-private-watches", cli.directory.write("second.yaml", dossier))
        #expect(imported.status == 0 && imported.stdout.contains("changed: iran-turkmenistan-2 test trade: none →"))
        #expect(imported.stderr.contains("watches: 0 delivered") && imported.stderr.contains("failed and owed still"), "\(imported.stderr)")
        let deliver = try cli.run("watch", "deliver", "--db", "demo.sqlite", "--allow-private-watches")
        #expect(deliver.status == 0 && deliver.stdout.contains("0 delivered, 0 failed"), "a failed delivery waits its turn: \(deliver.stdout)")

        #expect(try cli.run("watch", "remove", "--db", "demo.sqlite", "1").status == 0)
        let again = try cli.run("watch", "remove", "--db", "demo.sqlite", "1")
        #expect(again.status == 1 && again.stderr.contains("no active watch has id 1"))
    }

    @Test("without --allow-private-watches a loopback address is refused, at once in words and at delivery; failing watches are a line each")
    func privateWatches() throws {
        #expect(try cli.run("demo", "--db", "demo.sqlite", "--report", cli.directory.path("r.html")).status == 0)
        let refused = try cli.run("watch", "add", "--db", "demo.sqlite", "--url", "http://0x7f.1:9/hook")
        #expect(
            refused.status == 64 && refused.stderr.contains("--url: 0x7f.1 is 127.0.0.1, a loopback address; watches go to public addresses only"),
            "\(refused.stderr)")
        // Seven receivers that are away, on loopback's discard port: each owed the next partnership's first judgement.
        for n in 1...7 {
            let url = "http://127.0.0.1:9/hook-\(n)-" + String(repeating: "x", count: 120)
            #expect(try cli.run("watch", "add", "--db", "demo.sqlite", "--url", url, "--allow-private-watches").status == 0)
        }
        let base = try String(contentsOf: CLI.repository.appendingPathComponent("Data/dossiers/iran-turkmenistan.yaml"), encoding: .utf8)
        let second = base.replacingOccurrences(of: "id: iran-turkmenistan", with: "id: iran-turkmenistan-2")
        let allowed = try cli.run("import", "--db", "demo.sqlite", "--allow-private-watches", cli.directory.write("second.yaml", second))
        let lines = allowed.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("watches:") || $0.hasPrefix("  ") }
        #expect(allowed.status == 0 && lines.count == 7 && lines.allSatisfy { $0.count <= 100 }, "\(allowed.stderr)")
        #expect(lines[1].hasPrefix("  #1 http://127.0.0.1:9/hook-1-xx") && lines[1].hasSuffix("…: failed: no answer"), "\(lines)")
        #expect(lines.last == "  and 2 more watches failed")
        // Without the setting, the same watches are refused before any connection.
        let third = base.replacingOccurrences(of: "id: iran-turkmenistan", with: "id: iran-turkmenistan-3")
        let plain = try cli.run("import", "--db", "demo.sqlite", cli.directory.write("third.yaml", third))
        #expect(plain.status == 0 && plain.stderr.contains("…: refused: not a public address"), "\(plain.stderr)")
        #expect(!plain.stderr.contains("failed: no answer") && !allowed.stderr.contains("errno"))
    }
}
