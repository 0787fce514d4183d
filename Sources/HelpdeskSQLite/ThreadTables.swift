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

    /// Reads a comment from a row holding the `comments` columns.
    /// - Throws: `INTERNAL_ERROR` naming the column and row of a value no comment can hold (`StoredRow`).
    static func comment(from row: Row, _ layout: RowLayout? = nil) throws -> Comment {
        let stored = StoredRow(row, table: "comments", layout: layout)
        return Comment(
            id: try stored.integer("id"), ticketId: try stored.integer("ticket_id"), authorId: try stored.integer("author_id"),
            body: try stored.text("body"), isInternal: try stored.bool("is_internal"), createdAt: try stored.date("created_at"))
    }

    /// Reads a history entry from a row holding the `history` columns.
    /// - Throws: `INTERNAL_ERROR` naming the column and row of a value no entry can hold (`StoredRow`).
    static func historyEntry(from row: Row) throws -> HistoryEntry {
        let stored = StoredRow(row, table: "history")
        return HistoryEntry(
            id: try stored.integer("id"), ticketId: try stored.integer("ticket_id"), actorId: try stored.integer("actor_id"),
            at: try stored.date("at"), action: try stored.choice("action"), field: try stored.optionalText("field"),
            oldValue: try stored.optionalText("old_value"), newValue: try stored.optionalText("new_value"),
            isInternal: try stored.bool("is_internal"), reason: try stored.optionalText("reason"))
    }
}
