import Foundation
import GRDB
import HelpdeskCore

/// A comment with its author, as a thread shows it.
public struct CommentView: Sendable, Equatable {
    public var comment: Comment
    public var author: UserRef
}

/// A history entry with its actor.
public struct HistoryView: Sendable, Equatable {
    public var entry: HistoryEntry
    public var actor: UserRef
}

extension HelpdeskService {
    /// Adds a public comment or (staff) an internal note; with `expectedVersion`, refuses with
    /// CONFLICT if the ticket changed since the writer last saw it (the console passes the version
    /// its editor opened on).
    /// - Throws: `VALIDATION_ERROR` on `body`; `FORBIDDEN` (a customer's internal note, or a ticket
    ///   the agent does not see); `NOT_FOUND`; `CONFLICT`; `UNAUTHORIZED` (unknown or deactivated).
    public func addComment(
        number: String, body: String, isInternal: Bool, expectedVersion: Int? = nil, by actor: some ActorReference
    ) throws -> CommentView {
        try write(as: actor) { db, now, me in
            try addComment(number: number, body: body, isInternal: isInternal, expectedVersion: expectedVersion, by: me, db, now)
        }
    }

    func addComment(
        number: String, body: String, isInternal: Bool, expectedVersion: Int? = nil, by actor: User, _ db: Database, _ now: Date
    ) throws -> CommentView {
        var added: Comment?
        _ = try change(number: number, expectedVersion: expectedVersion, by: actor, db, now) { ticket, db, now, actor in
            var (comment, changes) = try TicketRules.addComment(&ticket, body: body, isInternal: isInternal, by: actor, at: now)
            try ThreadTables.insert(&comment, db)
            added = comment
            return changes
        }
        guard let added else { throw HelpdeskError(.internalError, "The comment was not saved") }
        return CommentView(comment: added, author: UserTable.ref(actor))
    }

    /// The thread, oldest first. Customers' queries never select internal comments.
    /// - Throws: `NOT_FOUND`, `FORBIDDEN` as for viewing the ticket; `UNAUTHORIZED`.
    public func comments(number: String, by actor: some ActorReference) throws -> [CommentView] {
        try read(as: actor) { db, _, me in
            let ticket = try TicketTable.fetch(number: number, db)
            try Permissions.requireView(me, ticket)
            return try commentViews(of: ticket, by: me, db)
        }
    }

    /// A ticket and its thread from one read, as the console's detail pane shows them.
    /// - Throws: `NOT_FOUND`, `FORBIDDEN` as for viewing the ticket; `UNAUTHORIZED`.
    public func ticketWithComments(number: String, by actor: some ActorReference) throws -> (TicketListing, [CommentView]) {
        try read(as: actor) { db, _, me in
            let ticket = try TicketTable.fetch(number: number, db)
            try Permissions.requireView(me, ticket)
            return (try listing(for: ticket, db), try commentViews(of: ticket, by: me, db))
        }
    }

    private func commentViews(of ticket: Ticket, by actor: User, _ db: Database) throws -> [CommentView] {
        let rows = try threadRows(
            "SELECT c.*, u.email, u.name, u.role FROM comments c JOIN users u ON u.id = c.author_id",
            alias: "c", ticket: ticket, by: actor, db)
        let layout = rows.first.map { RowLayout($0) }
        return try rows.map { row in
            let layout = layout ?? RowLayout(row)
            guard let createdAt = layout.date(row, "created_at") else {
                throw HelpdeskError(.internalError, "Malformed stored comment")
            }
            return CommentView(
                comment: Comment(
                    id: row["id"], ticketId: row["ticket_id"], authorId: row["author_id"], body: row["body"],
                    isInternal: row["is_internal"], createdAt: createdAt),
                author: try Self.userRef(row, id: row["author_id"]))
        }
    }

    /// Every recorded change, oldest first; entries about internal comments are staff-only.
    /// - Throws: `NOT_FOUND`, `FORBIDDEN` as for viewing the ticket; `UNAUTHORIZED`.
    public func history(number: String, by actor: some ActorReference) throws -> [HistoryView] {
        try read(as: actor) { db, _, me in
            let ticket = try TicketTable.fetch(number: number, db)
            try Permissions.requireView(me, ticket)
            let rows = try threadRows(
                "SELECT h.*, u.email, u.name, u.role FROM history h JOIN users u ON u.id = h.actor_id",
                alias: "h", ticket: ticket, by: me, db)
            return try rows.map { row in
                guard let action = HistoryAction(rawValue: row["action"] ?? "") else {
                    throw HelpdeskError(.internalError, "Malformed history entry")
                }
                return HistoryView(
                    entry: HistoryEntry(
                        id: row["id"], ticketId: row["ticket_id"], actorId: row["actor_id"], at: row["at"], action: action,
                        field: row["field"], oldValue: row["old_value"], newValue: row["new_value"],
                        isInternal: row["is_internal"]),
                    actor: try Self.userRef(row, id: row["actor_id"]))
            }
        }
    }

    /// The rows of a visible ticket's comments or history, oldest first; rows marked internal are
    /// selected only for staff.
    private func threadRows(_ select: String, alias: String, ticket: Ticket, by actor: User, _ db: Database) throws -> [Row] {
        try Row.fetchAll(
            try db.cachedStatement(sql: "\(select) WHERE \(alias).ticket_id = ? AND (\(alias).is_internal = 0 OR ?) ORDER BY \(alias).id"),
            arguments: [ticket.id, Permissions.canReadInternal(actor)])
    }

    static func userRef(_ row: Row, id: Int64) throws -> UserRef {
        guard let role = Role(rawValue: row["role"] ?? "") else {
            throw HelpdeskError(.internalError, "Malformed stored user")
        }
        return UserRef(id: id, email: row["email"], name: row["name"], role: role)
    }
}
