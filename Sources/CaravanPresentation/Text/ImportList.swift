import CaravanCore
import CaravanService
import CaravanStore

/// The imported files, as `caravan imports` lists them.
public struct ImportList: Sendable, Codable, Tabular {
    public var imports: [ImportBatch]

    public init(imports: [ImportBatch]) { self.imports = imports }

    public var table: TextTable {
        TextTable(
            columns: [
                .init("id", numeric: true), .init("recorded_at"), .init("format"), .init("observations", numeric: true), .init("sha256"),
                .init("file"),
            ],
            rows: imports.map { batch in
                [
                    String(batch.id), Timestamp.text(batch.recordedAt), batch.format, NumberText.grouped(Double(batch.observations)),
                    String(batch.contentDigest.prefix(12)), batch.file,
                ]
            })
    }
}
