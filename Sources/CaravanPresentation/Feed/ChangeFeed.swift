import CaravanCore
import CaravanStore
import Foundation

/// A partnership's changes as an Atom feed (RFC 4287), newest first: one entry a change, its id
/// kept for good, so a reader shows each once. Links are relative to the feed's own address.
public enum ChangeFeed {
    public static func atom(partnership: String, changes: [RecordedChange], now: Date = Date(), limit: Int = 100) -> XML {
        let newest = Array(changes.filter { $0.partnership == partnership }.reversed().prefix(limit))
        let entries = newest.map { change -> XML in
            let entry = ChangeList.Entry(change)
            let cause =
                change.cause.map { "caused by import #\($0.id) of \($0.file) (\($0.format)), recorded \(Timestamp.text($0.recordedAt))" }
                ?? "judged again with nothing new stored: a deadline passed, or the first judgement"
            return """
                <entry><id>urn:caravan:change:\(partnership):\(Int(change.id))</id>\
                <title>\("\(partnership): \(entry.summary)")</title>\
                <updated>\(Timestamp.text(change.at))</updated>\
                <link rel="alternate" type="text/html" href="/?partnership=\(DashboardFrame.percentEncoded(partnership))"/>\
                <summary>\("\(entry.summary); \(cause).")</summary></entry>
                """
        }
        let updated = newest.first?.at ?? now
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">\
            <id>urn:caravan:changes:\(partnership)</id>\
            <title>\("Caravan: what changed in \(partnership)'s scorecard")</title>\
            <updated>\(Timestamp.text(updated))</updated>\
            <author><name>Caravan</name></author>\
            <link rel="self" type="application/atom+xml" href="/feed/\(DashboardFrame.percentEncoded(partnership)).atom"/>\
            <link rel="alternate" type="text/html" href="/changes?partnership=\(DashboardFrame.percentEncoded(partnership))"/>
            \(entries, separator: "\n")
            </feed>

            """
    }
}
