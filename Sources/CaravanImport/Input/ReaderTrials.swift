import CaravanCore
import Foundation

/// The byte-level readers fed raw bytes and driven through everything they offer, for the
/// coverage-guided fuzzer (`caravan-readers-fuzz`, docs/reliability.md) and the replay of its
/// corpus in the tests. Every input must come back — read or refused — and never trap.
package enum ReaderTrials {
    /// The readers a trial can drive.
    package enum Reader: String, CaseIterable, Sendable {
        /// The JSON pull parser, as the network reader and the Comtrade JSON stream use it.
        case json
        /// The CSV/TSV record reader and its field conversions.
        case records
        /// The period syntax and the calendars behind it.
        case period
        /// A ZIP archive's directory, and each member inflated to its end.
        case zip
    }

    package static func run(_ reader: Reader, _ bytes: UnsafeRawBufferPointer) {
        switch reader {
        case .json: json(bytes)
        case .records: records(bytes)
        case .period: period(String(decoding: bytes, as: UTF8.self))
        case .zip: zip(bytes)
        }
    }

    /// The archive reader works on a file, as an archive is one: the bytes are written to one first.
    private static func zip(_ bytes: UnsafeRawBufferPointer) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("caravan-fuzz-\(getpid()).zip").path
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)), let archive = try? ZipArchive(path: path) else { return }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { chunk.deallocate() }
        for member in archive.members.prefix(64) {
            guard let input = try? archive.input(member) else { continue }
            var read = 0
            while let count = try? input.read(into: chunk), count > 0, read < 1 << 26 { read += count }
            _ = try? archive.text(of: member, limit: 1 << 20)
        }
    }

    private static func json(_ bytes: UnsafeRawBufferPointer) {
        if let network = try? NetworkReader.parse(bytes, file: "fuzz.json") { _ = network.problems() }
        var reader = JSONReader(bytes)
        _ = try? reader.skip()
        let stream = JSONRecordReader(ByteCursor(MemoryInput(bytes)), file: "fuzz.json")
        while let object = try? stream.next() { _ = JSONFields(object: object).number("primaryValue") }
    }

    private static func records(_ bytes: UnsafeRawBufferPointer) {
        // The last pass lets a line filter pass over every other line, as a BACI import by pairs does.
        for (delimiter, filtered) in [(UInt8(ascii: ","), false), (UInt8(ascii: "\t"), false), (UInt8(ascii: ","), true)] {
            let reader = RecordReader(ByteCursor(MemoryInput(bytes)), file: "fuzz.csv", delimiter: delimiter)
            if filtered { reader.passes = { $0.count % 2 == 0 } }
            while (try? reader.next()) == true {
                for field in 0...reader.count {
                    _ = reader.text(field)
                    _ = reader.double(field)
                    _ = reader.int(field)
                    _ = reader.isBlank(field)
                }
                _ = reader.fieldNotText()
                _ = reader.raw
            }
        }
    }

    private static func period(_ text: String) {
        guard let period = try? Period(parsing: text) else { return }
        _ = period.description
        _ = period.inOtherCalendar.description
        _ = period.previousYear.description
        _ = Period.spanning(period.days, in: period.calendar.other).description
        if period.units.count <= 400 { _ = period.units.map(\.description) }
    }
}

/// Bytes already in memory, read as a file would be.
final class MemoryInput: ByteInput {
    private let bytes: [UInt8]
    private(set) var position: Int64 = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = Array(bytes) }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ImportError) -> Int {
        let count = min(buffer.count, bytes.count - Int(position))
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[Int(position)..<Int(position) + count]))
        }
        position += Int64(count)
        return count
    }
}
