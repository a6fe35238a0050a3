import CaravanCore
import CaravanImport
import CaravanService
import CaravanStore
import Foundation

extension ImportResult {
    /// The summary `caravan import` prints: rows read, stored and skipped, and why.
    public var text: String {
        let summary = self.summary
        var lines: [String] = []
        switch receipt {
        case .alreadyImported(let batch):
            lines.append(
                "\(summary.file) (\(summary.format.rawValue)): already imported as #\(batch.id) at \(Timestamp.text(batch.recordedAt)) (same content); nothing added"
            )
        case .restored(let batch, let earlier):
            lines.append(
                "\(summary.file) (\(summary.format.rawValue)): the same content as import #\(earlier.id), made current again as import #\(batch.id) at \(Timestamp.text(batch.recordedAt))"
            )
        case .stored(let batch):
            let derived = summary.derived > 0 ? " (+ \(NumberText.grouped(Double(summary.derived))) pair totals derived)" : ""
            lines.append(
                "\(summary.file) (\(summary.format.rawValue)): \(count(summary.rowsRead)) rows read, \(count(summary.rowsStored)) stored\(derived), "
                    + "\(count(summary.skippedCount)) skipped, \(count(summary.rejected)) rejected")
            lines.append("  recorded as import #\(batch.id) at \(Timestamp.text(batch.recordedAt)), sha256 \(batch.contentDigest.prefix(12))…")
        }
        for (reason, n) in summary.skipped.sorted(by: { $0.value > $1.value }) {
            lines.append("  skipped \(count(n)): \(reason)")
        }
        if !summary.flagged.isEmpty {
            let rows = summary.flagged.values.reduce(0, +)
            let codes = summary.flagged.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(5).map { "\($0.key) (\(count($0.value)))" }
            lines.append(
                "  \(count(rows)) \(rows == 1 ? "row carries" : "rows carry") \(count(summary.flagged.count)) \(summary.flagged.count == 1 ? "HS code" : "HS codes") unknown to \(summary.flaggedAgainst), kept: \(codes.joined(separator: ", "))"
                    + (summary.flagged.count > 5 ? ", …" : ""))
        }
        if let file = summary.rejectedFile {
            lines.append("  rejected rows and their reasons: \(file)")
        }
        for note in notes { lines.append("  note: \(note)") }
        for change in ChangeList(changes).changes { lines.append("  changed: \(change.partnership) \(change.summary)") }
        return lines.joined(separator: "\n")
    }

    /// What the import did on one line, without its skips, flags and changes: the demo's summary.
    public var line: String {
        let file = "\(summary.file) (\(summary.format.rawValue))"
        switch receipt {
        case .alreadyImported(let batch): return "\(file): already imported as #\(batch.id); nothing added"
        case .restored(let batch, let earlier): return "\(file): the same content as import #\(earlier.id), current again as #\(batch.id)"
        case .stored(let batch):
            let left = [(summary.skippedCount, "skipped"), (summary.rejected, "rejected")].filter { $0.0 > 0 }.map { ", \(count($0.0)) \($0.1)" }
            return "\(file): \(count(summary.rowsRead)) rows read, \(count(summary.rowsStored)) stored\(left.joined()); import #\(batch.id)"
        }
    }

    private func count(_ n: Int) -> String { NumberText.grouped(Double(n)) }
}
