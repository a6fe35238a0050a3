import CaravanCore
import CaravanNetwork
import Foundation

/// Every verdict as a sentence a reader can take away: what was found, against what, why, and
/// what would change it (docs/scorecard.md). Ids stay in the JSON; sentences name things.
enum Verdicts {
    static func status(_ status: TestStatus) -> Phrase.Value {
        .term(key: "status.\(status.rawValue)", english: status.rawValue.replacingOccurrences(of: "_", with: " "))
    }

    /// `$340M in 2024 (Iranian customs)`: a measured value with who gives it.
    static func found(_ value: MeasuredValue, amount: (Double) -> Phrase.Value) -> Phrase {
        let by = Array(Set(value.sources.map(\.provider))).sorted()
        return by.isEmpty
            ? Phrase("verdict.found", "{value} in {period}", ["value": amount(value.value), "period": .period(value.period)])
            : Phrase(
                "verdict.found-by", "{value} in {period} ({by})",
                ["value": amount(value.value), "period": .period(value.period), "by": .list(by.map { .text($0) }, separator: ", ")])
    }
}

extension TargetResult {
    /// A value in the target's unit: `$400M`, `15 Mt`.
    public func amount(_ value: Double) -> Phrase.Value { unit == "t" ? .megatonnes(value / 1e6) : .money(value) }

    public var name: Phrase.Value { .name(title ?? id, titles) }

    /// True when the deadline is behind the date judged on and the target was not met.
    public func missed(asOfYear: Int) -> Bool { status != .met && asOfYear > deadline }

    /// The target's verdict in one sentence.
    public func sentence(asOfYear: Int) -> Phrase {
        let level = amount(value)
        guard let latest else {
            return Phrase(
                "verdict.target-no-data", "{title}: {status} — {reason}.",
                ["title": name, "status": Verdicts.status(status), "reason": .phrase(reason)])
        }
        let found = Phrase.Value.phrase(Verdicts.found(latest, amount: amount))
        if missed(asOfYear: asOfYear) {
            return Phrase(
                "verdict.target-missed", "{title}: missed in {deadline} — {found}, {progress} of {level}.",
                ["title": name, "deadline": .year(deadline), "found": found, "progress": .percent(latest.value / value * 100), "level": level])
        }
        return Phrase(
            "verdict.target", "{title} is {status}: {found}, against {level} by {deadline}; {reason}.",
            [
                "title": name, "status": Verdicts.status(status), "found": found, "level": level, "deadline": .year(deadline),
                "reason": .phrase(reason),
            ])
    }

    /// What would change the verdict: the next year's outturn on the path the target needs, or the
    /// capacity its bottleneck lacks; nil when nothing can (met, or the deadline passed).
    public func change(asOfYear: Int) -> Phrase? {
        guard status != .met, !missed(asOfYear: asOfYear), let latest, let needed = requiredGrowthPct else { return nil }
        if let capacity, let maxMt = capacity.maxMt, maxMt * 1e6 < value {
            return Phrase(
                "change.capacity", "the network carrying {level} a year by {deadline}: today's plans give {capacity} ({bottleneck})",
                [
                    "level": amount(value), "deadline": .year(deadline), "capacity": .megatonnes(maxMt),
                    "bottleneck": .list(capacity.bottleneckNames, separator: ", "),
                ])
        }
        let year = max(Int(latest.period.first) + 1, runRate?.year ?? 0)
        let path = latest.value * pow(1 + needed / 100, Double(year - Int(latest.period.first)))
        let values: [String: Phrase.Value] = [
            "year": .year(year), "value": amount(path), "needed": .percent(needed), "level": amount(value), "deadline": .year(deadline),
        ]
        return status == .onTrack
            ? Phrase("change.outturn-below", "a {year} outturn below {value}, off the path of {needed} a year to {level} by {deadline}", values)
            : Phrase("change.outturn-above", "a {year} outturn of {value} or more, on the path of {needed} a year to {level} by {deadline}", values)
    }
}

extension [TargetResult] {
    /// The target with the nearest deadline still open (neither met nor missed): the one a test's sentence names.
    public func nearestOpen(asOfYear: Int) -> TargetResult? {
        filter { $0.status != .met && !$0.missed(asOfYear: asOfYear) }.min { $0.deadline < $1.deadline }
    }
}

extension TradeTest {
    /// `Trade is off track: $528M in 2022 (…); the Tehran Times's own figure: $340M in 2024; reaching $400M by 2026 needs 8.5% a year.`
    static func sentence(
        status: TestStatus, latest: MeasuredValue?, latestOwn: MeasuredValue?, runRate: RunRate?, own: Phrase.Value, targets: [TargetResult],
        asOfYear: Int
    ) -> Phrase {
        var parts: [Phrase.Value] = [
            .phrase(latest.map { Verdicts.found($0, amount: { .money($0) }) } ?? Phrase("verdict.no-figures", "no figures"))
        ]
        if let latestOwn {
            parts.append(
                .phrase(
                    Phrase(
                        "verdict.own-figure", "{own}'s own figure: {found}", ["own": own, "found": .phrase(Verdicts.found(latestOwn) { .money($0) })])
                ))
        }
        if let runRate {
            parts.append(
                .phrase(
                    Phrase(
                        "verdict.run-rate", "{year} on course for {value} ({method})",
                        ["year": .year(runRate.year), "value": .money(runRate.fullYear), "method": .phrase(runRate.method)])))
        }
        parts.append(.phrase(next(targets, asOfYear: asOfYear)))
        return Phrase(
            "verdict.trade", "Trade is {status}: {parts}.", ["status": Verdicts.status(status), "parts": .list(parts, separator: "; ")])
    }

    /// The nearest target still open, what it needs against what is observed; else the deadlines missed.
    public static func next(_ targets: [TargetResult], asOfYear: Int) -> Phrase {
        guard !targets.isEmpty else { return Phrase("verdict.no-targets", "no targets to judge against") }
        guard let target = targets.nearestOpen(asOfYear: asOfYear) else {
            let missed = targets.filter { $0.missed(asOfYear: asOfYear) }.map { target -> Phrase.Value in
                .phrase(
                    Phrase(
                        "verdict.missed-item", "{level} by {deadline}", ["level": target.amount(target.value), "deadline": .year(target.deadline)]))
            }
            return missed.isEmpty
                ? Phrase("verdict.all-met", "every target is met")
                : Phrase("verdict.all-missed", "every target's deadline has passed unmet: {targets}", ["targets": .list(missed, separator: ", ")])
        }
        let goal: [String: Phrase.Value] = ["level": target.amount(target.value), "deadline": .year(target.deadline)]
        guard let needed = target.requiredGrowthPct else {
            return Phrase("verdict.next-unknown", "{level} by {deadline}: {reason}", goal.merging(["reason": .phrase(target.reason)]) { a, _ in a })
        }
        var needs = goal.merging(["needed": .percent(needed)]) { a, _ in a }
        guard let observed = target.observedGrowthPct else {
            return Phrase("verdict.next-no-trend", "reaching {level} by {deadline} needs {needed} a year, with no trend to judge by", needs)
        }
        needs["observed"] = .percent(observed)
        return Phrase("verdict.next", "reaching {level} by {deadline} needs {needed} a year, against {observed} a year observed", needs)
    }
}

extension CorridorTest {
    /// `The corridor is off track: 1.6 Mt in 2024 (…) against 15 Mt by 2027; the Kazakhstan–Turkmenistan–Iran railway carries at most 10 Mt a year in 2027 (bottleneck: Uzen–Bolashak).`
    static func sentence(status: TestStatus, element: Phrase.Value, targets: [TargetResult], asOfYear: Int) -> Phrase {
        guard let target = targets.nearestOpen(asOfYear: asOfYear) ?? targets.first else {
            return Phrase("verdict.no-freight-targets", "The corridor has no freight targets.")
        }
        let found: Phrase.Value =
            target.latest.map { .phrase(Verdicts.found($0, amount: target.amount)) } ?? .phrase(Phrase("verdict.no-flows", "no flows reported"))
        var capacity = Phrase(
            "verdict.capacity-unknown", "what {element} can carry in {year} is unknown", ["element": element, "year": .year(target.deadline)])
        if let known = target.capacity, let maxMt = known.maxMt {
            capacity = Phrase(
                "verdict.capacity", "{element} carries at most {capacity} a year in {year} (bottleneck: {bottleneck})",
                [
                    "element": element, "capacity": .megatonnes(maxMt), "year": .year(known.year),
                    "bottleneck": .list(known.bottleneckNames, separator: ", "),
                ])
        }
        return Phrase(
            "verdict.corridor", "The corridor is {status}: {found}, against {level} a year by {deadline}; {capacity}.",
            [
                "status": Verdicts.status(status), "found": found, "level": target.amount(target.value), "deadline": .year(target.deadline),
                "capacity": .phrase(capacity),
            ])
    }
}

extension ProjectsTest {
    /// `Projects: at risk — 2 of 6 still to deliver, at risk: …; no budget or funding is known for them; no milestone is late.`
    static func sentence(
        status: TestStatus, projects: [ProjectResult], open: [ProjectResult], committed: Double, disbursed: Double, budget: Double, late: Int
    )
        -> Phrase
    {
        guard !projects.isEmpty else { return Phrase("verdict.no-projects", "The dossier names no projects.") }
        guard !open.isEmpty else {
            return Phrase(
                "verdict.projects-delivered", "Projects: {status} — all {count} projects are operational.",
                ["status": Verdicts.status(status), "count": .count(projects.count)])
        }
        let risky = projects.filter { $0.status == .atRisk || $0.status == .offTrack }.map(\.name)
        let known = open.filter { $0.budgetUSD != nil }.count
        let money =
            known == 0 && committed == 0
            ? Phrase("verdict.no-funding-known", "no budget or funding is known for them")
            : Phrase(
                "verdict.funding", "{committed} committed and {disbursed} disbursed of {budget} budgeted ({known} of {open} with a known budget)",
                [
                    "committed": .money(committed), "disbursed": .money(disbursed), "budget": .money(budget), "known": .count(known),
                    "open": .count(open.count),
                ])
        let lateness =
            late == 0
            ? Phrase("verdict.none-late", "no milestone is late") : Phrase("verdict.late", "{count} milestones late", ["count": .count(late)])
        return Phrase(
            "verdict.projects", "Projects: {status} — {open} of {count} still to deliver{risky}; {money}; {late}.",
            [
                "status": Verdicts.status(status), "open": .count(open.count), "count": .count(projects.count),
                "risky": risky.isEmpty
                    ? .text("") : .phrase(Phrase("verdict.at-risk", ", at risk: {names}", ["names": .list(risky, separator: ", ")])),
                "money": .phrase(money), "late": .phrase(lateness),
            ])
    }
}

extension ProjectResult {
    public var name: Phrase.Value { .name(title, titles) }

    /// `Aktau and Kuryk ports raised by half: at risk — proposed, with no budget or funding known.`
    public var sentence: Phrase {
        Phrase(
            "verdict.project", "{title}: {status} — {reason}.", ["title": name, "status": Verdicts.status(status), "reason": .phrase(reason)])
    }
}

extension ClaimResult {
    /// A value in the claim's terms: an amount in the metric's unit, a change, a multiple.
    func measured(_ value: Double) -> Phrase.Value {
        switch expectation {
        case .change: .change(value)
        case .ratio: .phrase(Phrase("verdict.times", "{n}×", ["n": .number(value, decimals: 2)]))
        case .value, .below, .above: metric.amount(value)
        }
    }

    /// `The claim — about $521M for 2022 — is consistent; the figures give $528M: within what the claim allows.`
    public var sentence: Phrase {
        let values: [String: Phrase.Value] = [
            "expected": .phrase(expectation.phrase(metric)), "period": .period(period),
            "verdict": .term(key: "status.\(verdict.rawValue)", english: verdict.rawValue), "reason": .phrase(reason),
            "computed": computed.map(measured) ?? .text(""),
        ]
        return computed == nil
            ? Phrase("verdict.claim", "The claim — {expected} for {period} — is {verdict}: {reason}.", values)
            : Phrase("verdict.claim-computed", "The claim — {expected} for {period} — is {verdict}; the figures give {computed}: {reason}.", values)
    }
}

extension Metric {
    /// A value of the metric in its unit: `$340M`, `1.6 Mt`, `20 agreements`, `90%`.
    public func amount(_ value: Double) -> Phrase.Value {
        switch self {
        case .trade, .funding: .money(value)
        case .freight: .megatonnes(value / 1e6)
        case .agreements: .phrase(Phrase("amount.agreements", "{count} agreements", ["count": .whole(value)]))
        case .tariffCoverage: .percent(value)
        case .statement: .whole(value)
        }
    }
}

extension Network {
    /// An element by its name in every language the network gives, else its id.
    public func name(of id: String) -> Phrase.Value {
        elementName(id).map { .name($0.english, $0.names) } ?? .text(id)
    }

    /// Every element's name by its id, for a page that names many.
    public var elementNames: [String: Phrase.Value] { Dictionary(uniqueKeysWithValues: elementIDs.map { ($0, name(of: $0)) }) }
}
