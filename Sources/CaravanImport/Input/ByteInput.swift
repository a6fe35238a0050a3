#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A stream of bytes read in chunks: a file, or what a gzip file decompresses to.
protocol ByteInput: AnyObject {
    /// Fills `buffer` from the start and returns the number of bytes written; 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ImportError) -> Int
    /// Bytes consumed from the file on disk so far, for progress.
    var position: Int64 { get }
}

/// The bytes of a file on disk, read with POSIX calls so that memory stays flat.
final class FileInput: ByteInput {
    private let descriptor: Int32
    private let path: String
    private(set) var position: Int64 = 0
    /// The size of the file on disk.
    let size: Int64

    /// Opens `location`, naming it `name` in errors.
    init(path location: String, name path: String) throws(ImportError) {
        self.path = path
        var info = stat()
        guard stat(location, &info) == 0 else { throw .unreadable(file: path, reason: Self.errorText()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(file: path, reason: "not a regular file") }
        descriptor = open(location, O_RDONLY)
        guard descriptor >= 0 else { throw .unreadable(file: path, reason: Self.errorText()) }
        size = Int64(info.st_size)
    }

    deinit { close(descriptor) }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ImportError) -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 {
                position += Int64(count)
                return count
            }
            if errno != EINTR { throw .unreadable(file: path, reason: Self.errorText()) }
        }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
