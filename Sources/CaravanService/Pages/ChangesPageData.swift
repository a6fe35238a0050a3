import CaravanDossier
import CaravanStore
import Foundation

/// What the changes page shows: the partnership's scorecard (for its name and sources) and what
/// changed in it, newest first.
public struct ChangesPageData: Sendable {
    public var scorecard: Scorecard
    /// The partnership's recorded changes, newest first, as many as the page shows.
    public var changes: [RecordedChange]

    public init(scorecard: Scorecard, changes: [RecordedChange]) {
        self.scorecard = scorecard
        self.changes = changes
    }
}

extension Workspace {
    /// The changes page's data: the newest `limit` changes of the partnership's scorecard.
    public func changesPage(partnership: String? = nil, asOf: Date = Date(), limit: Int = 200) async throws -> ChangesPageData {
        let scorecard = try await scorecard(partnership, asOf: asOf)
        let changes = try await changes(partnership: scorecard.partnership.id)
        return ChangesPageData(scorecard: scorecard, changes: Array(changes.reversed().prefix(limit)))
    }
}
