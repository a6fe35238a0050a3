import CaravanCore
import CaravanNetwork

/// Reads the flows CSV: tonnes reported through a link, node or corridor of the network, one a
/// row with its source (`element,period,tonnes,direction,source,url,published`, and an optional
/// `note`).
final class FlowsParser: RowParser {
    static let columns = ["element", "period", "tonnes", "direction", "source", "url", "published"]

    /// The ids flows may name; nil accepts any.
    let elements: Set<String>?
    private var periods = PeriodCache()
    private(set) var sources: [SourceDraft] = []
    private var sourceIndex: [SourceDraft: Int] = [:]
    private var firstLine: [Key: Int] = [:]

    private struct Key: Hashable {
        let element: String, period: Period, direction: FlowDirection, source: Int
    }

    init(elements: Set<String>?) { self.elements = elements }

    func parse(_ row: RecordReader, fields: CSVFields, line: Int) -> RowOutcome<FreightFlow> {
        var problems: [FieldProblem] = []
        let element = fields.text("element")
        if element.isEmpty {
            problems.append(FieldProblem("element", "empty; expected a link, node or corridor id"))
        } else if let elements, !elements.contains(element) {
            problems.append(FieldProblem("element", "unknown element '\(element)': not a link, node or corridor of the network in the store"))
        }
        var period: Period?
        do throws(PeriodError) { period = try periods.period(fields.text("period")) } catch {
            problems.append(FieldProblem("period", error.description))
        }
        let tonnes = Check.quantity(fields.number("tonnes"), field: "tonnes", problems: &problems) ?? 0
        if fields.number("tonnes") == nil { problems.append(FieldProblem("tonnes", "empty; a flow needs its tonnes")) }
        let directionText = fields.text("direction").lowercased()
        let direction = directionText.isEmpty ? .both : FlowDirection(rawValue: directionText)
        if direction == nil { problems.append(FieldProblem("direction", "'\(directionText)'; expected both, forward, backward or empty")) }
        let source = SourceColumns.source(fields, kind: .freight, problems: &problems, sources: &sources, index: &sourceIndex)
        guard problems.isEmpty, let period, let direction else { return .invalid(problems) }
        let key = Key(element: element, period: period, direction: direction, source: source)
        if let first = firstLine[key] { return .invalid([FieldProblem("period", "the same flow from the same source as line \(first)")]) }
        firstLine[key] = line
        let note = fields.text("note")
        return .record(
            FreightFlow(element: element, period: period, tonnes: tonnes, direction: direction, note: note.isEmpty ? nil : note), source: source)
    }
}

extension FileImport where Record == FreightFlow {
    /// Opens a flows CSV; `elements` are the ids its rows may name (nil: any).
    public convenience init(
        flowsAt location: String, name: String? = nil, elements: Set<String>?, policy: InvalidRowPolicy = .fail
    )
        throws(ImportError)
    {
        let opened = try OpenedFile(location, name: name)
        let format = try ImportFormat.detect(opened.sniff, requested: .flows, file: opened.name)
        try self.init(opened: opened, format: format, parser: FlowsParser(elements: elements), policy: policy)
    }
}
