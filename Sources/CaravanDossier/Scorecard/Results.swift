import CaravanCore
import CaravanNetwork
import Foundation

/// Where a figure behind a result comes from: publisher, document, vintage, file and line.
public struct Provenance: Sendable, Hashable, Encodable {
    public var provider: String
    public var url: String?
    public var published: String?
    public var recordedAt: Date?
    public var file: String?
    public var line: Int?
    public var note: String?

    public init(citation: Citation) {
        provider = citation.provider
        url = citation.url
        published = citation.published
        recordedAt = citation.recordedAt
        file = citation.file
        line = citation.line
        note = citation.note
    }

    /// A stored source: a tariff schedule's, say.
    public init(record: SourceRecord) {
        provider = record.provider
        url = record.url
        published = record.published
        recordedAt = record.recordedAt
        file = record.file
    }

    /// A stated growth rate or multiple: its source, and its quote as the note.
    public init(relation: RecordedRelativeFigure) {
        self.init(record: relation.source)
        line = relation.line
        note = relation.figure.note
    }

    public init(flow: RecordedFreightFlow) {
        self.init(record: flow.source)
        line = flow.line
        note = flow.flow.note
    }

    public init(source: DossierSource) {
        provider = source.publisher ?? source.title
        url = source.url
        published = source.published
        note = source.title
    }

    enum CodingKeys: String, CodingKey {
        case provider, url, published, file, line, note
        case recordedAt = "recorded_at"
    }
}

/// A measured value for a period, with its sources.
public struct MeasuredValue: Sendable, Encodable {
    public var period: Period
    public var value: Double
    public var partial: Bool
    public var sources: [Provenance]
    /// True when only the assessed statement's own source gives it: shown as that source's, not as confirmed.
    public var own: Bool = false
}

/// A partial year's value so far and the full year it points to.
public struct RunRate: Sendable, Encodable {
    public var year: Int
    public var covered: Period
    public var valueSoFar: Double
    public var fullYear: Double
    /// `seasonal shares of 2022, 2023` or `by days`.
    public var method: Phrase
    /// The full year at the largest and the smallest of the seasonal shares, when two years or more
    /// give one: how far the projection moves with the season's spread.
    public var low: Double?
    public var high: Double?
    /// The stretches of the value so far read from the partner's report, its own being late or absent.
    public var mirror: [Period] = []
    /// True when only the assessed statement's own source gives the value so far.
    public var own: Bool = false

    enum CodingKeys: String, CodingKey {
        case year, covered, method, low, high, mirror, own
        case valueSoFar = "value_so_far"
        case fullYear = "full_year"
    }
}

/// What the network can carry for a target in its target year.
public struct CapacityInYear: Sendable, Encodable {
    public var year: Int
    public var maxMt: Double?
    public var bottleneck: [String]
    /// Projects whose effects were applied for the year.
    public var projectsApplied: [String]
    /// The bottleneck's elements by name, for sentences.
    public var bottleneckNames: [Phrase.Value] = []

    enum CodingKeys: String, CodingKey {
        case year, bottleneck
        case maxMt = "max_mt"
        case projectsApplied = "projects_applied"
    }
}

/// A target judged.
public struct TargetResult: Sendable, Encodable {
    public var id: String
    public var title: String?
    /// The title in other languages, by language code.
    public var titles: [String: String] = [:]
    public var metric: Metric
    public var value: Double
    public var unit: String
    public var deadline: Int
    public var assumed: Bool
    public var assumption: String?
    public var source: Provenance?
    public var quote: String?
    public var status: TestStatus
    public var reason: Phrase
    public var progressPct: Double?
    public var requiredGrowthPct: Double?
    public var observedGrowthPct: Double?
    public var window: String?
    public var projectedYear: Int?
    public var latest: MeasuredValue?
    public var runRate: RunRate?
    public var capacity: CapacityInYear?
    /// The years its reading stands on that only its own source gives.
    public var ownYears: [Int] = []

    enum CodingKeys: String, CodingKey {
        case id, title, metric, value, unit, deadline, assumed, assumption, source, quote, status, reason, window, latest, capacity
        case progressPct = "progress_pct"
        case requiredGrowthPct = "required_growth_pct"
        case observedGrowthPct = "observed_growth_pct"
        case projectedYear = "projected_year"
        case runRate = "run_rate"
        case ownYears = "own_years"
    }
}

/// A claim checked: `consistent`, `inconsistent`, `contested` or `unverifiable`.
public struct ClaimResult: Sendable, Encodable {
    public enum Verdict: String, Sendable, Encodable {
        case consistent, inconsistent, unverifiable
        /// Each side's own figures give a verdict, and the two disagree.
        case contested
    }

    public var id: String
    public var verdict: Verdict
    public var quote: String
    public var source: Provenance?
    public var metric: Metric
    public var period: Period
    public var expectation: ClaimExpectation
    /// The expectation in words.
    public var expected: String
    /// What the data give, in the expectation's terms (a value, a percent change, a ratio).
    public var computed: Double?
    /// Computed minus expected, in the same terms.
    public var gap: Double?
    public var reason: Phrase
    public var basis: [Provenance]
    /// The claim's own origin's evidence for its periods — its publisher's, whom it quotes or
    /// reprints, the same article elsewhere —, set aside: never what confirms it.
    public var setAside: [Provenance] = []
    /// True when a figure the verdict stands on was apportioned by days from a period of the
    /// other calendar: the computed value is then an estimate.
    public var estimate: Bool = false
    /// Each side's own figures judged apart, when both give one: why a verdict is contested.
    public var sides: [SideVerdict] = []
    /// Figures the claim's number matches only for another period or coverage (a year of the
    /// other calendar, non-oil goods): what the claim may have been read from.
    public var matchesElsewhere: [Provenance] = []
    /// A difference of scope: the claim names one economy where the measure belongs to a bloc it is part of.
    public var scope: String?

    enum CodingKeys: String, CodingKey {
        case id, verdict, quote, source, metric, period, expectation, expected, computed, gap, reason, basis, estimate, sides, scope
        case matchesElsewhere = "matches_elsewhere"
        case setAside = "set_aside"
    }
}

/// One side's own figures set against a claim.
public struct SideVerdict: Sendable, Encodable {
    public var economy: String
    public var verdict: ClaimResult.Verdict
    public var computed: Double
    public var basis: [Provenance]
}

/// A project judged.
public struct ProjectResult: Sendable, Encodable {
    public var id: String
    public var title: String
    /// The title in other languages, by language code.
    public var titles: [String: String] = [:]
    public var kind: String
    public var countries: [String]
    public var declared: Project.Status
    public var status: TestStatus
    public var reason: Phrase
    public var budgetUSD: Double?
    public var committedUSD: Double
    public var disbursedUSD: Double
    public var lateMilestones: [LateMilestone]
    public var milestones: [Milestone]
    public var completionYear: Int?
    public var effects: [ProjectEffect]
    public var source: Provenance?

    enum CodingKeys: String, CodingKey {
        case id, title, kind, countries, declared, status, reason, milestones, effects, source
        case budgetUSD = "budget_usd"
        case committedUSD = "committed_usd"
        case disbursedUSD = "disbursed_usd"
        case lateMilestones = "late_milestones"
        case completionYear = "completion_year"
    }
}

/// A milestone past its planned date.
public struct LateMilestone: Sendable, Encodable {
    public var name: String
    public var planned: String
    public var actual: String?
    public var daysLate: Int

    enum CodingKeys: String, CodingKey {
        case name, planned, actual
        case daysLate = "days_late"
    }
}
