import CaravanCore
import CaravanDossier
import CaravanNetwork
import Foundation
import Yams

/// Reads a partnership dossier (YAML, docs/dossier.md) and checks every reference in it: sources,
/// economies, periods, network elements, and the figures themselves. All problems are reported
/// at once, each with its YAML path and line.
public struct DossierReader {
    let tables: ReferenceTables
    /// The link, node and corridor ids a dossier may name; nil when no network is stored.
    let elements: Set<String>?
    /// Whether the elements named are checked: on import, yes; reading a stored dossier, no — a
    /// network imported since may lack some, which its scorecard then names.
    let checksElements: Bool

    public init(tables: ReferenceTables, elements: Set<String>?, checksElements: Bool = true) {
        self.tables = tables
        self.elements = elements
        self.checksElements = checksElements
    }

    /// Reads and checks the dossier in `path`.
    public func read(path: String, name: String? = nil) throws(ImportError) -> Dossier {
        let name = name ?? path
        return try read(text: try DocumentText.read(path: path, name: name), file: name)
    }

    /// Reads and checks a dossier's text.
    public func read(text: String, file: String) throws(ImportError) -> Dossier {
        let root = try YAMLDocument.compose(text, file: file)
        let problems = YAMLFields.ProblemList()
        let document = YAMLFields(node: root, path: "", problems: problems)
        guard root.mapping != nil else { throw .invalidDocument(file: file, problems: ["the dossier must be a mapping with a partnership"]) }
        let dossier = DossierParts(document: document, reader: self).dossier
        guard problems.items.isEmpty, let dossier else { throw .invalidDocument(file: file, problems: problems.items) }
        return dossier
    }
}

/// The reading itself, section by section.
private struct DossierParts {
    let document: YAMLFields
    let reader: DossierReader
    var sourceIDs: Set<String> = []
    var projectIDs: Set<String> = []

    init(document: YAMLFields, reader: DossierReader) {
        self.document = document
        self.reader = reader
        sourceIDs = Set(document.list("sources").compactMap { $0.string("id") })
        projectIDs = Set(document.list("projects").compactMap { $0.string("id") })
    }

    var dossier: Dossier? {
        guard let partnership else { return nil }
        return Dossier(
            partnership: partnership, sources: unique(document.list("sources").compactMap(source), "sources", id: \.id),
            targets: unique(document.list("targets").compactMap(target), "targets", id: \.id),
            claims: unique(document.list("claims").compactMap(claim), "claims", id: \.id),
            agreements: unique(document.list("agreements").compactMap(agreement), "agreements", id: \.id),
            projects: unique(document.list("projects").compactMap(project), "projects", id: \.id))
    }

    private func unique<T>(_ items: [T], _ section: String, id: KeyPath<T, String>) -> [T] {
        var seen = Set<String>()
        for (index, item) in items.enumerated() where !seen.insert(item[keyPath: id]).inserted {
            document.list(section)[index].problem("id", "duplicate id '\(item[keyPath: id])'")
        }
        return items
    }

    private var partnership: Partnership? {
        guard let fields = document.field("partnership") else {
            document.problem("partnership", "missing: every dossier names its partnership")
            return nil
        }
        let economies = fields.strings("economies")
        if economies.count != 2 { fields.problem("economies", "expected the two economies, ISO 3166 alpha-3") }
        if economies.count == 2 && economies[0] == economies[1] {
            fields.problem("economies", "names '\(economies[0])' twice; a partnership is of two economies")
        }
        for (index, code) in economies.enumerated() { economy(code, fields.list("economies")[index]) }
        let corridor = fields.string("corridor")
        if let corridor { element(corridor, fields, "corridor") }
        guard let id = fields.string("id", required: true), let title = fields.string("title", required: true) else { return nil }
        var partnership = Partnership(id: id, title: title, economies: economies, corridor: corridor)
        partnership.titles = fields.names("titles")
        return partnership
    }

    private func source(_ fields: YAMLFields) -> DossierSource? {
        let published = fields.string("published")
        if let published { date(published, fields, "published") }
        if let url = fields.string("url"), !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            fields.problem("url", "'\(url)' is not an http(s) address")
        }
        guard let id = fields.string("id", required: true), let title = fields.string("title", required: true) else { return nil }
        return DossierSource(
            id: id, title: title, publisher: fields.string("publisher"), published: published, url: fields.string("url"),
            origin: fields.textOrList("origin"), via: fields.textOrList("via"))
    }

    private func target(_ fields: YAMLFields) -> Target? {
        let metric = self.metric(fields)
        let value = fields.double("value", in: metric?.plausible ?? Plausible.valueUSD, positive: true, required: true)
        let deadline = fields.int("deadline", in: Plausible.years, required: true)
        let assumed = fields.bool("assumed") ?? false
        let assumption = fields.string("assumption")
        if assumed && assumption == nil { fields.problem("assumption", "an assumed deadline says why it was assumed") }
        let source = reference(fields)
        guard let id = fields.string("id", required: true), let metric, let value, let deadline, let source else { return nil }
        var target = Target(
            id: id, title: fields.string("title"), metric: metric, value: value, deadline: deadline, assumed: assumed, assumption: assumption,
            source: source, quote: fields.string("quote"))
        target.titles = fields.names("titles")
        return target
    }

    private func claim(_ fields: YAMLFields) -> Claim? {
        let metric = self.metric(fields)
        let period = self.period(fields, "period", required: true)
        let expectation = self.expectation(fields, metric: metric)
        let source = reference(fields)
        guard let id = fields.string("id", required: true), let quote = fields.string("quote", required: true), let metric, let period,
            let expectation, let source
        else { return nil }
        return Claim(id: id, source: source, quote: quote, metric: metric, period: period, expectation: expectation)
    }

    private func agreement(_ fields: YAMLFields) -> Agreement? {
        let parties = fields.strings("parties")
        for (index, code) in parties.enumerated() { economy(code, fields.list("parties")[index]) }
        for key in ["signed", "in_force"] { if let text = fields.string(key) { date(text, fields, key) } }
        let status: Agreement.Status? = fields.choice("status")
        let count = fields.int("count", in: 1...10_000) ?? 1
        let source = reference(fields)
        guard let id = fields.string("id", required: true), let title = fields.string("title", required: true), let status, let source else {
            return nil
        }
        var agreement = Agreement(
            id: id, title: title, parties: parties, signed: fields.string("signed"), inForce: fields.string("in_force"),
            domain: fields.string("domain") ?? "", status: status, count: count, source: source)
        agreement.titles = fields.names("titles")
        return agreement
    }

    private func project(_ fields: YAMLFields) -> Project? {
        let countries = fields.strings("countries")
        for (index, code) in countries.enumerated() { economy(code, fields.list("countries")[index], orBloc: false) }
        let budget = fields.double("budget_usd", in: Plausible.valueUSD)
        let status: Project.Status? = fields.choice("status")
        let source = reference(fields)
        let effects = fields.list("effects").compactMap(effect)
        let funding = fields.list("funding").compactMap(fundingEvent)
        let milestones = fields.list("milestones").compactMap(milestone)
        guard let id = fields.string("id", required: true), let title = fields.string("title", required: true), let status, let source else {
            return nil
        }
        var project = Project(
            id: id, title: title, kind: fields.string("kind") ?? "", countries: countries, effects: effects, budgetUSD: budget, funding: funding,
            milestones: milestones, status: status, completionYear: fields.int("completion_year", in: Plausible.years), source: source)
        project.titles = fields.names("titles")
        return project
    }

    private func effect(_ fields: YAMLFields) -> ProjectEffect? {
        guard let element = fields.string("element", required: true) else { return nil }
        self.element(element, fields, "element")
        let figures = ProjectEffect.Figure.allCases.filter { fields.field($0.rawValue) != nil }
        guard figures.count == 1, let figure = figures.first, let change = fields.field(figure.rawValue) else {
            fields.problem("an effect changes one of \(ProjectEffect.Figure.allCases.map(\.rawValue).joined(separator: ", "))")
            return nil
        }
        let range = figure.plausible
        for kind in [ProjectEffect.Change.set, .add] {
            if let amount = change.double(kind.rawValue, in: kind == .set ? range : -range.upperBound...range.upperBound) {
                return ProjectEffect(element: element, figure: figure, change: kind, amount: amount)
            }
            if change.field(kind.rawValue) != nil { return nil }
        }
        change.problem("expected set: VALUE or add: AMOUNT")
        return nil
    }

    private func fundingEvent(_ fields: YAMLFields) -> FundingEvent? {
        let amount = fields.double("amount_usd", in: Plausible.valueUSD, required: true)
        let kind: FundingEvent.Kind? = fields.choice("kind")
        if let text = fields.string("date") { date(text, fields, "date") }
        let source = reference(fields)
        guard let funder = fields.string("funder", required: true), let amount, let kind, let source else { return nil }
        return FundingEvent(funder: funder, kind: kind, amountUSD: amount, date: fields.string("date"), source: source)
    }

    private func milestone(_ fields: YAMLFields) -> Milestone? {
        for key in ["planned", "actual"] { if let text = fields.string(key) { date(text, fields, key) } }
        if let source = fields.string("source"), !sourceIDs.contains(source) { fields.problem("source", "unknown source '\(source)'") }
        guard let name = fields.string("name", required: true) else { return nil }
        return Milestone(name: name, planned: fields.string("planned"), actual: fields.string("actual"), source: fields.string("source"))
    }

    private func metric(_ fields: YAMLFields) -> Metric? {
        guard let metric = fields.field("metric") else {
            fields.problem("metric", "missing")
            return nil
        }
        switch metric.string("kind", required: true) {
        case "trade":
            let reporter = metric.string("reporter", required: true)
            let partner = metric.string("partner", required: true)
            for (code, key) in [(reporter, "reporter"), (partner, "partner")] { if let code { economy(code, metric, key) } }
            let flowText = metric.string("flow") ?? "turnover"
            let flow = TradeFlow(rawValue: flowText)
            if flow == nil { metric.problem("flow", "'\(flowText)'; expected export, import, re-export, re-import or turnover") }
            let commodity = metric.string("commodity") ?? CommodityCode.total
            if let problem = CommodityCode.problem(with: commodity) { metric.problem("commodity", problem) }
            guard let reporter, let partner, let flow else { return nil }
            return .trade(TradeQuery(reporter: reporter, partner: partner, flow: flow, commodity: commodity))
        case "freight":
            guard let element = metric.string("element", required: true) else { return nil }
            self.element(element, metric, "element")
            return .freight(element: element)
        case "funding":
            let projects = metric.strings("projects")
            for (index, id) in projects.enumerated() where !projectIDs.contains(id) {
                metric.list("projects")[index].problem("unknown project '\(id)'")
            }
            if projects.isEmpty { metric.problem("projects", "name the projects whose funding counts") }
            return .funding(projects: projects)
        case "agreements": return .agreements
        case "tariff_coverage":
            let reporter = metric.string("reporter", required: true)
            let partner = metric.string("partner", required: true)
            for (code, key) in [(reporter, "reporter"), (partner, "partner")] { if let code { economy(code, metric, key) } }
            let shareText = metric.string("share") ?? "lines"
            let share = TariffShare.Of(rawValue: shareText)
            if share == nil { metric.problem("share", "'\(shareText)'; expected lines or trade") }
            guard let reporter, let partner, let share else { return nil }
            return .tariffCoverage(TariffShare(reporter: reporter, partner: partner, regime: metric.string("regime"), of: share))
        case "statement": return .statement(metric.string("text") ?? "")
        case let other?:
            metric.problem("kind", "'\(other)'; expected trade, freight, funding, agreements, tariff_coverage or statement")
            return nil
        case nil: return nil
        }
    }

    private func expectation(_ fields: YAMLFields, metric: Metric?) -> ClaimExpectation? {
        guard let expect = fields.field("expect") else {
            fields.problem("expect", "a claim needs an expectation: value, change_pct, ratio, below or above")
            return nil
        }
        let kinds = ["value", "change_pct", "ratio", "below", "above"].filter { expect.field($0) != nil }
        guard kinds.count == 1 else {
            expect.problem("give exactly one of value, change_pct, ratio, below or above")
            return nil
        }
        let range = metric?.plausible ?? Plausible.valueUSD
        switch kinds[0] {
        case "value":
            guard let value = expect.double("value", in: range) else { return nil }
            return .value(value, tolerancePct: expect.double("tolerance_pct", in: Plausible.percent) ?? 5)
        case "change_pct":
            guard let percent = expect.double("change_pct", in: Plausible.changePct), let versus = period(expect, "versus", required: true)
            else { return nil }
            return .change(percent: percent, versus: versus, tolerancePoints: expect.double("tolerance_points", in: Plausible.tolerancePoints) ?? 2)
        case "ratio":
            guard let ratio = expect.double("ratio", in: Plausible.ratio), let versus = period(expect, "versus", required: true) else { return nil }
            return .ratio(ratio, versus: versus, tolerance: expect.double("tolerance", in: Plausible.ratio) ?? 0.1)
        case "below": return expect.double("below", in: range).map(ClaimExpectation.below)
        default: return expect.double("above", in: range).map(ClaimExpectation.above)
        }
    }

    private func reference(_ fields: YAMLFields) -> String? {
        guard let source = fields.string("source", required: true) else { return nil }
        guard sourceIDs.contains(source) else {
            fields.problem("source", "unknown source '\(source)'; sources are listed under sources")
            return nil
        }
        return source
    }

    private func period(_ fields: YAMLFields, _ key: String, required: Bool) -> Period? {
        guard let text = fields.string(key, required: required) else { return nil }
        do throws(PeriodError) { return try Period(parsing: text) } catch {
            fields.problem(key, error.description)
            return nil
        }
    }

    private func date(_ text: String, _ fields: YAMLFields, _ key: String) {
        guard let period = try? Period(parsing: text), period.calendar == .gregorian, period.isSingleUnit, period.grain != .quarter else {
            fields.problem(key, "'\(text)' is not a date YYYY-MM-DD (or YYYY-MM, YYYY)")
            return
        }
    }

    /// An economy, or where a bloc may stand for its members (a partnership, a party, a metric's side) a bloc.
    private func economy(_ code: String, _ fields: YAMLFields, _ key: String? = nil, orBloc: Bool = true) {
        guard !(orBloc ? reader.tables.isEconomyOrBloc(code) : reader.tables.countries.contains(code)) else { return }
        let reason = "unknown economy '\(code)'; expected an ISO 3166 alpha-3 code" + (orBloc ? " or a bloc" : "")
        if let key { fields.problem(key, reason) } else { fields.problem(reason) }
    }

    private func element(_ id: String, _ fields: YAMLFields, _ key: String) {
        guard reader.checksElements else { return }
        guard let elements = reader.elements else {
            fields.problem(key, "names the network element '\(id)', but the store holds no network: import one first")
            return
        }
        if !elements.contains(id) { fields.problem(key, "unknown element '\(id)': not a link, node or corridor of the network in the store") }
    }
}
