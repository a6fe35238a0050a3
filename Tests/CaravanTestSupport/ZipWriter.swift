import CZlib
import Foundation

/// Writes a ZIP archive as CEPII's are made: members deflated or stored, and on request with
/// ZIP64 records throughout, as archives above 4 GiB must have them.
public enum ZipWriter {
    public struct Member {
        public var name: String
        public var bytes: [UInt8]
        public var deflated: Bool
        /// The inflated size the headers declare, when it is to be a lie.
        public var declaredSize: Int?

        public init(_ name: String, _ text: String, deflated: Bool = true) {
            self.name = name
            bytes = Array(text.utf8)
            self.deflated = deflated
        }
    }

    public static func archive(_ members: [Member], zip64: Bool = false) -> Data {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for member in members {
            let data = member.deflated ? deflate(member.bytes) : member.bytes
            let crc = UInt32(crc32(0, member.bytes, uInt(member.bytes.count)))
            let offset = out.count
            let name = Array(member.name.utf8)
            let size = member.declaredSize ?? member.bytes.count
            let wide: [UInt8] = zip64 ? le(16, 1) + le(16, 24) + le(64, size) + le(64, data.count) + le(64, offset) : []
            let small32 = { (value: Int) in zip64 ? le(32, 0xFFFF_FFFF) : le(32, value) }
            out += le(32, 0x0403_4B50) + le(16, zip64 ? 45 : 20) + le(16, 0) + le(16, member.deflated ? 8 : 0) + le(32, 0) + le(32, Int(crc))
            out += small32(data.count) + small32(size) + le(16, name.count) + le(16, zip64 ? 28 : 0) + name
            if zip64 { out += le(16, 1) + le(16, 24) + le(64, size) + le(64, data.count) + le(64, 0) }
            out += data
            directory += le(32, 0x0201_4B50) + le(16, 45) + le(16, zip64 ? 45 : 20) + le(16, 0) + le(16, member.deflated ? 8 : 0) + le(32, 0)
            directory += le(32, Int(crc)) + small32(data.count) + small32(size) + le(16, name.count) + le(16, wide.count)
            directory += le(16, 0) + le(16, 0) + le(16, 0) + le(32, 0) + small32(offset) + name + wide
        }
        let directoryOffset = out.count
        out += directory
        if zip64 {
            let record = out.count
            out += le(32, 0x0606_4B50) + le(64, 44) + le(16, 45) + le(16, 45) + le(32, 0) + le(32, 0)
            out += le(64, members.count) + le(64, members.count) + le(64, directory.count) + le(64, directoryOffset)
            out += le(32, 0x0706_4B50) + le(32, 0) + le(64, record) + le(32, 1)
        }
        out += le(32, 0x0605_4B50) + le(16, 0) + le(16, 0) + le(16, zip64 ? 0xFFFF : members.count) + le(16, zip64 ? 0xFFFF : members.count)
        out += le(32, directory.count) + le(32, zip64 ? 0xFFFF_FFFF : directoryOffset) + le(16, 0)
        return Data(out)
    }

    private static func le(_ bits: Int, _ value: Int) -> [UInt8] { (0..<(bits / 8)).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }

    /// Raw deflate, as ZIP stores it.
    private static func deflate(_ input: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        deflateInit2_(&stream, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 64)
        var source = input
        let written = source.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                CZlib.deflate(&stream, Z_FINISH)
                return outBuffer.count - Int(stream.avail_out)
            }
        }
        return Array(output[..<written])
    }
}
