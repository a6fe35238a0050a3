import CaravanStore
import GRDB

/// What went wrong with SQLite, in words a user can act on: the file and what to do, never the
/// library's result codes. A constraint failure is left as it is, for the caller to say which
/// figure repeats which.
enum SQLiteFailure {
    /// What a database error means to a user; any other error as it is.
    static func describe(_ error: any Error, path: String, wait: SQLiteLedgerStore.WriteWait, doing what: String? = nil) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        let prefix = "\(path): " + (what.map { "\($0): " } ?? "")
        switch error.resultCode {
        case .SQLITE_CONSTRAINT: return error
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            let seconds = Int(wait.limit.components.seconds)
            return StoreError.busy(
                "\(path): another process has been writing to the database for over \(seconds) s; try again when it has finished",
                retryAfter: max(1, min(seconds, 30)))
        case .SQLITE_FULL: return StoreError.unavailable(prefix + "the disk is full")
        case .SQLITE_READONLY: return StoreError.readOnly(prefix + "the database file or its folder is read-only")
        case .SQLITE_CANTOPEN: return StoreError.unavailable(prefix + "the file cannot be opened: its folder does not exist or cannot be written")
        case .SQLITE_PERM, .SQLITE_AUTH: return StoreError.unavailable(prefix + "permission denied")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return StoreError.unavailable(prefix + "the file is not a Caravan database, or it is damaged")
        case .SQLITE_IOERR: return StoreError.unavailable(prefix + "the disk failed while reading or writing")
        default: return StoreError.unavailable(prefix + (error.message ?? "the database failed"))
        }
    }
}
