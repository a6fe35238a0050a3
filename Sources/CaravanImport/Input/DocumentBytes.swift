import Foundation

/// A whole document's bytes, for formats read in one piece (a network, a dossier): mapped from
/// disk, or inflated when gzipped.
enum DocumentBytes {
    static func read<T>(path: String, name: String, _ body: (UnsafeRawBufferPointer) throws(ImportError) -> T) throws(ImportError) -> T {
        let sniff = try FileSniff(path: path, name: name)
        let data: Data
        if sniff.isGzip {
            let input = try GzipInput(try FileInput(path: path, name: name), file: name)
            var inflated = Data()
            let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 1)
            defer { chunk.deallocate() }
            while true {
                let count = try input.read(into: chunk)
                if count == 0 { break }
                inflated.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
            }
            data = inflated
        } else {
            do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
                throw .unreadable(file: name, reason: error.localizedDescription)
            }
        }
        do {
            return try data.withUnsafeBytes { bytes in try body(bytes) }
        } catch let error as ImportError {
            throw error
        } catch {
            throw .unreadable(file: name, reason: "\(error)")
        }
    }
}

/// A whole document as text (a dossier, a groups file, a network kept as written): read like
/// `DocumentBytes`, refused with the line of the first byte that is not UTF-8.
public enum DocumentText {
    public static func read(path: String, name: String? = nil) throws(ImportError) -> String {
        let name = name ?? path
        return try DocumentBytes.read(path: path, name: name) { bytes throws(ImportError) in
            if let offset = UTF8Check.firstInvalidByte(in: bytes) {
                throw .malformed(file: name, line: UTF8Check.line(of: offset, in: bytes), reason: UTF8Check.reason(bytes[offset]))
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
