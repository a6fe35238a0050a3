import ArgumentParser
import CaravanCore
import CaravanImport
import CaravanService
import CaravanStore
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import trade statistics or published figures, one file at a time, all or nothing.",
        discussion: """
            Reads UN Comtrade (API v1 JSON or CSV, bulk TSV), legacy Comtrade CSV, CEPII BACI, figures CSV and relations CSV (growth rates), \
            freight flows, networks, dossiers, tariff schedules and product groups, gzipped or not; the format is detected from the header unless --format is given. Each file is \
            stored whole or not at all, and a file imported before adds nothing. A BACI archive as CEPII publishes it \
            (BACI_HS17_V202501.zip) is read without unpacking, each yearly file one import; --years and --pairs take part of it. \
            See docs/formats.md.
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

    @Option(help: "From a BACI archive, only these years: 2022, 2015..2023 or 2019,2021.")
    var years: String?

    @Option(help: "From a BACI archive, only these pairs, either way round: IRN-KAZ or IRN-KAZ,KAZ-TKM.")
    var pairs: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var watches: WatchOptions

    /// `--years` as a set: a year, a range `2015..2023`, or a list.
    private var yearSet: Set<Int>? {
        get throws {
            guard let years else { return nil }
            var set = Set<Int>()
            for part in years.split(separator: ",") {
                let ends = part.components(separatedBy: "..").map { Int($0.trimmingCharacters(in: .whitespaces)) }
                guard (1...2).contains(ends.count), let first = ends.first ?? nil, let last = ends.last ?? nil, first <= last,
                    Plausible.years.contains(first), Plausible.years.contains(last)
                else { throw ValidationError("--years: '\(part)' is not a year or a range of years such as 2015..2023") }
                set.formUnion(first...last)
            }
            return set
        }
    }

    /// `--pairs` as ISO alpha-3 pairs.
    private var pairList: [(String, String)]? {
        get throws {
            try pairs.map { text in
                try text.split(separator: ",").map { pair in
                    let codes = pair.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
                    guard codes.count == 2, codes.allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isLetter) }) else {
                        throw ValidationError("--pairs: '\(pair)' is not a pair of ISO alpha-3 codes such as IRN-KAZ")
                    }
                    return (codes[0], codes[1])
                }
            }
        }
    }

    func validate() throws {
        _ = try yearSet
        _ = try pairList
        if rejected != nil && !skipInvalid { throw ValidationError("--rejected needs --skip-invalid") }
        if rejected != nil && files.count > 1 { throw ValidationError("--rejected names one file; import one file at a time with it") }
    }

    func run() async throws {
        let workspace = try await store.writableWorkspace()
        var failures = 0
        // A database that went away owes no watch anything this run: asking it again would only wait.
        var databaseAway = false
        for file in files {
            let name = file.split(separator: "/").last.map(String.init) ?? file
            let policy: InvalidRowPolicy = skipInvalid ? .skip(rejectedFile: rejected ?? "\(name).rejected.csv") : .fail
            do {
                if ZipArchive.isArchive(file) {
                    let archive = try await workspace.importArchive(
                        file, as: file, years: try yearSet, pairs: try pairList, policy: policy, recordedAt: recordedAt?.date ?? Date(),
                        progress: ProgressBar.forFile(file))
                    for result in archive.results { print(result.text) }
                    for year in archive.untaken { print(year) }
                    for error in archive.refused { FileHandle.standardError.write(Data("error: \(error)\n".utf8)) }
                    if !archive.refused.isEmpty {
                        failures += 1
                        FileHandle.standardError.write(
                            Data("\(archive.refused.count) of \(archive.results.count + archive.refused.count) years of \(file) refused\n".utf8))
                    }
                    continue
                }
                if years != nil || pairs != nil {
                    throw ValidationError("--years and --pairs take part of a BACI archive (.zip); \(file) is not one")
                }
                let result = try await workspace.importFile(
                    file, format: format, policy: policy, recordedAt: recordedAt?.date ?? Date(), progress: ProgressBar.forFile(file))
                print(result.text)
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                if case StoreError.interrupted = error { databaseAway = true }
                if case StoreError.unavailable = error { databaseAway = true }
                if case ImportError.invalidRows = error, !skipInvalid {
                    FileHandle.standardError.write(Data("(--skip-invalid stores the valid rows and sets the others aside in a file)\n".utf8))
                }
            }
        }
        if !databaseAway { await workspace.sendOwed(allowingPrivate: watches.allowsPrivate) }
        if failures > 0 {
            if files.count > 1 {
                FileHandle.standardError.write(Data("\(failures) of \(files.count) files not imported; the others are stored\n".utf8))
            }
            throw ExitCode(1)
        }
    }
}
