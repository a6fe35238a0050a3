import CaravanCore
import CaravanData
import CaravanImport
import CaravanStore
import Foundation

/// What importing one file did: the importer's account and the store's receipt.
public struct ImportResult: Sendable {
    public let summary: ImportSummary
    public let receipt: ImportReceipt
    /// What the import means for what was stored before: a dossier naming elements a new network lacks.
    public var notes: [String] = []
    /// The scorecards' statuses it changed, and those the date alone had changed since the last judgement.
    public var changes: [RecordedChange] = []

    init(summary: ImportSummary, receipt: ImportReceipt, notes: [String] = []) {
        self.summary = summary
        self.receipt = receipt
        self.notes = notes
    }
}

/// What an archive's import did: each year stored, and each refused with why.
public struct ArchiveImport: Sendable {
    public var results: [ImportResult] = []
    /// The years refused, in order: nothing of each was stored.
    public var refused: [ImportError] = []
    /// The years with nothing to take (no row of the pairs asked): nothing recorded, nothing wrong.
    public var untaken: [ImportError] = []
}

extension Workspace {
    /// Imports one file as one batch: all its figures or none. The same content twice adds nothing.
    /// - Parameters:
    ///   - format: the file's format; detected from its header when nil.
    ///   - policy: whether invalid rows refuse the file or are set aside in a file of their own.
    ///   - recordedAt: the vintage the figures are recorded with.
    ///   - progress: called with the bytes read so far and the file's size.
    ///   - name: the name the file is recorded and reported under (default: `path`).
    ///   - part: what part of the file, or which answer of an API, this is; see `FilePart`.
    public func importFile(
        _ path: String, as name: String? = nil, format: ImportFormat? = nil, policy: InvalidRowPolicy = .fail, recordedAt: Date = Date(),
        part: FilePart = FilePart(), progress: (@Sendable (Int64, Int64) -> Void)? = nil
    ) async throws -> ImportResult {
        try await judging {
            try await storeFile(path, as: name ?? path, format: format, policy: policy, recordedAt: recordedAt, part: part, progress: progress)
        }
    }

    private func storeFile(
        _ path: String, as name: String, format: ImportFormat?, policy: InvalidRowPolicy, recordedAt: Date, part: FilePart,
        progress: (@Sendable (Int64, Int64) -> Void)?
    ) async throws -> ImportResult {
        switch try ImportFormat.detect(path: path, name: name, requested: format) {
        case .network: return try await importNetwork(path, as: name, recordedAt: recordedAt)
        case .flows: return try await importFlows(path, as: name, policy: policy, recordedAt: recordedAt)
        case .dossier: return try await importDossier(path, as: name, recordedAt: recordedAt)
        case .tariffs: return try await importTariffs(path, as: name, recordedAt: recordedAt)
        case .relations: return try await importRelations(path, as: name, recordedAt: recordedAt)
        case .groups: return try await importGroups(path, as: name, recordedAt: recordedAt)
        default: break
        }
        let file = try FileImport(path: path, name: name, format: format, tables: part.tables ?? tables, policy: policy)
        file.selection = part.selection
        file.recordLimit = part.recordLimit
        return try await record(file, recordedAt: recordedAt, progress: progress)
    }

    /// Imports a BACI archive as CEPII publishes it (`BACI_HS17_V202501.zip`): each yearly file is
    /// one import, read out of the archive as it inflates, its country codes read by the archive's
    /// own table. Nothing is unpacked to disk. A year that is refused stores nothing and the later
    /// years go on; a failure of the store itself stops the import.
    /// - Parameters:
    ///   - years: the yearly files to take; nil for all.
    ///   - pairs: the pairs to take, either way round (ISO alpha-3); nil for all. Another choice of
    ///     pairs out of the same year is a new import.
    public func importArchive(
        _ path: String, as name: String? = nil, years: Set<Int>? = nil, pairs: [(String, String)]? = nil, policy: InvalidRowPolicy = .fail,
        recordedAt: Date = Date(), progress: (@Sendable (Int64, Int64) -> Void)? = nil
    ) async throws -> ArchiveImport {
        let name = name ?? path
        let archive = try ZipArchive(path: path, name: name)
        let yearly = archive.members.compactMap { member in BACIArchive.year(of: member.name).map { (member, $0) } }
        guard !yearly.isEmpty else {
            throw ImportError.unknownFormat(file: name, reason: "the archive holds no BACI yearly file (BACI_HS17_Y2022_V202501.csv)")
        }
        let chosen = yearly.filter { years?.contains($0.1) != false }.sorted { $0.1 < $1.1 }
        guard !chosen.isEmpty else {
            let held = yearly.map(\.1)
            throw ImportError.unknownFormat(file: name, reason: "none of the years asked; the archive holds \(held.min()!)–\(held.max()!)")
        }
        var tables = self.tables
        if let table = archive.members.first(where: { BACIArchive.isCountryTable($0.name) }) {
            tables = tables.replacingBACICodes(csv: try archive.text(of: table))
        }
        let products = try archive.members.first { BACIArchive.isProductTable($0.name) }.map { table in
            (codes: BACIArchive.productCodes(try archive.text(of: table)), name: table.name)
        }
        var outcome = ArchiveImport()
        for (member, _) in chosen {
            do {
                outcome.results.append(
                    try await judging {
                        let file = try FileImport(
                            member: member, of: archive, name: "\(name)/\(member.name)", format: .baci, tables: tables, policy: policy,
                            pairs: pairs)
                        file.selection = pairs.map { "pairs " + BACIArchive.describe($0) }
                        if let products { file.flagCodes(notIn: products.codes, listed: products.name) }
                        return try await record(file, recordedAt: recordedAt, progress: progress)
                    })
            } catch let error as ImportError {
                if case .nothingTaken = error { outcome.untaken.append(error) } else { outcome.refused.append(error) }
            }
        }
        return outcome
    }

    /// Stores a file's figures as one batch.
    private func record(
        _ file: sending FileImport<TradeObservation>, recordedAt: Date, progress: (@Sendable (Int64, Int64) -> Void)?
    ) async throws
        -> ImportResult
    {
        file.progress = progress
        let name = file.path
        let feed = ReadAheadImport(file)
        let format = feed.format
        do {
            let (receipt, summary) = try await store.record(feed, file: name, format: format.rawValue, recordedAt: recordedAt)
            return ImportResult(summary: summary, receipt: receipt)
        } catch StoreError.duplicate(let line, let reason) {
            throw ImportError.invalidRows(
                file: name, problems: [RowProblem(file: name, line: line ?? 0, field: "row", reason: reason)], count: 1)
        }
    }

    /// Reads a whole file of sourced rows (flows, tariff entries, relations) and stores them as one
    /// batch; a row the store finds repeated refuses the file, naming `field`.
    func storeRows<Record>(
        of file: FileImport<Record>, as name: String, field: String,
        _ record: ([Staged<Record>], [SourceDraft], String) async throws -> ImportReceipt
    ) async throws -> ImportResult {
        var rows: [Staged<Record>] = []
        while let row = try file.next() { rows.append(row) }
        do {
            return ImportResult(summary: file.summary, receipt: try await record(rows, file.sources, file.summary.digest ?? ""))
        } catch StoreError.duplicate(let line, let reason) {
            throw ImportError.invalidRows(file: name, problems: [RowProblem(file: name, line: line ?? 0, field: field, reason: reason)], count: 1)
        }
    }

    /// Loads the bundled data — the network first, since flows and dossiers name its elements,
    /// then figures, flows and dossiers; a second run adds nothing.
    public func importBundledData(recordedAt: Date = Date()) async throws -> [ImportResult] {
        var results: [ImportResult] = []
        let folders = [
            ("networks", BundledData.networkFiles), ("figures", BundledData.figureFiles), ("flows", BundledData.flowFiles),
            ("dossiers", BundledData.dossierFiles),
        ]
        for (folder, urls) in folders {
            for url in urls {
                results.append(try await importFile(url.path, as: "Data/\(folder)/\(url.lastPathComponent)", recordedAt: recordedAt))
            }
        }
        return results
    }

    /// The files imported so far, oldest first.
    public func batches() async throws -> [ImportBatch] { try await store.batches() }
}

extension ReadAheadImport: ObservationFeed {
    public var contentDigest: String? { summary.digest }
    public var report: ImportSummary { summary }
}
