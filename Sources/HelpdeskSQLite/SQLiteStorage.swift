import Foundation
import GRDB
import HelpdeskCore
import HelpdeskUseCases

/// The SQLite engine behind the use cases' storage ports, through GRDB: migrations, table mappings,
/// FTS5 search, keyset lists, counters kept by triggers and reports in SQL. Each port method is one
/// transaction: writes on the database's writing connection (a `DatabaseQueue`, so SQLite's
/// `data_version` tells this process's commits from others'), reads on its read-only one; the
/// decisions it is handed run inside it.
public struct SQLiteStorage: HelpdeskStorage {
    /// The file, opened and migrated.
    public let database: HelpdeskDatabase
    /// Forces how search pages are found (tests compare both plans); nil lets the planner choose.
    var searchPlan: TicketListSQL.SearchPlan?
    /// Whether an agent's page is read as a union of its visibility's branches (`TicketListSQL.addScope`);
    /// false reads it with the visibility as one OR (tests compare the two).
    var unionScope = true
    /// The clock a search's deadline is measured on (tests move it by hand).
    var searchClock: SearchWatch.Clock = { ContinuousClock.now }

    /// The engine over an opened database.
    public init(database: HelpdeskDatabase) {
        self.database = database
    }

    /// The same storage with search pages found by `plan` whatever the planner would choose.
    func with(searchPlan plan: TicketListSQL.SearchPlan) -> SQLiteStorage {
        var copy = self
        copy.searchPlan = plan
        return copy
    }

    /// The same storage with an agent's pages read as a union (`true`, the default) or with one OR.
    func with(unionScope union: Bool) -> SQLiteStorage {
        var copy = self
        copy.unionScope = union
        return copy
    }

    /// The same storage with searches timed on `clock`.
    func with(searchClock clock: @escaping SearchWatch.Clock) -> SQLiteStorage {
        var copy = self
        copy.searchClock = clock
        return copy
    }

    /// Runs `body` under the search deadline when the list has a search (`SearchWatch`).
    /// - Throws: `VALIDATION_ERROR` on `search` past the deadline; what `body` throws.
    func watched<T>(_ query: TicketQuery, _ db: Database, _ body: () throws -> T) throws -> T {
        guard query.search != nil else { return try body() }
        return try SearchWatch.run(db, clock: searchClock, body)
    }

    /// One write transaction (`BEGIN IMMEDIATE`): concurrent writers in other processes queue on the
    /// busy timeout.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        try await Self.mapErrors { try await database.writer.write(body) }
    }

    /// One read from a consistent snapshot.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        try await Self.mapErrors { try await database.reader.read(body) }
    }

    /// Turns SQLite's failures into the errors a user can act on. SQLite's own text names tables and
    /// columns, not what a user can do: it is not passed on.
    private static func mapErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as HelpdeskError {
            throw error
        } catch is RowDecodingError {
            // A value the statement cannot convert (text where a count belongs): `check` names it.
            throw HelpdeskError(.internalError, "A stored value cannot be read; run helpdesk check to find it")
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                throw HelpdeskError(
                    .internalError,
                    "The database stayed busy for more than \(Int(HelpdeskDatabase.busyTimeout)) s (another process holds it); try again")
            case .SQLITE_CONSTRAINT where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE:
                // A concurrent writer got there first (the same email, say): the use case had checked.
                throw HelpdeskError(.conflict, "The change conflicts with stored data (another change came first); reload and try again")
            default:
                throw HelpdeskError(
                    .internalError, "The database failed (SQLite result code \(error.extendedResultCode.rawValue)); the change was not made")
            }
        }
    }

    /// A ticket with the people it names.
    static func listing(for ticket: Ticket, _ db: Database) throws -> TicketListing {
        guard let requester = try UserTable.find(id: ticket.requesterId, db) else {
            throw HelpdeskError(.internalError, "Ticket \(ticket.number) names a missing requester")
        }
        let assignee = try ticket.assigneeId.flatMap { try UserTable.find(id: $0, db) }
        let submitter = ticket.submitterId == ticket.requesterId ? requester : try UserTable.find(id: ticket.submitterId, db)
        return TicketListing(
            ticket: ticket, requester: UserTable.ref(requester), assignee: assignee.map(UserTable.ref),
            submitter: submitter.map(UserTable.ref))
    }

    /// Fed by `PRAGMA data_version` on the storage's connection, read every `interval`: it changes
    /// when another connection commits, never on this one's own commits. The baseline is read before
    /// this returns; a look that fails (the file busy past the timeout) is tried again next time.
    public func changes(every interval: Duration) async -> AsyncStream<Void> {
        let writer = database.writer
        @Sendable func version() async -> Int? {
            try? await writer.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }
        }
        let baseline = await version()
        return AsyncStream { continuation in
            let task = Task {
                var last = baseline
                while true {
                    do { try await Task.sleep(for: interval) } catch { break }
                    guard let current = await version() else { continue }
                    if let last, last != current { continuation.yield() }
                    last = current
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
