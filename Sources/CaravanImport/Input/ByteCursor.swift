import Crypto

/// Hands out the bytes of an input chunk by chunk (1 MiB at a time), or one at a time, hashing
/// each chunk as it is read.
final class ByteCursor {
    private let input: any ByteInput
    private let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
    private var start = 0
    private var end = 0
    private var ended = false
    private var hasher = SHA256()

    init(_ input: any ByteInput) { self.input = input }

    deinit { chunk.deallocate() }

    /// Bytes consumed from the file on disk, for progress.
    var position: Int64 { input.position }

    /// The unread bytes of the current chunk, reading the next chunk when it is used up; nil at
    /// the end. The bytes are valid until the next call, and count as consumed.
    func nextBytes() throws(ImportError) -> UnsafeRawBufferPointer? {
        if start == end {
            guard try refill() else { return nil }
        }
        let bytes = UnsafeRawBufferPointer(rebasing: chunk[start..<end])
        start = end
        return bytes
    }

    /// The next byte, or nil at the end of the input.
    func next() throws(ImportError) -> UInt8? {
        if start == end {
            guard try refill() else { return nil }
        }
        let byte = chunk.load(fromByteOffset: start, as: UInt8.self)
        start += 1
        return byte
    }

    private func refill() throws(ImportError) -> Bool {
        if ended { return false }
        let count = try input.read(into: chunk)
        guard count > 0 else {
            ended = true
            return false
        }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        start = 0
        end = count
        return true
    }

    /// SHA-256 in hex of every byte of the input, reading what is left of it.
    func digest() -> String {
        while (try? nextBytes()) != nil {}
        return hasher.finalize().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
