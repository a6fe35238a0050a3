import CaravanStore
import Foundation
import Testing

@Suite("Content stored once, and documents restored, worked out without a database")
struct StoredOnceTests {
    let first = ImportBatch(
        id: 2, file: "net.json", format: "network", contentDigest: "abc", recordedAt: Date(timeIntervalSince1970: 0), observations: 1)
    let later = ImportBatch(
        id: 5, file: "net-v2.json", format: "network", contentDigest: "", recordedAt: Date(timeIntervalSince1970: 60), observations: 1)

    @Test("content a batch holds is answered with that batch; new content is stored")
    func once() {
        #expect(StoredOnce.receipt(earlier: first) == .alreadyImported(first))
        #expect(StoredOnce.receipt(earlier: nil) == nil)
    }

    @Test("a feed that cannot say its digest gets one of its own, which matches nothing")
    func digest() {
        #expect(StoredOnce.digest("abc") == "abc")
        let (a, b) = (StoredOnce.digest(nil), StoredOnce.digest(nil))
        #expect(a != b && !a.isEmpty)
    }

    @Test("the content hands its report back typed when the import is rolled back")
    func alreadyImported() {
        let thrown: any Error = AlreadyImported(first, report: 42)
        #expect((thrown as? AlreadyImported<Int>)?.answer.report == 42)
        #expect((thrown as? AlreadyImported<Int>)?.answer.receipt == .alreadyImported(first))
    }

    @Test("a new document is stored under its digest")
    func newDocument() {
        let restore = DocumentRestore(digest: "abc", earlier: nil, current: 3)
        #expect(restore == .store(digest: "abc", earlier: nil))
        #expect(DocumentRestore.receipt(later, digest: "abc", earlier: nil) == .stored(later))
    }

    @Test("a document stored before and still current adds nothing")
    func current() {
        #expect(DocumentRestore(digest: "abc", earlier: first, current: 2) == .alreadyImported(first))
    }

    @Test("a document stored before and since superseded is restored: a new batch with no digest of its own, shown under the content's")
    func restored() {
        let restore = DocumentRestore(digest: "abc", earlier: first, current: 4)
        #expect(restore == .store(digest: nil, earlier: first))
        var shown = later
        shown.contentDigest = "abc"
        #expect(DocumentRestore.receipt(later, digest: "abc", earlier: first) == .restored(shown, earlier: first))
    }
}
