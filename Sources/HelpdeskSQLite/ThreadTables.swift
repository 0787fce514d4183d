import Foundation
import GRDB
import HelpdeskCore

/// Writes comments and history rows, the two append-only tables hanging off a ticket.
enum ThreadTables {
    static func insert(_ comment: inout Comment, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO comments (ticket_id, author_id, body, is_internal, created_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [comment.ticketId, comment.authorId, comment.body, comment.isInternal, comment.createdAt])
        comment.id = db.lastInsertedRowID
    }

    static func record(_ changes: [Change], ticketId: Int64, actorId: Int64, at now: Date, _ db: Database) throws {
        for change in changes {
            try db.execute(
                sql: """
                    INSERT INTO history (ticket_id, actor_id, at, action, field, old_value, new_value, is_internal, reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    ticketId, actorId, now, change.action.rawValue, change.field, change.oldValue, change.newValue,
                    change.isInternal, change.reason,
                ])
        }
    }
}
