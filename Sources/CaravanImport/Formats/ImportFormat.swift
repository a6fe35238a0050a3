import Foundation

/// The file formats `caravan import` reads.
public enum ImportFormat: String, Sendable, CaseIterable, Codable {
    /// UN Comtrade API v1 JSON or CSV, or a bulk tab-separated file.
    case comtrade
    /// The pre-2023 Comtrade CSV (flow codes 1–4).
    case comtradeLegacy = "comtrade-legacy"
    /// CEPII BACI `t,i,j,k,v,q`.
    case baci
    /// Published figures, one a row with source and quote (PRODUCT.md).
    case figures
    /// Freight flows through links, nodes and corridors, one a row with its source.
    case flows
    /// A transport network (the network JSON of PRODUCT.md).
    case network
    /// A partnership dossier (YAML, docs/dossier.md).
    case dossier
    /// A tariff schedule: MFN and preferential rates by HS code, with sources.
    case tariffs
    /// Named product groups (`group,include,exclude,description`).
    case groups
    /// Growth rates and multiples stated against a base period, one a row with source and quote.
    case relations

    /// The columns a header must hold for the format; other columns are ignored.
    var requiredColumns: [String] {
        switch self {
        case .comtrade:
            [
                "typeCode", "freqCode", "refYear", "period", "reporterCode", "reporterISO", "flowCode", "partnerCode",
                "partnerISO", "cmdCode", "primaryValue",
            ]
        case .comtradeLegacy:
            ["Year", "Period", "Trade Flow Code", "Reporter ISO", "Partner Code", "Partner ISO", "Commodity Code", "Trade Value (US$)"]
        case .baci: ["t", "i", "j", "k", "v", "q"]
        case .figures: FiguresParser.columns
        case .flows: FlowsParser.columns
        case .tariffs: TariffsParser.columns
        case .relations: RelationsParser.columns
        case .groups: ["group", "include", "exclude", "description"]
        case .network, .dossier: []
        }
    }

    /// The format a header line names, recognised by its distinctive columns.
    static func detect(header: [String]) -> ImportFormat? {
        let names = Set(header)
        if header == ["t", "i", "j", "k", "v", "q"] { return .baci }
        if names.contains("typeCode") && names.contains("primaryValue") { return .comtrade }
        if names.contains("Trade Flow Code") && names.contains("Trade Value (US$)") { return .comtradeLegacy }
        if names.isSuperset(of: FiguresParser.columns) { return .figures }
        if names.isSuperset(of: FlowsParser.columns) { return .flows }
        if names.isSuperset(of: TariffsParser.columns) { return .tariffs }
        if names.isSuperset(of: RelationsParser.columns) { return .relations }
        if header == ["group", "include", "exclude", "description"] { return .groups }
        return nil
    }

    /// The format of the file at `path`: the one requested, checked against the file, or the one
    /// its start names.
    public static func detect(path: String, name: String? = nil, requested: ImportFormat? = nil) throws(ImportError) -> ImportFormat {
        try detect(FileSniff(path: path, name: name ?? path), requested: requested, file: name ?? path)
    }

    static func detect(_ sniff: FileSniff, requested: ImportFormat?, file: String) throws(ImportError) -> ImportFormat {
        if sniff.isJSON {
            let detected: ImportFormat = sniff.looksLikeNetwork ? .network : .comtrade
            guard requested == nil || requested == detected else {
                throw .unknownFormat(file: file, reason: "the file is JSON, which only --format \(detected.rawValue) reads")
            }
            return detected
        }
        if let requested { return requested }
        if sniff.looksLikeYAML { return .dossier }
        guard let detected = detect(header: sniff.header) else {
            throw .unknownFormat(
                file: file,
                reason: "the header '\(sniff.header.prefix(6).joined(separator: ","))…' is none of "
                    + allCases.filter { $0 != .network && $0 != .dossier }.map(\.rawValue).joined(separator: ", ") + " (see docs/formats.md)")
        }
        return detected
    }
}

/// What the start of a file says about it: compression, delimiter, format.
struct FileSniff {
    var isGzip: Bool
    var isJSON: Bool
    /// True for JSON whose start names nodes or links rather than a `data` array.
    var looksLikeNetwork = false
    /// True for YAML: a `.yaml` or `.yml` name, or a first line that opens a mapping or a document.
    var looksLikeYAML = false
    var delimiter: UInt8
    var header: [String]

    private static let sniffBytes = 1 << 16

    /// Reads the start of the file (decompressed) and classifies it.
    init(path location: String, name path: String) throws(ImportError) {
        let file = try FileInput(path: location, name: path)
        var magic = [UInt8](repeating: 0, count: 2)
        let magicCount = try Self.fill(&magic, from: file)
        let isGzip = magicCount == 2 && magic == [0x1F, 0x8B]
        if !isGzip && location.hasSuffix(".gz") {
            throw .malformed(file: path, line: nil, reason: "named .gz but not gzip data")
        }
        let reopened = try FileInput(path: location, name: path)
        try self.init(isGzip ? try GzipInput(reopened, file: path) : reopened, isGzip: isGzip, name: path)
    }

    /// Reads the start of `input`, a file's bytes as they are to be read, and classifies it.
    init(_ input: any ByteInput, isGzip: Bool = false, name path: String) throws(ImportError) {
        self.isGzip = isGzip
        let location = path
        var head = [UInt8](repeating: 0, count: Self.sniffBytes)
        let filled = try Self.fill(&head, from: input)
        var bytes = head[0..<filled]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.first(where: { ![0x20, 0x09, 0x0D, 0x0A].contains($0) }) else { throw .empty(file: path) }
        if bytes.contains(0) {
            throw .unknownFormat(file: path, reason: "binary data, not text")
        }
        isJSON = first == 0x7B || first == 0x5B
        if isJSON {
            let text = String(decoding: bytes, as: UTF8.self)
            looksLikeNetwork = (text.contains("\"nodes\"") || text.contains("\"links\"")) && !text.contains("\"data\"")
        }
        let headerLine = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
        let firstLine = String(decoding: headerLine, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        looksLikeYAML =
            !isJSON
            && (location.hasSuffix(".yaml") || location.hasSuffix(".yml") || firstLine == "---" || firstLine.hasPrefix("#")
                || (firstLine.hasSuffix(":") && !firstLine.contains(",")))
        delimiter = headerLine.contains(0x09) ? 0x09 : 0x2C
        header = headerLine.split(separator: delimiter, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .init(charactersIn: "\" "))
        }
    }

    /// Reads until `buffer` is full or the input ends; returns the bytes read.
    private static func fill(_ buffer: inout [UInt8], from input: any ByteInput) throws(ImportError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count: Int
            do {
                count = try buffer.withUnsafeMutableBytes { try input.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
            } catch let error as ImportError {
                throw error
            } catch {
                throw .unreadable(file: "", reason: "\(error)")
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }
}
