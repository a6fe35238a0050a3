import ArgumentParser
import CaravanImport
import CaravanService
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import trade statistics or published figures, one file at a time, all or nothing.",
        discussion: """
            Reads UN Comtrade (API v1 JSON or CSV, bulk TSV), legacy Comtrade CSV, CEPII BACI and figures CSV, \
            freight flows, networks, dossiers, tariff schedules and product groups, gzipped or not; the format is detected from the header unless --format is given. Each file is \
            stored whole or not at all, and a file imported before adds nothing. See docs/formats.md.
            """)

    @Argument(help: "The files to import (.gz read directly).")
    var files: [String]

    @Option(help: "comtrade, comtrade-legacy, baci, figures, flows, tariffs or groups (default: detected from the header).")
    var format: ImportFormat?

    @Flag(name: .customLong("skip-invalid"), help: "Store the valid rows and write the rejected ones, with reasons, to a file.")
    var skipInvalid = false

    @Option(help: "Where --skip-invalid writes rejected rows (default: FILE.rejected.csv in the working directory).")
    var rejected: String?

    @Option(name: .customLong("recorded-at"), help: "The vintage to record the figures with, when back-filling a past release (default: now).")
    var recordedAt: RecordedTime?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if rejected != nil && !skipInvalid { throw ValidationError("--rejected needs --skip-invalid") }
        if rejected != nil && files.count > 1 { throw ValidationError("--rejected names one file; import one file at a time with it") }
    }

    func run() async throws {
        let workspace = try await store.writableWorkspace()
        var failures = 0
        for file in files {
            let name = file.split(separator: "/").last.map(String.init) ?? file
            let policy: InvalidRowPolicy = skipInvalid ? .skip(rejectedFile: rejected ?? "\(name).rejected.csv") : .fail
            do {
                let result = try await workspace.importFile(
                    file, format: format, policy: policy, recordedAt: recordedAt?.date ?? Date(), progress: ProgressBar.forFile(file))
                print(result.text)
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                if case ImportError.invalidRows = error, !skipInvalid {
                    FileHandle.standardError.write(Data("(--skip-invalid stores the valid rows and sets the others aside in a file)\n".utf8))
                }
            }
        }
        if failures > 0 {
            FileHandle.standardError.write(Data("\(failures) of \(files.count) files not imported; the others are stored\n".utf8))
            throw ExitCode(1)
        }
    }
}
