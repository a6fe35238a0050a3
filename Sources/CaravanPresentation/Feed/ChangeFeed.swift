import CaravanCore
import CaravanStore
import Foundation

/// A partnership's changes as an Atom feed (RFC 4287), newest first: one entry a change, its id
/// kept for good, so a reader shows each once. Links are relative to the feed's own address.
public enum ChangeFeed {
    public static func atom(partnership: String, changes: [RecordedChange], now: Date = Date(), limit: Int = 100) -> HTML {
        let newest = Array(changes.filter { $0.partnership == partnership }.reversed().prefix(limit))
        let entries = newest.map { change -> HTML in
            let entry = ChangeList.Entry(change)
            let cause =
                change.cause.map { "caused by import #\($0.id) of \($0.file) (\($0.format)), recorded \(Timestamp.text($0.recordedAt))" }
                ?? "judged again with nothing new stored: a deadline passed, or the first judgement"
            return """
                <entry><id>urn:caravan:change:\(xml(partnership)):\(Int(change.id))</id>\
                <title>\(xml("\(partnership): \(entry.summary)"))</title>\
                <updated>\(Timestamp.text(change.at))</updated>\
                <link rel="alternate" type="text/html" href="/?partnership=\(xml(DashboardFrame.percentEncoded(partnership)))"/>\
                <summary>\(xml("\(entry.summary); \(cause)."))</summary></entry>
                """
        }
        let updated = newest.first?.at ?? now
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">\
            <id>urn:caravan:changes:\(xml(partnership))</id>\
            <title>\(xml("Caravan: what changed in \(partnership)'s scorecard"))</title>\
            <updated>\(Timestamp.text(updated))</updated>\
            <author><name>Caravan</name></author>\
            <link rel="self" type="application/atom+xml" href="/feed/\(xml(DashboardFrame.percentEncoded(partnership))).atom"/>\
            <link rel="alternate" type="text/html" href="/changes?partnership=\(xml(DashboardFrame.percentEncoded(partnership)))"/>
            \(entries.joined(separator: "\n"))
            </feed>

            """
    }

    /// Text as XML 1.0 takes it: escaped, and without the control characters it forbids.
    private static func xml(_ text: String) -> HTML {
        HTML(
            text: String(
                String.UnicodeScalarView(
                    text.unicodeScalars.filter { scalar in
                        scalar.value >= 0x20 ? !(0xFFFE...0xFFFF).contains(scalar.value) : [0x09, 0x0A, 0x0D].contains(scalar.value)
                    })))
    }
}
