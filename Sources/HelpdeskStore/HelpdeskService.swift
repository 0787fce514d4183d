import Foundation
import GRDB
import HelpdeskCore

/// The use cases every face calls. Each runs as one write transaction that loads, applies the core's
/// rules, saves and records history; nothing here decides what is allowed.
public struct HelpdeskService: Sendable {
    public let database: HelpdeskDatabase
    public let clock: any TimeSource
    public let hasher: any PasswordHasher
    /// Forces how search pages are found (tests compare both plans); nil lets the planner choose.
    var searchPlan: TicketListSQL.SearchPlan?

    public init(database: HelpdeskDatabase, clock: any TimeSource, hasher: any PasswordHasher) {
        self.database = database
        self.clock = clock
        self.hasher = hasher
    }

    /// The same service reading another clock (the demo uses it to spread events over past days).
    public func with(clock: any TimeSource) -> HelpdeskService {
        var copy = HelpdeskService(database: database, clock: clock, hasher: hasher)
        copy.searchPlan = searchPlan
        return copy
    }

    /// The same service with search pages found by `plan` whatever the planner would choose.
    func with(searchPlan plan: TicketListSQL.SearchPlan) -> HelpdeskService {
        var copy = self
        copy.searchPlan = plan
        return copy
    }

    /// One write transaction on behalf of `actor`: the acting user is re-read inside it, so what the
    /// body decides follows the user's current role, and an unknown or deactivated user changes
    /// nothing (`UNAUTHORIZED`).
    func write<T>(as actor: some ActorReference, _ body: (Database, Date, User) throws -> T) throws -> T {
        try write { db, now in try body(db, now, try Self.actingUser(actor, db)) }
    }

    /// One read on behalf of `actor`, re-read in the same snapshot as the data (see `write(as:)`).
    func read<T>(as actor: some ActorReference, _ body: (Database, Date, User) throws -> T) throws -> T {
        try read { db, now in try body(db, now, try Self.actingUser(actor, db)) }
    }

    /// The acting user as stored now; `UNAUTHORIZED` when the row is gone or deactivated.
    static func actingUser(_ actor: some ActorReference, _ db: Database) throws -> User {
        guard let user = try UserTable.find(id: actor.actorId, db) else {
            throw HelpdeskError(.unauthorized, "The acting account no longer exists")
        }
        guard user.isActive else { throw HelpdeskError(.unauthorized, "The account \(user.email) is deactivated") }
        return user
    }

    func write<T>(_ body: (Database, Date) throws -> T) throws -> T {
        let now = clock.now()
        return try mapErrors { try database.writer.write { db in try body(db, now) } }
    }

    func read<T>(_ body: (Database, Date) throws -> T) throws -> T {
        let now = clock.now()
        return try mapErrors { try database.writer.read { db in try body(db, now) } }
    }

    private func mapErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as HelpdeskError {
            throw error
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                throw HelpdeskError(
                    .internalError,
                    "The database stayed busy for more than \(Int(HelpdeskDatabase.busyTimeout)) s (another process holds it); try again")
            // SQLite's own text names tables and columns, not what a user can act on: it is not passed on.
            case .SQLITE_CONSTRAINT:
                throw HelpdeskError(.conflict, "The change conflicts with stored data (another change came first); reload and try again")
            default:
                throw HelpdeskError(
                    .internalError, "The database failed (SQLite result code \(error.extendedResultCode.rawValue)); the change was not made")
            }
        }
    }

    func listing(for ticket: Ticket, _ db: Database) throws -> TicketListing {
        guard let requester = try UserTable.find(id: ticket.requesterId, db) else {
            throw HelpdeskError(.internalError, "Ticket \(ticket.number) names a missing requester")
        }
        let assignee = try ticket.assigneeId.flatMap { try UserTable.find(id: $0, db) }
        return TicketListing(ticket: ticket, requester: UserTable.ref(requester), assignee: assignee.map(UserTable.ref))
    }
}

extension HelpdeskService {
    /// The acting user as stored now: the console calls it when another process committed, to follow
    /// a role change (screens the role may no longer see close) or a deactivation (back to the login).
    /// - Throws: `UNAUTHORIZED` when the user was deleted or deactivated.
    public func currentUser(_ actor: some ActorReference) throws -> User {
        try read(as: actor) { _, _, me in me }
    }

    /// The change feed: yields once each time another connection (another process) has committed
    /// since the last look, which is how the console notices other agents' work. SQLite's engine
    /// reads `PRAGMA data_version` on the service's connection every `interval` (it changes on
    /// another connection's commit, never on this one's own); a PostgreSQL engine will feed the same
    /// stream from `LISTEN/NOTIFY`. The stream ends when its consumer stops iterating (the polling
    /// task is cancelled) or when the database can no longer be read.
    ///
    /// The baseline is read before this returns, so a commit made after the call is announced.
    public func changes(every interval: Duration = .seconds(1)) -> AsyncStream<Void> {
        let writer = database.writer
        let baseline = try? writer.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }
        return AsyncStream { continuation in
            let task = Task {
                var last = baseline
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    guard let version = try? await writer.read({ db in try Int.fetchOne(db, sql: "PRAGMA data_version") }) else { break }
                    if let last, last != version { continuation.yield() }
                    last = version
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
