import CaravanDossier
import CaravanService

/// One part of the dossier, judged: what `caravan targets|claims|projects|agreements` and the
/// API's endpoints of the same names answer.
public protocol DossierPart: Encodable, Sectioned, Sendable {
    static var name: String { get }
    static var abstract: String { get }
    init(_ scorecard: Scorecard)
}

public struct TargetsPart: DossierPart {
    public static let name = "targets"
    public static let abstract = "The partnership's targets: progress, growth needed against growth observed, the year reached on the present trend."
    public let targets: [TargetResult]
    let asOfYear: Int
    public init(_ scorecard: Scorecard) { (targets, asOfYear) = (scorecard.allTargets, scorecard.asOfYear) }
    public var sections: [TableSection] { [TableSection(table: ScorecardTables.targets(targets, asOfYear: asOfYear))] }
    enum CodingKeys: String, CodingKey { case targets }
}

public struct ClaimsPart: DossierPart {
    public static let name = "claims"
    public static let abstract = "Published claims checked against data from other sources: consistent, inconsistent, contested or unverifiable."
    public let claims: [ClaimResult]
    public init(_ scorecard: Scorecard) { claims = scorecard.claims }
    public var sections: [TableSection] { [TableSection(table: ScorecardTables.claims(claims))] }
}

public struct ProjectsPart: DossierPart {
    public static let name = "projects"
    public static let abstract = "The partnership's projects: funding against budget, milestones against plan."
    public let projects: [ProjectResult]
    public init(_ scorecard: Scorecard) { projects = scorecard.tests.projects.projects }
    public var sections: [TableSection] { [TableSection(table: ScorecardTables.projects(projects))] }
}

public struct AgreementsPart: DossierPart {
    public static let name = "agreements"
    public static let abstract = "The agreements between the parties and how far each has come."
    public let agreements: [Agreement]
    public init(_ scorecard: Scorecard) { agreements = scorecard.agreements }
    public var sections: [TableSection] { [TableSection(table: ScorecardTables.agreements(agreements))] }
}
