import CaravanImport
import Foundation

// The byte-level readers under libFuzzer (docs/reliability.md). Built with `-D FUZZING
// -sanitize=fuzzer,address` by Reliability/Fuzz/readers.sh, libFuzzer drives the entry point
// below and AddressSanitizer watches every access; built plainly, the same program replays
// files given as arguments, as the tests do with the corpus.

/// The reader under test, from `$CARAVAN_FUZZ_READER` (json, records, period or zip).
private let reader: ReaderTrials.Reader = {
    let name = ProcessInfo.processInfo.environment["CARAVAN_FUZZ_READER"] ?? "json"
    guard let reader = ReaderTrials.Reader(rawValue: name) else {
        FileHandle.standardError.write(Data("CARAVAN_FUZZ_READER is '\(name)'; expected json, records, period or zip\n".utf8))
        exit(64)
    }
    return reader
}()

#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        ReaderTrials.run(reader, UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }

    /// libFuzzer's driver, which its own `main` would call: SwiftPM names the executable's entry
    /// point itself, so this is it.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runDriver(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt

    @_cdecl("caravan_readers_fuzz_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var arguments = argv
        return runDriver(&count, &arguments) { data, size in fuzzOne(data, size) }
    }
#else
    @main
    struct ReplayCorpus {
        static func main() throws {
            let paths = CommandLine.arguments.dropFirst()
            for path in paths {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                data.withUnsafeBytes { ReaderTrials.run(reader, $0) }
            }
            print("\(paths.count) inputs read by the \(reader.rawValue) reader")
        }
    }
#endif
