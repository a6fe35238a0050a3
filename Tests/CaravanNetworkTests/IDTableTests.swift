import CaravanNetwork
import Testing

@Suite("The id table")
struct IDTableTests {
    @Test("finds what was inserted, keeps the first value of a repeated id, and grows past its size")
    func table() {
        var table = IDTable(capacity: 4)
        for i in 0..<10_000 { #expect(table.insert("n\(i)", Int32(i)) == nil) }
        #expect(table.insert("n42", 7) == 42)
        #expect(table.count == 10_000)
        #expect((0..<10_000).allSatisfy { table.find("n\($0)") == Int32($0) })
        #expect(table.find("n10000") == nil && table.find("") == nil && table.find("Zürich") == nil)
        table.insert("Zürich", -5)
        #expect(table.find("Zürich") == -5)
    }

    @Test("finds many keys at once as one at a time, -1 for a missing one, across batches")
    func batch() {
        var table = IDTable(capacity: 1_000)
        for i in 0..<1_000 { table.insert("n\(i)", Int32(i * 2)) }
        let keys = (0..<1_037).map { $0 % 3 == 0 ? "m\($0)" : "n\($0)" }
        #expect(table.find(count: keys.count) { keys[$0] } == keys.map { table.find($0) ?? -1 })
        #expect(table.find(count: 0) { keys[$0] }.isEmpty)
    }
}
