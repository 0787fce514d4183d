import Foundation
import GRDB
import HelpdeskCore

/// A ticket with its thread, ready to be written in one go by `BulkImport`.
public struct ImportedTicket: Sendable {
    /// The ticket, its id ignored (assigned on insert).
    public var ticket: Ticket
    /// The number's day and counter, so the per-day sequence stays ahead of imported numbers.
    public var day: String
    public var sequence: Int
    /// Its thread and history, oldest first (ticket ids filled in on insert).
    public var comments: [Comment]
    public var history: [HistoryEntry]

    /// A generated ticket ready to import.
    public init(ticket: Ticket, day: String, sequence: Int, comments: [Comment], history: [HistoryEntry]) {
        self.ticket = ticket
        self.day = day
        self.sequence = sequence
        self.comments = comments
        self.history = history
    }
}

/// Writes many users and tickets fast: prepared statements reused across rows, and a batch per
/// transaction instead of a transaction per ticket. The same column mapping, triggers (search index,
/// counters) and constraints as the one-at-a-time path apply, so an imported database is an ordinary one.
public struct BulkImport {
    public let database: HelpdeskDatabase

    public init(database: HelpdeskDatabase) {
        self.database = database
    }

    /// Inserts users with the given password hash; returns them with their ids, in order.
    public func addUsers(_ users: [(email: String, name: String, role: Role, createdAt: Date)], passwordHash: String) throws -> [User] {
        try database.writer.write { db in
            let statement = try db.cachedStatement(
                sql: "INSERT INTO users (email, name, role, is_active, password_hash, created_at) VALUES (?, ?, ?, 1, ?, ?)")
            return try users.map { user in
                try statement.execute(arguments: [user.email, user.name, user.role.rawValue, passwordHash, user.createdAt])
                return User(id: db.lastInsertedRowID, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt)
            }
        }
    }

    /// Inserts one batch of tickets with their comments and history in one transaction.
    public func addTickets(_ batch: [ImportedTicket]) throws {
        guard let first = batch.first else { return }
        try database.writer.write { db in
            let columns = TicketTable.values(first.ticket).map(\.0)
            let insertTicket = try db.cachedStatement(
                sql: "INSERT INTO tickets (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))")
            let insertComment = try db.cachedStatement(
                sql: "INSERT INTO comments (ticket_id, author_id, body, is_internal, created_at) VALUES (?, ?, ?, ?, ?)")
            let insertHistory = try db.cachedStatement(
                sql: """
                    INSERT INTO history (ticket_id, actor_id, at, action, field, old_value, new_value, is_internal)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let bumpSequence = try db.cachedStatement(
                sql: "INSERT INTO ticket_sequences (day, last) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET last = max(last, excluded.last)")
            for item in batch {
                try insertTicket.execute(arguments: StatementArguments(TicketTable.values(item.ticket).map(\.1)))
                let id = db.lastInsertedRowID
                for comment in item.comments {
                    try insertComment.execute(arguments: [id, comment.authorId, comment.body, comment.isInternal, comment.createdAt])
                }
                for entry in item.history {
                    try insertHistory.execute(arguments: [
                        id, entry.actorId, entry.at, entry.action.rawValue, entry.field, entry.oldValue, entry.newValue, entry.isInternal,
                    ])
                }
                try bumpSequence.execute(arguments: [item.day, item.sequence])
            }
        }
    }
}
