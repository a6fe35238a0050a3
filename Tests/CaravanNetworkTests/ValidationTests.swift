import CaravanNetwork
import Testing

@Suite("Network validation")
struct ValidationTests {
    /// `sample` with one text replaced.
    func variant(_ old: String, _ new: String) -> String { sample.replacingOccurrences(of: old, with: new) }

    @Test("the sample network is accepted")
    func accepted() {
        #expect(problems(sample).isEmpty)
    }

    @Test(
        "each broken figure or reference is refused with the JSON path of the culprit",
        arguments: [
            (#""to": "C", "mode": "rail""#, #""to": "X", "mode": "rail""#, "$.links[1].to: unknown node 'X'"),
            (#"{"id": "C", "name""#, #"{"id": "B", "name""#, "$.nodes[2].id: duplicate id 'B' (also $.nodes[1].id)"),
            (#""id": "bc""#, #""id": "ab""#, "$.links[1].id: duplicate id 'ab' (also $.links[0].id)"),
            (#""length_km": 400"#, #""length_km": -400"#, "$.links[0].length_km: must be greater than 0 km, not -400"),
            (#""hours": 6,"#, #""hours": 0,"#, "$.links[1].hours: must be greater than 0 hours, not 0"),
            (#""capacity_mt": 4}"#, #""capacity_mt": 0}"#, "$.nodes[1].capacity_mt: must be greater than 0 Mt a year, not 0"),
            (#""hours": 6,"#, "", "$.links[1]: needs hours, or length_km and speed_kmh"),
            (#""mode": "sea""#, #""mode": "plane""#, "$.links[3].mode (line 11): unknown mode 'plane'; expected rail, road, sea or ferry"),
            (#""from": "C", "to": "D""#, #""from": "D", "to": "D""#, "$.links[3].to: a link may not end where it starts ('D')"),
            (#""dwell_hours": 1"#, #""dwell_hours": -1"#, "$.nodes[2].dwell_hours: must be at least 0 hours, not -1"),
            (#""country": "IRN"}"#, #""country": "Iran"}"#, "$.nodes[3].country: unknown country 'Iran'; expected an ISO 3166 alpha-3 code"),
        ])
    func refused(old: String, new: String, expected: String) {
        #expect(problems(variant(old, new)).first == expected)
    }

    @Test("a document that is not JSON says where it broke")
    func broken() {
        #expect(problems(#"{"nodes": [{"id": "A", "name": "A"}"#) == ["$.nodes[0] (line 1): expected ',' or ']', found the end of the document"])
        #expect(
            problems(#"{"links": [{"id": "l", "from": "A", "to": "B"}]}"#) == [
                "$.links[0].mode (line 1): a link needs a mode: rail, road, sea or ferry"
            ])
    }
}
