import CaravanCore
import CaravanStore
import Foundation
import Logging
import NIOCore
import PostgresNIO

/// Streams a feed's figures into `observation` with `COPY … FROM STDIN`, inside the caller's
/// transaction. A COPY holds the connection, so when a row cites a source not yet stored the
/// COPY is ended, the source inserted, and a new COPY begun. Reading the feed is the lease's own
/// time; every write is a wait on the server, held to the answer timeout.
struct PostgresObservationCopy {
    static let columns = ["reporter", "partner", "flow", "commodity", "period", "source_id", "value_usd", "quantity_t", "valuation", "note", "line"]
    /// Bytes gathered before a write to the socket.
    private static let chunk = 1 << 18

    let connection: PostgresConnection
    let lease: PostgresLease
    let batch: Int64
    let logger: Logger
    private var sourceIDs: [Int: Int64] = [:]
    /// A row read whose source was not yet stored when its COPY ended.
    private var carried: StagedObservation?

    init(connection: PostgresConnection, lease: PostgresLease, batch: Int64, logger: Logger) {
        self.connection = connection
        self.lease = lease
        self.batch = batch
        self.logger = logger
    }

    /// Writes every figure of the feed; returns how many.
    mutating func write<Feed: ObservationFeed>(_ feed: Feed) async throws -> Int {
        var count = 0
        while true {
            if let row = try carried ?? lease.ours({ try feed.next() }) {
                carried = row
                if sourceIDs[row.source] == nil {
                    sourceIDs[row.source] = try await insertSource(feed.sources[row.source])
                }
            } else {
                return count
            }
            count += try await copy(from: feed)
        }
    }

    /// One COPY: the carried row, then rows until the feed ends or cites a new source.
    private mutating func copy<Feed: ObservationFeed>(from feed: Feed) async throws -> Int {
        var lines: [Int?] = []
        var text = RowText()
        let (known, lease, connection, logger) = (sourceIDs, self.lease, self.connection, self.logger)
        var next = carried
        carried = nil
        do {
            try await lease.copying {
                try await connection.copyFrom(table: "observation", columns: Self.columns, logger: logger) { writer in
                    var buffer = ByteBuffer()
                    buffer.reserveCapacity(Self.chunk + 4096)
                    while let row = next {
                        guard let source = known[row.source] else { break }
                        text.append(row, source: source, to: &buffer)
                        lines.append(row.line)
                        if buffer.readableBytes >= Self.chunk {
                            let chunk = buffer
                            try await lease.abandoning { try await writer.write(chunk) }
                            buffer.clear()
                        }
                        next = try lease.ours { try feed.next() }
                    }
                    if buffer.readableBytes > 0 {
                        let chunk = buffer
                        try await lease.abandoning { try await writer.write(chunk) }
                    }
                }
            }
        } catch let error as PSQLError where error.isUniqueViolation() {
            throw Self.duplicate(error, lines: lines)
        }
        carried = next
        return lines.count
    }

    private func insertSource(_ draft: SourceDraft) async throws -> Int64 {
        try await Self.insert(draft, batch: batch, connection, logger: logger)
    }

    /// Stores one source of a batch and returns its id; every kind of row stores its sources here.
    static func insert(_ draft: SourceDraft, batch: Int64, _ connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        let status: String? = draft.status == .outturn ? nil : draft.status.rawValue
        let rows = try await connection.query(
            """
            INSERT INTO source (import_id, kind, provider, title, url, published, compiler, status, edition)
            VALUES (\(batch), \(draft.kind.rawValue), \(draft.provider), \(draft.title), \(draft.url), \(draft.published),
                    \(draft.compiler), \(status), \(draft.edition)) RETURNING id
            """, logger: logger)
        var id: Int64 = 0
        for try await value in rows.decode(Int64.self) { id = value }
        return id
    }

    /// The refusal of a row that repeats another, naming its line in the file. The server names
    /// the COPY's line ("COPY observation, line 3") and the repeated key.
    private static func duplicate(_ error: PSQLError, lines: [Int?]) -> StoreError {
        let context = error.serverInfo?[.locationContext] ?? ""
        let copyLine = context.range(of: "line ").flatMap { Int(context[$0.upperBound...].prefix { $0.isNumber }) }
        let line = copyLine.flatMap { $0 >= 1 && $0 <= lines.count ? lines[$0 - 1] : nil }
        // "Key (reporter, …)=(KAZ, IRN, export, TOTAL, 2024, 7) already exists."
        let detail = error.serverInfo?[.detail] ?? ""
        let values = detail.split(separator: "=", maxSplits: 1).last.map { $0.drop { $0 != "(" }.dropFirst().prefix { $0 != ")" } }
        let key = values.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        let reason =
            key.count >= 5
            ? "\(key[0])→\(key[1]) \(key[2]) \(key[3]) \(key[4]) appears twice in the file" : "a figure repeats another of the same file: \(detail)"
        return StoreError.duplicate(line: line, reason: reason)
    }
}

/// Rows in COPY's text format: tab-separated, `\N` for null, backslash escapes.
private struct RowText {
    /// Files repeat one period for long runs of rows: its label is written out once a run.
    private var period = PeriodColumns(.year(0))

    mutating func append(_ staged: StagedObservation, source: Int64, to buffer: inout ByteBuffer) {
        let o = staged.observation
        field(o.reporter, &buffer)
        field(o.partner, &buffer)
        field(o.flow.rawValue, &buffer)
        field(o.commodity, &buffer)
        if period.period != o.period { period = PeriodColumns(o.period) }
        field(period.label, &buffer)
        buffer.writeString(String(source))
        buffer.writeInteger(UInt8(ascii: "\t"))
        buffer.writeString(o.valueUSD.description)
        buffer.writeInteger(UInt8(ascii: "\t"))
        field(o.quantityT?.description, &buffer)
        field(o.valuation?.rawValue, &buffer)
        field(o.note, &buffer)
        field(staged.line.map(String.init), &buffer, last: true)
    }

    private func field(_ text: String?, _ buffer: inout ByteBuffer, last: Bool = false) {
        if let text {
            var text = text
            text.withUTF8 { bytes in
                if !bytes.contains(where: { $0 == UInt8(ascii: "\\") || $0 < 0x20 }) {
                    buffer.writeBytes(bytes)
                    return
                }
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                    case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                    case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                    case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                    default: buffer.writeInteger(byte)
                    }
                }
            }
        } else {
            buffer.writeStaticString("\\N")
        }
        buffer.writeInteger(UInt8(ascii: last ? "\n" : "\t"))
    }
}
