import CZlib
import CaravanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A ZIP archive's table of contents, read from its central directory (ZIP64 too, for archives and
/// members above 4 GiB), so that one member can be read without unpacking the others to disk.
public final class ZipArchive: @unchecked Sendable {
    /// One member: its name, how it is stored, and where.
    public struct Member: Sendable, Hashable {
        public let name: String
        let method: UInt16
        let crc: UInt32
        let compressedSize: Int64
        public let size: Int64
        let headerOffset: Int64
    }

    public let path: String
    public let members: [Member]
    private let descriptor: Int32
    private let fileSize: Int64

    /// True when the file at `location` starts as a ZIP archive does.
    public static func isArchive(_ location: String) -> Bool {
        let descriptor = open(location, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var magic: UInt32 = 0
        return pread(descriptor, &magic, 4, 0) == 4 && UInt32(littleEndian: magic) == 0x0403_4B50
    }

    /// Opens the archive at `location`, naming it `name` in errors.
    public init(path location: String, name: String? = nil) throws(ImportError) {
        path = name ?? location
        var info = stat()
        guard stat(location, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadable(file: path, reason: "not a regular file")
        }
        descriptor = open(location, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        fileSize = Int64(info.st_size)
        do {
            members = try Self.readDirectory(descriptor, size: fileSize, file: path)
        } catch {
            close(descriptor)
            throw error
        }
    }

    deinit { close(descriptor) }

    /// A small member's whole text (a code table), refused above `limit` bytes.
    public func text(of member: Member, limit: Int64 = 16 << 20) throws(ImportError) -> String {
        guard member.size <= limit else { throw .unreadable(file: "\(path)/\(member.name)", reason: "larger than a code table can be") }
        let input = try input(member)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { chunk.deallocate() }
        var bytes: [UInt8] = []
        while case let count = try input.read(into: chunk), count > 0 { bytes += chunk[..<count] }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The member's bytes, inflated as they are read.
    func input(_ member: Member) throws(ImportError) -> ZipMemberInput {
        var header = [UInt8](repeating: 0, count: 30)
        try Self.read(descriptor, &header, at: member.headerOffset, file: path)
        guard header.le32(0) == 0x0403_4B50 else {
            throw .malformed(file: path, line: nil, reason: "\(member.name): no local header where the directory says")
        }
        let start = member.headerOffset + 30 + Int64(header.le16(26)) + Int64(header.le16(28))
        guard member.compressedSize <= fileSize - start else {
            throw .malformed(file: path, line: nil, reason: "\(member.name) runs past the end of the archive: the file is truncated")
        }
        return try ZipMemberInput(descriptor: descriptor, member: member, start: start, archive: path)
    }

    private static func readDirectory(_ descriptor: Int32, size: Int64, file: String) throws(ImportError) -> [Member] {
        // The end record sits in the last 22 bytes plus a comment of up to 64 KiB.
        let tailLength = Int(min(size, 22 + 65_535))
        var tail = [UInt8](repeating: 0, count: tailLength)
        try read(descriptor, &tail, at: size - Int64(tailLength), file: file)
        guard let end = stride(from: tailLength - 22, through: 0, by: -1).first(where: { tail.le32($0) == 0x0605_4B50 }) else {
            throw .malformed(file: file, line: nil, reason: "not a ZIP archive, or truncated: no end of central directory")
        }
        var count = Int64(tail.le16(end + 10))
        var directorySize = Int64(tail.le32(end + 12))
        var directoryOffset = Int64(tail.le32(end + 16))
        let endOffset = size - Int64(tailLength) + Int64(end)
        if directoryOffset == 0xFFFF_FFFF || count == 0xFFFF, endOffset >= 20 {
            var locator = [UInt8](repeating: 0, count: 20)
            try read(descriptor, &locator, at: endOffset - 20, file: file)
            if locator.le32(0) == 0x0706_4B50 {
                var record = [UInt8](repeating: 0, count: 56)
                let recordOffset = Int64(truncatingIfNeeded: locator.le64(8))
                guard recordOffset >= 0, recordOffset <= size - 56 else {
                    throw .malformed(file: file, line: nil, reason: "a broken ZIP64 end locator")
                }
                try read(descriptor, &record, at: recordOffset, file: file)
                guard record.le32(0) == 0x0606_4B50 else { throw .malformed(file: file, line: nil, reason: "a broken ZIP64 end record") }
                count = Int64(truncatingIfNeeded: record.le64(32))
                directorySize = Int64(truncatingIfNeeded: record.le64(40))
                directoryOffset = Int64(truncatingIfNeeded: record.le64(48))
            }
        }
        // Each entry takes 46 bytes at least, so a count above the directory's size is a lie.
        guard directoryOffset >= 0, directorySize >= 0, directorySize <= size - directoryOffset, directorySize < 1 << 30, count >= 0,
            count <= directorySize / 46
        else {
            throw .malformed(file: file, line: nil, reason: "the central directory lies outside the file: the archive is truncated")
        }
        var directory = [UInt8](repeating: 0, count: Int(directorySize))
        try read(descriptor, &directory, at: directoryOffset, file: file)
        var members: [Member] = []
        var at = 0
        for _ in 0..<count {
            guard at + 46 <= directory.count, directory.le32(at) == 0x0201_4B50 else {
                throw .malformed(file: file, line: nil, reason: "a broken central directory entry")
            }
            let nameLength = Int(directory.le16(at + 28))
            let extraLength = Int(directory.le16(at + 30))
            let commentLength = Int(directory.le16(at + 32))
            guard at + 46 + nameLength + extraLength + commentLength <= directory.count else {
                throw .malformed(file: file, line: nil, reason: "a central directory entry runs past its end")
            }
            let name = String(decoding: directory[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            var compressed = Int64(directory.le32(at + 20))
            var uncompressed = Int64(directory.le32(at + 24))
            var offset = Int64(directory.le32(at + 42))
            // ZIP64: sizes and offset that do not fit 32 bits are in extra field 0x0001, in this order.
            var extra = at + 46 + nameLength
            let extraEnd = extra + extraLength
            while extra + 4 <= extraEnd {
                let id = directory.le16(extra)
                let length = Int(directory.le16(extra + 2))
                if id == 1 {
                    var field = extra + 4
                    func wide(_ value: inout Int64) {
                        guard value == 0xFFFF_FFFF, field + 8 <= extra + 4 + length, field + 8 <= directory.count else { return }
                        value = Int64(truncatingIfNeeded: directory.le64(field))
                        field += 8
                    }
                    wide(&uncompressed)
                    wide(&compressed)
                    wide(&offset)
                }
                extra += 4 + length
            }
            guard compressed >= 0, uncompressed >= 0, offset >= 0, offset <= size - 30 else {
                throw .malformed(file: file, line: nil, reason: "\(name): sizes or an offset beyond the archive")
            }
            members.append(
                Member(
                    name: name, method: directory.le16(at + 10), crc: directory.le32(at + 16), compressedSize: compressed, size: uncompressed,
                    headerOffset: offset))
            at += 46 + nameLength + extraLength + commentLength
        }
        return members
    }

    private static func read(_ descriptor: Int32, _ buffer: inout [UInt8], at offset: Int64, file: String) throws(ImportError) {
        var done = 0
        while done < buffer.count {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, $0.count - done, off_t(offset) + off_t(done)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw .malformed(file: file, line: nil, reason: "the archive ends early: the file is truncated") }
            done += count
        }
    }
}

/// One member of a ZIP archive, stored or deflated, read as a stream; its CRC is checked at the end.
final class ZipMemberInput: ByteInput {
    private let descriptor: Int32
    private let member: ZipArchive.Member
    private let archive: String
    private var offset: Int64
    private var remaining: Int64
    private var stream = z_stream()
    private let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
    private var crc: uLong = crc32(0, nil, 0)
    private var produced: Int64 = 0
    private var ended = false
    private var streamEnded = false

    var position: Int64 { member.compressedSize - remaining }

    init(descriptor: Int32, member: ZipArchive.Member, start: Int64, archive: String) throws(ImportError) {
        self.descriptor = descriptor
        self.member = member
        self.archive = archive
        offset = start
        remaining = member.compressedSize
        // Thrown once every property is set, so deinit frees the chunk and ends the stream.
        guard member.method == 0 || member.method == 8 else {
            throw .unknownFormat(
                file: "\(archive)/\(member.name)", reason: "compression method \(member.method); only stored and deflated members are read")
        }
        // -15: raw deflate, as ZIP stores it, without a zlib header.
        if member.method == 8, inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) != Z_OK {
            throw .malformed(file: archive, line: nil, reason: "zlib could not be initialised")
        }
    }

    deinit {
        if member.method == 8 { inflateEnd(&stream) }
        chunk.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ImportError) -> Int {
        if ended { return 0 }
        let count = member.method == 0 ? try readStored(into: buffer) : try inflate(into: buffer)
        crc = crc32(crc, buffer.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(count))
        produced += Int64(count)
        // A member inflating past the size its directory declares is refused as it happens, not after gigabytes.
        if produced > member.size {
            throw .malformed(
                file: "\(archive)/\(member.name)", line: nil,
                reason: "inflates past the \(NumberText.grouped(Double(member.size))) bytes the archive declares for it: the archive is corrupt")
        }
        if count == 0 {
            ended = true
            guard produced == member.size, UInt32(truncatingIfNeeded: crc) == member.crc else {
                throw .malformed(
                    file: "\(archive)/\(member.name)", line: nil, reason: "the member's data does not match its checksum: the archive is corrupt")
            }
        }
        return count
    }

    private func pull(into target: UnsafeMutableRawBufferPointer) throws(ImportError) -> Int {
        let wanted = Int(min(Int64(target.count), remaining))
        guard wanted > 0 else { return 0 }
        while true {
            let count = pread(descriptor, target.baseAddress, wanted, off_t(offset))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw .malformed(file: archive, line: nil, reason: "\(member.name) ends early: the archive is truncated") }
            offset += Int64(count)
            remaining -= Int64(count)
            return count
        }
    }

    private func readStored(into buffer: UnsafeMutableRawBufferPointer) throws(ImportError) -> Int { try pull(into: buffer) }

    private func inflate(into buffer: UnsafeMutableRawBufferPointer) throws(ImportError) -> Int {
        stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = UInt32(buffer.count)
        while stream.avail_out > 0 && !streamEnded {
            if stream.avail_in == 0 {
                let count = try pull(into: chunk)
                stream.next_in = chunk.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = UInt32(count)
            }
            let status = CZlib.inflate(&stream, Z_NO_FLUSH)
            if status == Z_STREAM_END { streamEnded = true }
            // No input left and no progress: the data stops short, which the size and checksum then show.
            if status == Z_BUF_ERROR && stream.avail_in == 0 && remaining == 0 { break }
            guard status == Z_OK || status == Z_BUF_ERROR || status == Z_STREAM_END else {
                let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                throw .malformed(file: "\(archive)/\(member.name)", line: nil, reason: "the deflated data is corrupt (\(message))")
            }
        }
        return buffer.count - Int(stream.avail_out)
    }
}

extension [UInt8] {
    fileprivate func le16(_ at: Int) -> UInt16 { UInt16(self[at]) | UInt16(self[at + 1]) << 8 }
    fileprivate func le32(_ at: Int) -> UInt32 { UInt32(le16(at)) | UInt32(le16(at + 2)) << 16 }
    fileprivate func le64(_ at: Int) -> UInt64 { UInt64(le32(at)) | UInt64(le32(at + 4)) << 32 }
}
