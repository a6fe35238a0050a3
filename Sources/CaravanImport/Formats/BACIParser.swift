import CaravanCore

/// Reads CEPII BACI `t,i,j,k,v,q`: year, exporter and importer in BACI's own country codes, HS6
/// product, value in thousands of USD (FOB), quantity in tonnes (`NA` or empty when unknown).
/// Each row is the exporter's export; the pair's total over all products is derived as it goes.
final class BACIParser: RowParser {
    let tables: ReferenceTables
    let sources: [SourceDraft]
    private var years = PeriodCache()
    private var totals: [PairYear: Total] = [:]
    /// The pair being summed: BACI is sorted by pair, so the running total is usually this one.
    private var current: (key: PairYear, total: Total)?

    /// The pairs taken, as BACI code pairs (`lower * 1000 + higher`); nil for every pair.
    private let pairs: Set<Int>?

    /// - Parameter pairs: ISO alpha-3 pairs to take, either way round; nil for all.
    init(tables: ReferenceTables, file: String, pairs: [(String, String)]? = nil) {
        self.tables = tables
        sources = [Self.source(file: file)]
        self.pairs = pairs.map { pairs in
            let codes = Dictionary(grouping: tables.baciCodes.keys) { tables.baciCodes[$0]! }
            return Set(
                pairs.flatMap { a, b in
                    (codes[a] ?? []).flatMap { x in (codes[b] ?? []).map { y in Self.pairKey(x, y) } }
                })
        }
    }

    private static func pairKey(_ x: Int, _ y: Int) -> Int { min(x, y) * 1000 + max(x, y) }

    private static let notAsked = "a pair not asked for"

    /// With pairs asked for: a line passes unless its second and third fields are plain numbers
    /// of a pair not asked for, so that most of an archive is never split into fields.
    var lineFilter: (passes: (UnsafeRawBufferPointer) -> Bool, reason: String)? {
        guard let pairs else { return nil }
        return (
            { line in
                var fields = [0, 0, 0]
                var field = 0
                for byte in line {
                    if byte == 0x2C {
                        field += 1
                        if field == 3 { break }
                        continue
                    }
                    // Anything but digits, as in a row to refuse, is left to the parser.
                    guard byte >= 0x30 && byte <= 0x39, fields[field] < 100_000 else { return true }
                    fields[field] = fields[field] * 10 + Int(byte - 0x30)
                }
                return field < 3 || pairs.contains(Self.pairKey(fields[1], fields[2]))
            }, Self.notAsked
        )
    }

    func parse(_ row: RecordReader, fields: CSVFields, line: Int) -> RowOutcome<TradeObservation> { parse(row) }

    func derived() -> [TradeObservation] { pairTotals() }

    /// The provider named by the file (`BACI_HS92_Y2022_V202501.csv`: HS92, release 202501).
    static func source(file: String) -> SourceDraft {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        let parts = name.split(whereSeparator: { $0 == "_" || $0 == "." })
        let revision = parts.first { $0.hasPrefix("HS") && $0.count == 4 }
        let release = parts.first { $0.hasPrefix("V2") && $0.count == 7 }.map { $0.dropFirst() }
        return SourceDraft(
            kind: .baci, provider: "CEPII BACI" + (revision.map { " \($0)" } ?? ""), title: name,
            url: "https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37",
            published: release.map { "\($0.prefix(4))-\($0.suffix(2))" }, edition: revision.flatMap { HSEdition.baci(String($0)) })
    }

    private struct PairYear: Hashable {
        let year: Int, exporter: String, importer: String
    }

    private struct Total {
        var value = 0.0
        var quantity = 0.0
        var lines = 0
        var linesWithQuantity = 0

        mutating func merge(_ other: Total) {
            value += other.value
            quantity += other.quantity
            lines += other.lines
            linesWithQuantity += other.linesWithQuantity
        }

        mutating func add(value: Double, quantity: Double?) {
            self.value += value
            lines += 1
            if let quantity {
                self.quantity += quantity
                linesWithQuantity += 1
            }
        }
    }

    func parse(_ row: RecordReader) -> RowOutcome<TradeObservation> {
        var problems: [FieldProblem] = []
        if row.count != 6 { return .invalid([FieldProblem("row", "\(row.count) fields; expected 6 (t,i,j,k,v,q)")]) }
        // Rows of other pairs are passed over before anything else is read: most of an archive is.
        if let pairs, let i = row.int(1), let j = row.int(2), !pairs.contains(Self.pairKey(i, j)) { return .skipped(Self.notAsked) }
        let year = row.int(0)
        var period: Period?
        if let year {
            do throws(PeriodError) { period = try years.year(year) } catch { problems.append(FieldProblem("t", error.reason)) }
        } else {
            problems.append(FieldProblem("t", "'\(row.text(0))' is not a year"))
        }
        let exporter = economy(row, 1, "i", &problems)
        let importer = economy(row, 2, "j", &problems)
        let product = row.text(3)
        if product.utf8.count != 6 || !product.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            problems.append(FieldProblem("k", "'\(product)' is not a six-digit HS code (leading zeros are kept)"))
        }
        let value = Check.value(row.isBlank(4) ? nil : row.double(4) ?? .nan, field: "v", scale: 1000, problems: &problems)
        let quantityText = row.isBlank(5) ? "NA" : row.text(5)
        let quantity = Check.quantity(quantityText == "NA" ? nil : row.double(5) ?? .nan, field: "q", problems: &problems)
        guard problems.isEmpty, let year, let period, let exporter, let importer else { return .invalid(problems) }
        add(PairYear(year: year, exporter: exporter, importer: importer), value: value * 1000, quantity: quantity)
        let observation = TradeObservation(
            reporter: exporter, partner: importer, flow: .export, commodity: product, period: period, valueUSD: value * 1000,
            quantityT: quantity, valuation: .fob)
        return .record(observation, source: 0)
    }

    private func add(_ key: PairYear, value: Double, quantity: Double?) {
        if current?.key != key {
            if let current { totals[current.key, default: Total()].merge(current.total) }
            current = (key, Total())
        }
        current?.total.add(value: value, quantity: quantity)
    }

    private func economy(_ row: RecordReader, _ index: Int, _ field: String, _ problems: inout [FieldProblem]) -> String? {
        guard let code = row.int(index) else {
            problems.append(FieldProblem(field, "'\(row.text(index))' is not a BACI country code"))
            return nil
        }
        guard code < tables.baciISO.count, let iso = tables.baciISO[code] else {
            problems.append(FieldProblem(field, "unknown BACI country code \(code)"))
            return nil
        }
        return iso
    }

    /// Each exporter–importer–year total over all products: the figure a `TOTAL` query reads.
    func pairTotals() -> [TradeObservation] {
        if let current { totals[current.key, default: Total()].merge(current.total) }
        current = nil
        defer { totals = [:] }
        return totals.sorted { ($0.key.year, $0.key.exporter, $0.key.importer) < ($1.key.year, $1.key.exporter, $1.key.importer) }
            .map { key, total in
                TradeObservation(
                    reporter: key.exporter, partner: key.importer, flow: .export, commodity: CommodityCode.total,
                    period: .year(key.year), valueUSD: total.value,
                    quantityT: total.linesWithQuantity > 0 ? total.quantity : nil, valuation: .fob,
                    note: "sum of \(total.lines) HS6 lines; quantity known on \(total.linesWithQuantity)")
            }
    }
}
