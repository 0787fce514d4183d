import Foundation
import GRDB
import HelpdeskCore

/// The SQLite file, opened with the settings every process must share, and migrated.
///
/// WAL lets readers work while one writer commits. `synchronous = FULL` makes WAL fsync on every
/// commit, so a committed change survives a power cut or a kernel crash, not only a crash of the
/// process (`NORMAL` would keep the database consistent but could lose the last commits). Writes
/// use `BEGIN IMMEDIATE` (GRDB's default), so concurrent writers queue on the busy timeout instead of
/// failing when a read turns into a write.
public final class HelpdeskDatabase: Sendable {
    /// The file's path as given.
    public let path: String
    /// The connection every write goes through (one connection, so `data_version` tells this
    /// process's commits from others'); for the engine, its tests, backups and the bench.
    public let writer: DatabaseQueue
    /// A read-only connection for the storage's reads. A read on `writer` would be fenced by
    /// `PRAGMA query_only` on and off, and SQLite expires every prepared statement of a connection
    /// whenever a flag pragma is set, so each read compiled all its statements again (a fifth of
    /// `helpdesk serve`'s CPU on `GET /api/v1/tickets/:id`); a connection opened read-only needs
    /// no fence, so its cached statements stay compiled, and SQLite itself refuses a write on it.
    public let reader: DatabaseQueue

    /// How long a writer waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 10

    /// Opens (creating it when absent) and migrates the database at `path`, a file path taken
    /// literally (see `DatabaseFiles`).
    /// - Parameter fileMode: the permissions of a new file: owner-only by default; an admin who
    ///   shares the helpdesk with a Unix group may choose 0o640 or 0o660 (`HELPDESK_DB_MODE`).
    /// - Throws: `VALIDATION_ERROR` on `mode` for a mode other than 600, 640 or 660; on `db` for an
    ///   empty path, an address, a dangling symbolic link or leftover files of another database;
    ///   `INTERNAL_ERROR` when the file cannot be created, opened or migrated.
    public init(path: String, migrations: [Migration] = Schema.migrations, fileMode: mode_t = 0o600) throws {
        guard DatabaseFiles.allowedModes.contains(fileMode) else {
            throw HelpdeskError.validation(
                "mode",
                "must be 600, 640 or 660 (the owner reads and writes, the group at most reads and writes; "
                    + "no execute or special bits, nothing for others), not \(String(fileMode, radix: 8))")
        }
        self.path = path
        let file = try DatabaseFiles.literal(path)
        try DatabaseFiles.createIfNeeded(file, mode: fileMode, field: "db")
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        // Set by hand: GRDB's `journalMode = .wal` also lowers `synchronous` to NORMAL.
        let known = migrations.count
        configuration.prepareDatabase { db in
            Self.addFunctions(to: db)
            // A file of a newer program (or of none) is refused by the migrator as it is: its journal
            // mode is not switched first.
            guard (0...known).contains(try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0) else { return }
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            writer = try DatabaseQueue(path: file, configuration: configuration)
        } catch let error as DatabaseError {
            // SQLite's own text names its internals; the result code is what an admin can look up.
            let reason = switch error.resultCode {
            case .SQLITE_NOTADB: "it is not a database"
            case .SQLITE_CANTOPEN: "it cannot be opened (a folder, or no permission)"
            default: "it cannot be read"
            }
            throw HelpdeskError(.internalError, "Cannot open the database at \(path): \(reason) (SQLite result code \(error.extendedResultCode.rawValue))")
        } catch {
            throw HelpdeskError(.internalError, "Cannot open the database at \(path)")
        }
        try Migrator(migrations: migrations).migrate(writer)
        DatabaseFiles.shareSidecars(of: file)
        // Opened after the migrations, so that it never sees an older schema.
        var readOnly = configuration
        readOnly.readonly = true
        do {
            reader = try DatabaseQueue(path: file, configuration: readOnly)
        } catch {
            throw HelpdeskError(.internalError, "Cannot open the database at \(path) for reading")
        }
    }

    /// Closes the reading connection, then the writing one. The last connection to close
    /// checkpoints the WAL into the file and removes the `-wal` and `-shm` files; a read-only one
    /// cannot, so the writer must be the last (a demo is moved into place as its one file, and a
    /// group member must not find the owner's sidecars left behind).
    /// - Throws: GRDB's error when a connection cannot be closed (a statement still running).
    public func close() throws {
        try reader.close()
        try writer.close()
    }

    deinit {
        // The same order when the database is simply released (see `close()`).
        try? reader.close()
    }

    /// Registers the SQL functions the schema's triggers call on `db`: `helpdesk_search_text`, through
    /// which the search indexes are given text (`SearchText`). Every connection that writes tickets or
    /// comments needs them; one opened without them (the stock `sqlite3` shell) can read the file
    /// but its writes to those tables fail with "no such function", never leaving the index stale.
    public static func addFunctions(to db: Database) {
        db.add(function: SearchText.function)
    }
}
