import CaravanCore
import CaravanDossier
import CaravanService
import Foundation

extension Dashboard {
    /// What if: a form of changes, and under it the answer beside the dossier as it stands.
    public func scenario(_ page: ScenarioPageData) -> HTML {
        let scorecard = page.scorecard
        var body = ScenarioForm(changes: page.changes, projects: page.projects, elements: page.elements, words: words).html
        if let comparison = page.comparison {
            body += ScenarioTables(comparison: comparison, changes: page.changes, words: words).html
        }
        body += HTMLReport(.only(scorecard), words: words).sources
        return DashboardFrame.page(.scenario, partnership: scorecard.partnership, asOf: scorecard.asOf, body: body, request: request)
    }
}

/// The changes a reader can make: plain GET fields, the dossier's projects and the network's elements offered as they type.
struct ScenarioForm {
    /// The changes asked, shown in the fields they were asked in.
    let changes: [Scenario.Change]
    let projects: [String]
    let elements: [String]
    let words: Words

    var html: HTML {
        var delay = ""
        var cancel = ""
        var add = ""
        for change in changes {
            switch change {
            case .delay(let project, let years): delay = "\(project)=\(years)y"
            case .cancel(let project): cancel = project
            case .add(let element, let figure, let amount): add = "\(element):\(figure.rawValue)=\(NumberText.compact(amount))"
            }
        }
        let projectOptions = projects.map { project -> HTML in "<option value=\"\(project)=1y\">" }
        let cancelOptions = projects.map { project -> HTML in "<option value=\"\(project)\">" }
        let elementOptions = elements.map { element -> HTML in "<option value=\"\(element):capacity_mt=5\">" }
        return """
            <h2>\(words("tab.scenario"))</h2><p>\(words("scenario.intro"))</p>
            <form class="query" method="get" action="/scenario" id="scenario-form">
            <input type="hidden" name="lang" value="\(words.language.rawValue)">
            <label>\(words("form.delay"))<input name="delay" value="\(delay)" list="scenario-delays" dir="ltr" size="24"></label>
            <label>\(words("form.cancel"))<input name="cancel" value="\(cancel)" list="scenario-projects" dir="ltr" size="20"></label>
            <label>\(words("form.add"))<input name="add" value="\(add)" list="scenario-elements" dir="ltr" size="28"></label>
            <datalist id="scenario-delays">\(projectOptions)</datalist><datalist id="scenario-projects">\(cancelOptions)</datalist>
            <datalist id="scenario-elements">\(elementOptions)</datalist>
            <button type="submit">\(words("form.compare"))</button></form>
            """
    }
}

/// A scenario's answer as three tables, each baseline beside scenario.
struct ScenarioTables {
    let comparison: ScenarioComparison
    let changes: [Scenario.Change]
    let words: Words

    var html: HTML {
        let said = changes.map { change -> String in
            switch change {
            case .delay(let project, let years): words("scenario.delay", ["project": project, "years": words.integer(years)])
            case .cancel(let project): words("scenario.cancel", ["project": project])
            case .add(let element, let figure, let amount):
                words(
                    "scenario.add",
                    ["amount": words.number(amount, decimals: amount == amount.rounded() ? 0 : 1), "figure": figure.rawValue, "element": element])
            }
        }
        let pairs = [
            ("trade", comparison.baseline.trade, comparison.scenario.trade), ("projects", comparison.baseline.projects, comparison.scenario.projects),
            ("corridor", comparison.baseline.corridor, comparison.scenario.corridor),
        ]
        let tests = pairs.map { name, before, after -> [HTML] in
            ["\(words("test.\(name)"))", words.badge(before.status.rawValue), words.badge(after.status.rawValue), "\(words.say(after.summary))"]
        }
        let targets = zip(comparison.baseline.targets, comparison.scenario.targets).map { before, after -> [HTML] in
            [
                "\(before.id)", words.badge(before.status.rawValue), words.badge(after.status.rawValue),
                "\(capacity(before.capacity)) → \(capacity(after.capacity))",
            ]
        }
        let years = zip(comparison.baseline.capacity, comparison.scenario.capacity).map { before, after -> [HTML] in
            [
                "\(words.integer(before.year))", "\(megatonnes(before.maxMt))", "\(megatonnes(after.maxMt))",
                "\(before.bottleneck.joined(separator: ", "))",
                "\(after.bottleneck.joined(separator: ", "))",
            ]
        }
        let columns = { (keys: [String]) in keys.map { words("column.\($0)") } }
        return """
            <h2 id="scenario-changes">\(words("scenario.if", ["changes": said.joined(separator: "; ")]))</h2>
            <h3>\(words("scenario.tests"))</h3>\(HTML.table(columns(["test", "baseline", "scenario", "why"]), tests, id: "scenario-tests"))
            <h3>\(words("scenario.targets"))</h3>\(HTML.table(columns(["target", "baseline", "scenario", "capacity"]), targets, id: "scenario-targets"))
            <h3>\(words("scenario.capacity"))</h3>\(HTML.table(
                columns(["year", "baseline", "scenario", "bottleneck", "bottleneck"]), years, id: "scenario-capacity", lead: [1, 2]))
            """
    }

    private func megatonnes(_ value: Double?) -> String { value.map { words.number($0, decimals: 1) } ?? words("corridor.unlimited") }

    /// A target's capacity: "n/a" where it has none to show (not a freight target, or no network).
    private func capacity(_ capacity: CapacityInYear?) -> String { capacity.map { megatonnes($0.maxMt) } ?? words("corridor.not-applicable") }
}
