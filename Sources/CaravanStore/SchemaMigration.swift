/// The schema's history, the same names in the same order on every engine: each engine supplies
/// its own statements for each (an exhaustive `switch`), and records the names it applied.
package enum SchemaMigration: String, Sendable, CaseIterable {
    case ledger = "v1-ledger"
    case corridor = "v2-corridor"
    case documents = "v3-documents"
    case accessTokens = "v4-access-tokens"
    case tariffs = "v5-tariffs"
    case figureStatus = "v6-figure-status"
    case hsEdition = "v7-hs-edition"
    case changes = "v8-changes"
    case relativeFigures = "v9-relative-figures"
    case watchOwner = "v10-watch-owner"
    case keptAnswers = "v11-kept-answers"

    /// Every name, in the order applied.
    package static var names: [String] { allCases.map(\.rawValue) }
}

/// A history an earlier version recorded under other names, and how a database's recorded names
/// are brought to the current ones, in the migrating transaction, so that nothing is run again.
package struct LegacyMigrationNames: Sendable {
    /// A name the earlier history recorded, with the current names that stand for its work: the
    /// first takes its place; any others were done by it too.
    package struct Entry: Sendable {
        package var recorded: String
        package var now: [SchemaMigration]

        package init(_ recorded: String, _ now: [SchemaMigration]) {
            self.recorded = recorded
            self.now = now
        }
    }

    package let entries: [Entry]

    package init(_ entries: [Entry]) {
        self.entries = entries
    }

    /// One recorded name brought to the current ones.
    package struct Rename: Sendable, Hashable {
        /// The name recorded.
        package var recorded: String
        /// The name it becomes (itself when it is a current one).
        package var now: String
        /// Current names to record beside it, as applied when it was: work it did that now has a name of its own.
        package var alsoDone: [String]

        package init(recorded: String, now: String, alsoDone: [String] = []) {
            self.recorded = recorded
            self.now = now
            self.alsoDone = alsoDone
        }
    }

    /// What to change of `recorded` so that it names the current history; empty when it does already.
    /// A name of the earlier history that is also a current one (`v2-corridor`) stands for more
    /// only while the current names it covers are not recorded: a database migrated by this
    /// version records them together, in one transaction.
    package func renames(of recorded: Set<String>) -> [Rename] {
        entries.compactMap { entry in
            guard recorded.contains(entry.recorded), let first = entry.now.first else { return nil }
            let missing = entry.now.dropFirst().map(\.rawValue).filter { !recorded.contains($0) }
            guard first.rawValue != entry.recorded || !missing.isEmpty else { return nil }
            return Rename(recorded: entry.recorded, now: first.rawValue, alsoDone: missing)
        }
    }

    /// The names `recorded` stands for in the current history: what a database not yet migrated
    /// by this version has applied.
    package func current(_ recorded: Set<String>) -> Set<String> {
        renames(of: recorded).reduce(into: recorded) { names, rename in
            names.remove(rename.recorded)
            names.insert(rename.now)
            names.formUnion(rename.alsoDone)
        }
    }
}
