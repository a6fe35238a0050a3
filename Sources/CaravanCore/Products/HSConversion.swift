/// HS 2017 figures read in HS 2022, through UNSD's correlation table, so that a product's series
/// across the 2022 change adds up. Totals are never touched: only product figures are converted.
///
/// Each HS 2017 subheading goes where the table sends it:
/// - to one HS 2022 subheading: renamed, and summed with any other HS 2017 subheadings merged into it;
/// - to several, one of which is its own code: kept under its own code, noted as partly moved
///   (the table states no shares, and HS 2022 mostly carved small new products out, such as e-waste);
/// - to several, none its own: kept at the finest heading or chapter holding them all, written
///   with `x` for the digits it cannot give (`0802xx`), so it counts in that heading or chapter and
///   any group holding all of it, never in a subheading;
/// - to several across chapters: counted in the total, and in any group that holds every one of
///   them (`041000`, split between chapters 04 and 16, in AGRI), never in a chapter, heading or subheading.
public struct HSConversion: Sendable {
    /// Where an HS 2017 subheading's trade goes in HS 2022.
    public enum Target: Sendable, Hashable {
        /// One HS 2022 subheading.
        case subheading(String)
        /// Its own code, though HS 2022 moved part of it to the others listed.
        case continued(movedTo: [String])
        /// A heading or chapter, written padded with `x` (`0802xx`, `85xxxx`).
        case level(String)
        /// Subheadings in several chapters: the total, and the groups holding all of them.
        case acrossChapters([String])
    }

    private let targets: [String: [String]]

    /// Begins every converted figure's note.
    public static let marker = "converted from HS 2017"

    /// Reads UNSD's `HS2022, HS2017, Relationship` rows; other lines are passed over. Read as
    /// bytes: the table has 15,000 rows, and every command that converts a figure waits on it.
    public init(correlationsCSV: String) {
        var targets: [String: [String]] = [:]
        var text = correlationsCSV
        text.withUTF8 { bytes in
            for line in bytes.split(separator: UInt8(ascii: "\n")) {
                let cells = line.split(separator: UInt8(ascii: ","), maxSplits: 2, omittingEmptySubsequences: false)
                guard cells.count >= 2, let to = Self.subheading(cells[0]), let from = Self.subheading(cells[1]) else { continue }
                targets[from, default: []].append(to)
            }
        }
        self.targets = targets.mapValues { Array(Set($0)).sorted() }
    }

    /// The six digits a cell holds, blanks around them aside; nil for any other cell.
    private static func subheading(_ cell: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") }
        var (lower, upper) = (cell.startIndex, cell.endIndex)
        while lower < upper, isBlank(cell[lower]) { lower += 1 }
        while upper > lower, isBlank(cell[upper - 1]) { upper -= 1 }
        let digits = cell[lower..<upper]
        guard digits.count == 6, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return String(decoding: digits, as: UTF8.self)
    }

    /// The HS 2017 subheadings the table knows.
    public var codes: [String] { targets.keys.sorted() }

    /// Where `code`'s trade goes; nil for a code the table does not know.
    public func target(of code: String) -> Target? {
        guard let found = targets[code] else { return nil }
        if found.count == 1 { return .subheading(found[0]) }
        if found.contains(code) { return .continued(movedTo: found.filter { $0 != code }) }
        for digits in [4, 2] where Set(found.map { $0.prefix(digits) }).count == 1 {
            return .level(String(found[0].prefix(digits)) + String(repeating: "x", count: 6 - digits))
        }
        return .acrossChapters(found)
    }

    /// How a figure split across chapters is written: no HS code starts with it, so no chapter,
    /// heading or subheading reads it by its digits (`split:041000=041010+…+160290`).
    static let splitPrefix = "split:"

    /// The HS 2017 code and the HS 2022 parts of a figure split across chapters; nil for any other commodity.
    public static func split(_ commodity: String) -> (code: String, parts: [String])? {
        guard commodity.hasPrefix(splitPrefix) else { return nil }
        let halves = commodity.dropFirst(splitPrefix.count).split(separator: "=", maxSplits: 1).map(String.init)
        guard halves.count == 2 else { return nil }
        return (halves[0], halves[1].split(separator: "+").map(String.init))
    }

    /// The rows with every HS 2017 subheading figure read in HS 2022; other rows as they were.
    /// Figures of one source, pair, flow and period that meet in one HS 2022 code are summed.
    public func convert(_ rows: [RecordedObservation]) -> [RecordedObservation] {
        struct Key: Hashable {
            let figure: SourcedFlowPeriod
            let commodity: String
        }
        var kept: [RecordedObservation] = []
        var converted: [Key: (row: RecordedObservation, codes: [String], moved: [String])] = [:]
        var order: [Key] = []
        for row in rows {
            let o = row.observation
            guard row.source.edition == HSEdition.hs2017, CommodityCode.isSubheading(o.commodity), let target = target(of: o.commodity) else {
                kept.append(row)
                continue
            }
            let commodity: String
            var moved: [String] = []
            switch target {
            case .subheading(let code): commodity = code
            case .continued(let others):
                commodity = o.commodity
                moved = others
            case .level(let code): commodity = code
            case .acrossChapters(let parts): commodity = Self.splitPrefix + o.commodity + "=" + parts.joined(separator: "+")
            }
            let key = Key(figure: SourcedFlowPeriod(row), commodity: commodity)
            if var sum = converted[key] {
                sum.row.observation.valueUSD += o.valueUSD
                // A sum's quantity is known only when every part's is.
                sum.row.observation.quantityT = sum.row.observation.quantityT.flatMap { known in o.quantityT.map { known + $0 } }
                sum.codes.append(o.commodity)
                sum.moved += moved
                sum.row.line = nil
                converted[key] = sum
            } else {
                var first = row
                first.observation.commodity = commodity
                converted[key] = (first, [o.commodity], moved)
                order.append(key)
            }
        }
        return kept
            + order.map { key in
                var (row, codes, moved) = converted[key]!
                let movedNote =
                    moved.isEmpty ? "" : "; HS 2022 moved part of it to \(Set(moved).sorted().joined(separator: ", ")), in shares not stated"
                let target = Self.split(key.commodity).map { split in
                    "\(split.parts.joined(separator: ", ")) in several chapters, in shares not stated: in the total and in groups holding all of them"
                }
                row.observation.note = "\(Self.marker) \(codes.sorted().joined(separator: " + ")) to HS 2022 \(target ?? key.commodity)\(movedNote)"
                return row
            }
    }

    /// True for a figure `convert` made.
    public static func isConverted(_ row: RecordedObservation) -> Bool { row.observation.note?.hasPrefix(marker) == true }
}
