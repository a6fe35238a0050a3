import CZlib

/// The decompressed bytes of a gzip file, inflated as they are read; a file of several gzip
/// members (as `cat a.gz b.gz` makes) reads as their concatenation.
final class GzipInput: ByteInput {
    private let source: FileInput
    private let file: String
    private var stream = z_stream()
    private let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
    private var sourceEnded = false
    private var memberEnded = false

    var position: Int64 { source.position }

    init(_ source: FileInput, file: String) throws(ImportError) {
        self.source = source
        self.file = file
        // 15 + 32: the largest window, and a gzip or zlib header detected automatically.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .malformed(file: file, line: nil, reason: "zlib could not be initialised")
        }
    }

    deinit {
        inflateEnd(&stream)
        chunk.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ImportError) -> Int {
        stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = UInt32(buffer.count)
        while stream.avail_out > 0 {
            if stream.avail_in == 0 && !sourceEnded {
                let count = try source.read(into: chunk)
                sourceEnded = count == 0
                stream.next_in = chunk.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.avail_in = UInt32(count)
            }
            if stream.avail_in == 0 && sourceEnded {
                if !memberEnded {
                    throw .malformed(file: file, line: nil, reason: "the gzip data ends early: the file is truncated")
                }
                break
            }
            if memberEnded {
                // Another gzip member follows the one that ended.
                inflateReset(&stream)
                memberEnded = false
            }
            let status = inflate(&stream, Z_NO_FLUSH)
            switch status {
            case Z_STREAM_END: memberEnded = true
            case Z_OK, Z_BUF_ERROR: break
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                throw .malformed(file: file, line: nil, reason: "the gzip data is corrupt (\(message))")
            }
        }
        return buffer.count - Int(stream.avail_out)
    }
}
