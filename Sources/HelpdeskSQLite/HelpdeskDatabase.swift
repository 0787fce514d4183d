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
    /// The one connection every read and write goes through (one connection, so `data_version`
    /// tells this process's commits from others'); for the engine, its tests, backups and the bench.
    public let writer: DatabaseQueue

    /// How long a writer waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 10

    /// - Parameter fileMode: the permissions of a new file: owner-only by default; an admin who
    ///   shares the helpdesk with a Unix group may choose 0o660 (`HELPDESK_DB_MODE=660`).
    public init(path: String, migrations: [Migration] = Schema.migrations, fileMode: mode_t = 0o600) throws {
        guard fileMode & 0o007 == 0, fileMode & 0o600 == 0o600 else {
            throw HelpdeskError.validation("mode", "must give the owner read and write and others nothing (600, 640 or 660)")
        }
        self.path = path
        try Self.createFileIfNeeded(at: path, mode: fileMode)
        var configuration = Configuration()
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        // Set by hand: GRDB's `journalMode = .wal` also lowers `synchronous` to NORMAL.
        configuration.prepareDatabase { db in
            Self.addFunctions(to: db)
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            writer = try DatabaseQueue(path: path, configuration: configuration)
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
    }

    /// Registers the SQL functions the schema's triggers call on `db`: `helpdesk_search_text`, through
    /// which the search indexes are given text (`SearchText`). Every connection that writes tickets or
    /// comments needs them; one opened without them (the stock `sqlite3` shell) can read the file
    /// but its writes to those tables fail with "no such function", never leaving the index stale.
    public static func addFunctions(to db: Database) {
        db.add(function: SearchText.function)
    }

    /// New files are readable and writable by their owner only; SQLite gives the WAL and shared-memory
    /// files the same mode as the database file.
    private static func createFileIfNeeded(at path: String, mode: mode_t) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) { return }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, mode)
        if fd >= 0 { fchmod(fd, mode) }
        if fd < 0 && errno != EEXIST {
            throw HelpdeskError(.internalError, "Cannot create the database at \(path): \(String(cString: strerror(errno)))")
        }
        if fd >= 0 { close(fd) }
    }
}
