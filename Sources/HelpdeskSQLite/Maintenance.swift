import Foundation
import GRDB
import HelpdeskCore

/// What `helpdesk check` found. Each list is empty (or `["ok"]` for `integrity`) when nothing is
/// wrong; a check that could not run says so in its own list instead of stopping the report.
public struct CheckReport: Sendable, Equatable {
    /// `ok`, or every problem `PRAGMA integrity_check` listed.
    public var integrity: [String]
    /// One line per row whose foreign key points nowhere.
    public var foreignKeys: [String]
    /// One line per stored value a reader would refuse (`table.column of row N is …, but …`): a
    /// time outside 2000–2999, an unknown status, priority, category or role, a malformed ticket
    /// number, a NULL or text where a number belongs.
    public var storedValues: [String]
    /// One line per counter or record that disagrees with the rows it describes: the per-status
    /// tally and the per-day counts against the tickets, tickets without their creation history,
    /// a day's ticket sequence behind that day's numbers. Tickets lost with a deleted `-wal` file
    /// leave such traces even when the file itself is sound.
    public var consistency: [String]
    /// Accounts whose emails are one address once normalised (NFC, case-folded), each group as
    /// stored; migration 7 left them unchanged for an admin to merge or rename by hand.
    public var emailCollisions: [[String]]

    /// Whether every check came back clean.
    public var isHealthy: Bool {
        integrity == ["ok"] && foreignKeys.isEmpty && storedValues.isEmpty && consistency.isEmpty && emailCollisions.isEmpty
    }

    /// Most lines listed per check; the rest are counted in a last line.
    public static let maximumLines = 50
}

extension HelpdeskDatabase {
    /// Integrity, foreign-key, stored-value and consistency checks over the whole file, and
    /// accounts that are one address, each from a read snapshot of its own. Never throws for what
    /// it finds: a check that fails (SQLite stopping on a damaged page, say) is reported in its own
    /// list as `could not finish: …`, and the other checks still run.
    public func check() -> CheckReport {
        let writer = self.writer
        let collisions: [[String]]
        do {
            collisions = try writer.read(EmailNormalisation.collisions)
        } catch {
            collisions = [["could not finish: \(Self.describe(error))"]]
        }
        return CheckReport(
            integrity: Self.lines { try writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } },
            foreignKeys: Self.lines { try writer.read(Self.foreignKeyProblems) },
            storedValues: Self.lines { try writer.read(Self.storedValueProblems) },
            consistency: Self.lines { try writer.read(Self.consistencyProblems) },
            emailCollisions: collisions)
    }

    /// The lines a check found, at most `CheckReport.maximumLines` of them, or why it stopped.
    private static func lines(_ body: () throws -> [String]) -> [String] {
        do {
            let found = try body()
            guard found.count > CheckReport.maximumLines else { return found }
            return Array(found.prefix(CheckReport.maximumLines)) + ["… and \(found.count - CheckReport.maximumLines) more"]
        } catch {
            return ["could not finish: \(describe(error))"]
        }
    }

    /// What went wrong, for an admin: SQLite's result code with its meaning, never its internal text.
    static func describe(_ error: Error) -> String {
        if let error = error as? HelpdeskError { return error.message }
        guard let error = error as? DatabaseError else { return "\(type(of: error))" }
        let meaning = switch error.resultCode {
        case .SQLITE_FULL: "the disk is full"
        case .SQLITE_IOERR: "reading or writing the file failed (out of space, a file-size limit or a failing disk)"
        case .SQLITE_CORRUPT: "the file is damaged"
        case .SQLITE_NOTADB: "it is not a database"
        case .SQLITE_CANTOPEN: "a file cannot be opened (a folder, or no permission)"
        case .SQLITE_READONLY, .SQLITE_PERM: "the file cannot be written (no permission)"
        case .SQLITE_BUSY, .SQLITE_LOCKED: "another process kept the database busy"
        default: "the database failed"
        }
        return "\(meaning) (SQLite result code \(error.extendedResultCode.rawValue))"
    }

    private static func foreignKeyProblems(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row -> String in
            let table = try row.decode(String.self, atIndex: 0), rowid = try row.decode(Int64?.self, atIndex: 1)
            let parent = try row.decode(String.self, atIndex: 2)
            return "\(table) row \(rowid.map(String.init) ?? "?") refers to a missing \(parent) row"
        }
    }

    /// Runs the engine's own readers over every row: what they refuse is listed.
    private static func storedValueProblems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        func scan(_ sql: String, _ read: (Row, RowLayout) throws -> Void) throws {
            let rows = try Row.fetchCursor(db, sql: sql)
            var layout: RowLayout?
            while let row = try rows.next() {
                let rowLayout = layout ?? RowLayout(row)
                layout = rowLayout
                do {
                    try read(row, rowLayout)
                } catch let error as HelpdeskError {
                    problems.append(StoredRow.finding(error))
                }
            }
        }
        try scan("SELECT \(UserTable.selectColumns), password_hash, locked_until, last_assigned_at FROM users ORDER BY id") { row, _ in
            _ = try UserTable.user(from: row)
            let stored = StoredRow(row, table: "users")
            _ = try stored.optionalText("password_hash")
            _ = try stored.optionalDate("locked_until")
            _ = try stored.optionalDate("last_assigned_at")
        }
        try scan("SELECT * FROM tickets ORDER BY id") { row, layout in _ = try TicketTable.ticket(from: row, layout) }
        try scan("SELECT * FROM comments ORDER BY id") { row, layout in _ = try ThreadTables.comment(from: row, layout) }
        try scan("SELECT * FROM history ORDER BY id") { row, _ in _ = try ThreadTables.historyEntry(from: row) }
        try scan("SELECT * FROM audit_log ORDER BY id") { row, _ in _ = try SQLiteStorage.auditEntry(from: row) }
        try scan("SELECT rowid AS id, at FROM login_failures ORDER BY rowid") { row, _ in
            _ = try StoredRow(row, table: "login_failures").date("at")
        }
        try scan("SELECT rowid AS id, at FROM origin_login_failures ORDER BY rowid") { row, _ in
            _ = try StoredRow(row, table: "origin_login_failures").date("at")
        }
        try scan("SELECT user_id, locked_until FROM origin_lockouts ORDER BY user_id, origin") { row, _ in
            let user = (try? row.decode(Int64.self, atIndex: 0)) ?? 0
            _ = try StoredRow(row, table: "origin_lockouts", name: "of user_id \(user)").date("locked_until")
        }
        try scan("SELECT user_id, ticket_id, seen_at FROM ticket_reads") { row, _ in
            let user = (try? row.decode(Int64.self, atIndex: 0)) ?? 0, ticket = (try? row.decode(Int64.self, atIndex: 1)) ?? 0
            _ = try StoredRow(row, table: "ticket_reads", name: "user_id \(user), ticket_id \(ticket)").date("seen_at")
        }
        try scan("SELECT day, last FROM ticket_sequences ORDER BY day") { row, _ in
            let day = (try? row.decode(String.self, atIndex: 0)) ?? "?"
            _ = try StoredRow(row, table: "ticket_sequences", name: "day \(day)").count("last")
        }
        try scan("SELECT key, value FROM settings WHERE key IN ('\(SQLiteStorage.autoAssignKey)', '\(SQLiteStorage.sshGuestsKey)')") { row, _ in
            _ = try SQLiteStorage.setting(from: row)
        }
        try scan("SELECT key, value FROM settings WHERE key = '\(SQLiteStorage.sshGuestLimitKey)'") { row, _ in
            _ = try SQLiteStorage.guestLimit(from: row)
        }
        // The session lifetimes, read as every API request reads them.
        do {
            _ = try SQLiteStorage.sessionLifetimes(db)
        } catch let error as HelpdeskError {
            problems.append(StoredRow.finding(error))
        }
        return problems
    }

    /// Counters kept by triggers and records every ticket has, checked against the tickets.
    private static func consistencyProblems(_ db: Database) throws -> [String] {
        var problems: [String] = []
        // The same grouping as migration 4's fill and the tally triggers.
        for row in try Row.fetchAll(db, sql: """
            WITH actual AS (
                SELECT deleted_at IS NOT NULL AS deleted, status, COALESCE(assignee_id, 0) AS assignee_id, priority, category,
                    COUNT(*) AS n
                FROM tickets GROUP BY 1, 2, 3, 4, 5)
            SELECT a.deleted, a.status, a.assignee_id, a.priority, a.category, a.n AS actual, COALESCE(t.n, 0) AS tallied
            FROM actual a LEFT JOIN ticket_tally t USING (deleted, status, assignee_id, priority, category)
            WHERE a.n != COALESCE(t.n, 0)
            UNION ALL
            SELECT t.deleted, t.status, t.assignee_id, t.priority, t.category, 0, t.n FROM ticket_tally t
            WHERE t.n != 0 AND NOT EXISTS (
                SELECT 1 FROM actual a WHERE a.deleted = t.deleted AND a.status IS t.status AND a.assignee_id = t.assignee_id
                    AND a.priority IS t.priority AND a.category IS t.category)
            """)
        {
            let group = [
                try row.decode(Bool.self, atIndex: 0) ? "in the trash" : "live",
                "status \(try row.decode(String.self, atIndex: 1))", "assignee id \(try row.decode(Int64.self, atIndex: 2))",
                "priority \(try row.decode(String.self, atIndex: 3))", "category \(try row.decode(String.self, atIndex: 4))",
            ].joined(separator: ", ")
            let actual = try row.decode(Int.self, atIndex: 5), tallied = try row.decode(Int.self, atIndex: 6)
            problems.append("ticket_tally counts \(tallied) tickets (\(group)) where the tickets table holds \(actual)")
        }
        // The same days as migration 4's fill and the per-day triggers.
        for row in try Row.fetchAll(db, sql: """
            WITH events AS (
                SELECT substr(created_at, 1, 10) AS day, COALESCE(assignee_id, 0) AS assignee_id, 1 AS created, 0 AS finished
                FROM tickets WHERE deleted_at IS NULL
                UNION ALL
                SELECT substr(COALESCE(resolved_at, closed_at), 1, 10), COALESCE(assignee_id, 0), 0, 1
                FROM tickets WHERE deleted_at IS NULL AND COALESCE(resolved_at, closed_at) IS NOT NULL),
            actual AS (SELECT day, assignee_id, SUM(created) AS created, SUM(finished) AS finished FROM events GROUP BY 1, 2),
            keys AS (SELECT day, assignee_id FROM actual UNION SELECT day, assignee_id FROM ticket_days)
            SELECT k.day, k.assignee_id, COALESCE(a.created, 0), COALESCE(a.finished, 0), COALESCE(d.created, 0), COALESCE(d.finished, 0)
            FROM keys k LEFT JOIN actual a USING (day, assignee_id) LEFT JOIN ticket_days d USING (day, assignee_id)
            WHERE COALESCE(a.created, 0) != COALESCE(d.created, 0) OR COALESCE(a.finished, 0) != COALESCE(d.finished, 0)
            ORDER BY 1, 2
            """)
        {
            let day = try row.decode(String?.self, atIndex: 0) ?? "?", assignee = try row.decode(Int64.self, atIndex: 1)
            let actual = (created: try row.decode(Int.self, atIndex: 2), finished: try row.decode(Int.self, atIndex: 3))
            let counted = (created: try row.decode(Int.self, atIndex: 4), finished: try row.decode(Int.self, atIndex: 5))
            problems.append(
                "ticket_days counts \(counted.created) created and \(counted.finished) finished on \(day) (assignee id \(assignee)) "
                    + "where the tickets table holds \(actual.created) and \(actual.finished)")
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT t.id, t.number FROM tickets t
            WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.ticket_id = t.id AND h.action = '\(HistoryAction.created.rawValue)')
            ORDER BY t.id
            """)
        {
            problems.append("tickets row \(try row.decode(Int64.self, atIndex: 0)) (\(try row.decode(String?.self, atIndex: 1) ?? "?")) has no creation history")
        }
        // A day's counter behind its highest number would make that day's next ticket fail on the UNIQUE number.
        for row in try Row.fetchAll(db, sql: """
            SELECT n.day, n.highest, s.last FROM (
                SELECT substr(number, 6, 8) AS day, MAX(CAST(substr(number, 15) AS INTEGER)) AS highest
                FROM tickets WHERE number GLOB 'TICK-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9]*' GROUP BY 1) n
            LEFT JOIN ticket_sequences s ON s.day = n.day
            WHERE s.last IS NULL OR s.last < n.highest
            ORDER BY 1
            """)
        {
            let day = try row.decode(String.self, atIndex: 0), highest = try row.decode(Int.self, atIndex: 1)
            let last = try row.decode(Int?.self, atIndex: 2).map(String.init) ?? "missing"
            problems.append("ticket_sequences for \(day) is \(last) but ticket number \(highest) of that day exists")
        }
        return problems
    }

    /// A consistent copy made with SQLite's online backup API from one read snapshot, so other
    /// processes keep writing meanwhile. The copy is created owner-only at `path`, a file path taken
    /// literally (`DatabaseFiles`), and must not exist yet, not even as a symbolic link.
    /// - Throws: `VALIDATION_ERROR` on `path` when it exists, is an address or leftover files of
    ///   another database lie beside it; `INTERNAL_ERROR` naming the cause (a full disk, a failed
    ///   write) when the copy fails; the partial copy is then removed.
    public func backup(to path: String) throws {
        let file = try DatabaseFiles.literal(path, field: "path")
        guard DatabaseFiles.entry(at: file) == .none, try DatabaseFiles.createIfNeeded(file, mode: 0o600, field: "path") else {
            throw HelpdeskError.validation("path", "\(path) already exists; choose a new file")
        }
        do {
            let destination = try DatabaseQueue(path: file)
            do {
                try writer.backup(to: destination)
                try destination.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA journal_mode = DELETE")
                }
                try destination.close()
            } catch {
                try? destination.close()
                throw error
            }
        } catch {
            for suffix in [""] + DatabaseFiles.sidecarSuffixes {
                try? FileManager.default.removeItem(atPath: file + suffix)
            }
            throw HelpdeskError(.internalError, "Backup to \(path) failed: \(Self.describe(error)); nothing was left behind")
        }
    }
}
