import CaravanCore
import CaravanDossier
import CaravanService
import Foundation

extension Dashboard {
    /// What if: the dossier's projects to delay or cancel, picked from a list, and under it the
    /// answer beside the dossier as it stands — capacity by year as a chart, and why when nothing moves.
    public func scenario(_ page: ScenarioPageData) -> HTML {
        let scorecard = page.scorecard
        let open = scorecard.tests.projects.projects.filter { page.projects.contains($0.id) }
        var body = ScenarioForm(changes: page.changes, projects: open, elements: page.elements, names: page.names, words: words).html
        if let comparison = page.comparison {
            body += ScenarioTables(comparison: comparison, scorecard: scorecard, changes: page.changes, names: page.names, words: words).html
        }
        body += HTMLReport(.only(scorecard), words: words).sources
        return DashboardFrame.page(.scenario, partnership: scorecard.partnership, asOf: scorecard.asOf, body: body, request: request)
    }
}

/// The changes a reader can make, as plain GET fields: each project still to deliver with its year
/// and what it adds, delayed or cancelled from a list; capacity added to an element picked by name.
struct ScenarioForm {
    /// The changes asked, shown in the fields they were asked in.
    let changes: [Scenario.Change]
    let projects: [ProjectResult]
    let elements: [String]
    let names: [String: Phrase.Value]
    let words: Words

    static let delays = [1, 2, 3, 5]

    var html: HTML {
        var delayed: [String: Int] = [:]
        var cancelled: Set<String> = []
        var add = ""
        for change in changes {
            switch change {
            case .delay(let project, let years): delayed[project] = years
            case .cancel(let project): cancelled.insert(project)
            case .add(let element, let figure, let amount): add = "\(element):\(figure.rawValue)=\(NumberText.compact(amount))"
            }
        }
        let rows = projects.map { project -> [HTML] in
            let options =
                [HTML("<option value=\"\">\(words("scenario.as-planned"))</option>")]
                + Self.delays.map { years -> HTML in
                    let selected = delayed[project.id] == years ? " selected" : ""
                    return "<option value=\"\(project.id)=\(years)y\"\(selected)>\(words("scenario.later", ["years": words.integer(years)]))</option>"
                }
            let delay: HTML = project.completionYear == nil ? "" : "<select name=\"delay\" aria-label=\"\(words("form.delay"))\">\(options)</select> "
            let checked = cancelled.contains(project.id) ? " checked" : ""
            return [
                "\(words.say(project.name)) \(words.badge(project.status.rawValue))", "\(project.completionYear.map(words.integer) ?? "—")",
                "\(effects(project))",
                delay + "<label><input type=\"checkbox\" name=\"cancel\" value=\"\(project.id)\"\(checked)> \(words("scenario.never-built"))</label>",
            ]
        }
        let elementOptions = elements.map { element -> HTML in
            "<option value=\"\(element):capacity_mt=5\" label=\"\(names[element].map(words.say) ?? element)\">"
        }
        return """
            <h2>\(words("tab.scenario"))</h2><p>\(words("scenario.intro"))</p>
            <form class="query" method="get" action="/scenario" id="scenario-form">
            <input type="hidden" name="lang" value="\(words.language.rawValue)">
            \(HTML.table(["project", "completion", "effect", "what-if"].map { words("column.\($0)") }, rows, id: "scenario-projects"))
            <label>\(words("form.add"))<input name="add" value="\(add)" list="scenario-elements" dir="ltr" size="28"></label>
            <datalist id="scenario-elements">\(elementOptions)</datalist>
            <button type="submit">\(words("form.compare"))</button></form>
            """
    }

    /// What a project changes on the network: `Aktau port: capacity +5.5 Mt a year`.
    func effects(_ project: ProjectResult) -> String {
        project.effects.map { effect in
            let element = names[effect.element].map(words.say) ?? effect.element
            let amount = words.number(effect.amount, decimals: effect.amount == effect.amount.rounded() ? 0 : 1)
            return words(
                "scenario.effect-\(effect.change.rawValue)",
                ["element": element, "figure": words("figure.\(effect.figure.rawValue)"), "amount": amount])
        }.joined(separator: "; ")
    }
}

/// A scenario's answer: why nothing moved when nothing did, capacity by year as a chart beside the
/// baseline, and three tables, each baseline beside scenario.
struct ScenarioTables {
    let comparison: ScenarioComparison
    let scorecard: Scorecard
    let changes: [Scenario.Change]
    let names: [String: Phrase.Value]
    let words: Words

    var html: HTML {
        let projectNames = Dictionary(scorecard.tests.projects.projects.map { ($0.id, words.say($0.name)) }, uniquingKeysWith: { first, _ in first })
        let said = changes.map { change -> String in
            switch change {
            case .delay(let project, let years):
                words("scenario.delay", ["project": projectNames[project] ?? project, "years": words.integer(years)])
            case .cancel(let project): words("scenario.cancel", ["project": projectNames[project] ?? project])
            case .add(let element, let figure, let amount):
                words(
                    "scenario.add",
                    [
                        "amount": words.number(amount, decimals: amount == amount.rounded() ? 0 : 1), "figure": words("figure.\(figure.rawValue)"),
                        "element": names[element].map(words.say) ?? element,
                    ])
            }
        }
        let unchanged: HTML = comparison.unchanged.map { "<p class=\"note\" id=\"scenario-unchanged\">\(words.say($0))</p>" } ?? ""
        return """
            <h2 id="scenario-changes">\(words("scenario.if", ["changes": said.joined(separator: words.punctuated("; "))]))</h2>
            \(unchanged)\(chart.html)
            <h3>\(words("scenario.tests"))</h3>\(HTML.table(columns(["test", "baseline", "scenario", "why"]), tests, id: "scenario-tests"))
            <h3>\(words("scenario.targets"))</h3>\(HTML.table(columns(["target", "baseline", "scenario", "capacity"]), targets, id: "scenario-targets"))
            <h3>\(words("scenario.capacity"))</h3>\(HTML.table(
                columns(["year", "baseline", "scenario", "bottleneck-baseline", "bottleneck-scenario"]), years, id: "scenario-capacity", lead: [1, 2]))
            """
    }

    private func columns(_ keys: [String]) -> [String] { keys.map { words("column.\($0)") } }

    private var tests: [[HTML]] {
        let pairs = [
            ("trade", comparison.baseline.trade, comparison.scenario.trade), ("projects", comparison.baseline.projects, comparison.scenario.projects),
            ("corridor", comparison.baseline.corridor, comparison.scenario.corridor),
        ]
        return pairs.map { name, before, after -> [HTML] in
            ["\(words("test.\(name)"))", words.badge(before.status.rawValue), words.badge(after.status.rawValue), "\(words.say(after.summary))"]
        }
    }

    private var targets: [[HTML]] {
        let targetNames = Dictionary(scorecard.allTargets.map { ($0.id, words.say($0.name)) }, uniquingKeysWith: { first, _ in first })
        return zip(comparison.baseline.targets, comparison.scenario.targets).map { before, after -> [HTML] in
            [
                "\(targetNames[before.id] ?? before.id)", words.badge(before.status.rawValue), words.badge(after.status.rawValue),
                "\(capacity(before.capacity)) → \(capacity(after.capacity))",
            ]
        }
    }

    private var years: [[HTML]] {
        zip(comparison.baseline.capacity, comparison.scenario.capacity).map { before, after -> [HTML] in
            [
                "\(words.integer(before.year))", "\(megatonnes(before.maxMt))", "\(megatonnes(after.maxMt))",
                "\(before.bottleneckNames.map(words.say).joined(separator: words.punctuated(", ")))",
                "\(after.bottleneckNames.map(words.say).joined(separator: words.punctuated(", ")))",
            ]
        }
    }

    /// Capacity by year, the scenario's line beside the baseline's, the freight targets as markers.
    private var chart: YearChart {
        let line = { (capacity: [CapacityInYear]) in
            capacity.compactMap { year in
                year.maxMt.map {
                    YearChart.Point(
                        year: year.year, value: $0, note: "\(words.integer(year.year)): \(words.number($0, decimals: 1)) \(words("unit.mt"))")
                }
            }
        }
        let mt = words("unit.mt")
        return YearChart(
            id: "scenario-chart", title: words("scenario.capacity"),
            series: [
                YearChart.Series(name: words("column.baseline"), points: line(comparison.baseline.capacity), style: .line, color: "#8a8f9c"),
                YearChart.Series(name: words("column.scenario"), points: line(comparison.scenario.capacity), style: .line, color: "#7a4fa3"),
            ],
            references: scorecard.tests.corridor.targets.map { target in
                YearChart.Reference(
                    label: words("chart.target-mt", ["mt": words.number(target.value / 1e6, decimals: 0), "year": words.integer(target.deadline)]),
                    value: target.value / 1e6, year: target.deadline, color: "#b3261e")
            }, words: words
        ) { [words] in words.number($0, decimals: $0 < 10 && $0 != $0.rounded() ? 1 : 0) + " " + mt }
    }

    private func megatonnes(_ value: Double?) -> String { value.map { words.number($0, decimals: 1) } ?? words("corridor.unknown-capacity") }

    /// A target's capacity: "n/a" where it has none to show (not a freight target, or no network).
    private func capacity(_ capacity: CapacityInYear?) -> String { capacity.map { megatonnes($0.maxMt) } ?? words("corridor.not-applicable") }
}
