import CaravanDossier
import Foundation

/// What the scorecard page shows, and the projects and claims pages, which show parts of it: the
/// partnership's scorecard as of a day.
public struct ScorecardPageData: Sendable {
    public var scorecard: Scorecard

    public init(scorecard: Scorecard) { self.scorecard = scorecard }
}

/// What the partnerships page shows: every stored partnership's scorecard, in the order of their ids.
public struct PartnershipsPageData: Sendable {
    public var scorecards: [Scorecard]

    public init(scorecards: [Scorecard]) { self.scorecards = scorecards }
}

extension Workspace {
    /// The scorecard page's data (and the projects and claims pages').
    public func scorecardPage(_ partnership: String? = nil, asOf: Date = Date()) async throws -> ScorecardPageData {
        ScorecardPageData(scorecard: try await scorecard(partnership, asOf: asOf))
    }

    /// The partnerships page's data.
    public func partnershipsPage(asOf: Date = Date()) async throws -> PartnershipsPageData {
        PartnershipsPageData(scorecards: try await partnerships(asOf: asOf))
    }
}
