import Foundation
import GRDB
import HelpdeskCore
import HelpdeskUseCases

/// The demo database, made whole or not at all. A demo takes thousands of transactions (every step
/// goes through the use cases), so it is built in a temporary file beside its place and moved there
/// in one rename: a build killed part-way leaves no demo behind, only its temporary file, which the
/// next run removes.
public enum DemoFile {
    /// What `prepare` did.
    public enum Outcome: Sendable, Equatable {
        /// There was no file, or an empty helpdesk: a demo was built.
        case built
        /// There was a demo an older program left half-built: a whole one took its place.
        case rebuilt
        /// There was a whole demo, or a helpdesk that is not a demo: it was left as it is.
        case kept
    }

    /// Makes sure a whole demo helpdesk is at `path` (a file path taken literally, `DatabaseFiles`):
    /// - no file, or a helpdesk with no users and no tickets: a demo is built and moved into place;
    /// - a demo left incomplete before its first ticket (the demo's admin, only demo accounts, not all
    ///   of them, no tickets): rebuilt and put in its place;
    /// - a whole demo, or a helpdesk that is not a demo: left as it is.
    /// A file that holds tickets is never replaced: a real helpdesk may use an account named like the
    /// demo's admin, and its tickets are nobody's to throw away.
    /// - Throws: `VALIDATION_ERROR` on `db` when the file holds some demo accounts and tickets but is no
    ///   whole demo (move it away to build one), or on `db`/`mode` (see `HelpdeskDatabase.init`); `INTERNAL_ERROR`
    ///   when the file cannot be written or moved; what the use cases throw while building.
    public static func prepare(
        at path: String, fileMode: mode_t = 0o600, clock: any TimeSource, hasher: any PasswordHasher, tickets: Int
    ) async throws -> Outcome {
        let file = try DatabaseFiles.literal(path)
        removeAbandonedBuilds(of: file)
        guard DatabaseFiles.entry(at: file) != .none else {
            return try await build(file, replacing: false, fileMode: fileMode, clock: clock, hasher: hasher, tickets: tickets)
        }
        let existing = try HelpdeskDatabase(path: file, fileMode: fileMode)
        let emails = try await existing.writer.read { db in
            (users: try Row.fetchAll(db, sql: "SELECT id, email FROM users").map { try StoredRow($0, table: "users").text("email") },
             tickets: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets") ?? 0)
        }
        try existing.close()
        let demo = Set(DemoData.logins.map(\.email)), stored = Set(emails.users)
        if stored.isEmpty && emails.tickets == 0 {
            return try await build(file, replacing: true, fileMode: fileMode, clock: clock, hasher: hasher, tickets: tickets)
        }
        if let admin = DemoData.logins.first?.email, stored.contains(admin), stored.isSubset(of: demo), stored != demo {
            guard emails.tickets == 0 else {
                throw HelpdeskError.validation(
                    "db", "\(file) holds \(emails.tickets) tickets and some of the demo's accounts but is not a whole demo; it was left as it is (move it away to build a demo there)")
            }
            _ = try await build(file, replacing: true, fileMode: fileMode, clock: clock, hasher: hasher, tickets: tickets)
            return .rebuilt
        }
        return .kept
    }

    /// `.NAME.building-PID` beside `file`: hidden, and naming the process that builds it.
    private static func temporaryName(of file: String, pid: Int32) -> String {
        let url = URL(fileURLWithPath: file)
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).building-\(pid)").path
    }

    private static func build(
        _ file: String, replacing: Bool, fileMode: mode_t, clock: any TimeSource, hasher: any PasswordHasher, tickets: Int
    ) async throws -> Outcome {
        let temporary = temporaryName(of: file, pid: getpid())
        remove(temporary)
        do {
            let database = try HelpdeskDatabase(path: temporary, fileMode: fileMode)
            let helpdesk = Helpdesk(storage: SQLiteStorage(database: database), clock: clock, hasher: hasher, digest: SHA256Digester())
            _ = try await DemoData.populate(helpdesk, tickets: tickets)
            // Closing checkpoints the WAL into the file and removes it, so the one file is the whole demo.
            try database.close()
            if replacing {
                guard rename(temporary, file) == 0 else { throw moveError(temporary, file) }
                return .built
            }
            // link refuses an existing name: a demo another process finished meanwhile is kept.
            if link(temporary, file) != 0 {
                guard errno == EEXIST else { throw moveError(temporary, file) }
                remove(temporary)
                return .kept
            }
            remove(temporary)
            return .built
        } catch {
            remove(temporary)
            throw error
        }
    }

    private static func moveError(_ from: String, _ to: String) -> HelpdeskError {
        HelpdeskError(.internalError, "Cannot move the demo from \(from) to \(to): \(String(cString: strerror(errno)))")
    }

    private static func remove(_ path: String) {
        for suffix in [""] + DatabaseFiles.sidecarSuffixes { unlink(path + suffix) }
    }

    /// Temporary files of builds whose process is gone (killed part-way).
    private static func removeAbandonedBuilds(of file: String) {
        let url = URL(fileURLWithPath: file)
        let prefix = ".\(url.lastPathComponent).building-"
        let folder = url.deletingLastPathComponent().path
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0.isNumber }) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { remove(temporaryName(of: file, pid: pid)) }
        }
    }
}
