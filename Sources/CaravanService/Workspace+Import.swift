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

    init(summary: ImportSummary, receipt: ImportReceipt, notes: [String] = []) {
        self.summary = summary
        self.receipt = receipt
        self.notes = notes
    }
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
        let name = name ?? path
        switch try ImportFormat.detect(path: path, name: name, requested: format) {
        case .network: return try await importNetwork(path, as: name, recordedAt: recordedAt)
        case .flows: return try await importFlows(path, as: name, policy: policy, recordedAt: recordedAt)
        case .dossier: return try await importDossier(path, as: name, recordedAt: recordedAt)
        case .tariffs: return try await importTariffs(path, as: name, recordedAt: recordedAt)
        case .groups: return try await importGroups(path, as: name, recordedAt: recordedAt)
        default: break
        }
        let file = try FileImport(path: path, name: name, format: format, tables: part.tables ?? tables, policy: policy)
        file.progress = progress
        file.selection = part.selection
        file.recordLimit = part.recordLimit
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
