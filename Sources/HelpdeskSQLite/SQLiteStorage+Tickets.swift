import Foundation
import GRDB
import HelpdeskCore
import HelpdeskUseCases

extension SQLiteStorage {
    public func createTicket(
        actorId: Int64, customerEmail: String?, candidateLoadStatuses: [TicketStatus], at now: Date,
        decide: @escaping @Sendable (NewTicketSnapshot) throws -> NewTicketDecision
    ) async throws -> TicketListing {
        try await write { db in
            let autoAssign = try Self.autoAssignEnabled(db)
            let decision = try decide(NewTicketSnapshot(
                actor: try UserTable.find(id: actorId, db),
                customer: try customerEmail.flatMap { try UserTable.find(email: $0, db) },
                autoAssign: autoAssign,
                candidates: autoAssign ? try Self.candidates(loadStatuses: candidateLoadStatuses, db) : [],
                number: try Self.nextNumber(for: now, db)))
            var ticket = decision.ticket
            try TicketTable.insert(&ticket, db)
            try ThreadTables.record(decision.history, ticketId: ticket.id, actorId: actorId, at: now, db)
            if let assigned = decision.assigned { try Self.stampAssigned(assigned, at: now, db) }
            return try Self.listing(for: ticket, db)
        }
    }

    /// The day's next sequence number. It runs inside the creating transaction, which holds the
    /// write lock, and `tickets.number` is UNIQUE: two creators can never share a number. The stored
    /// counter is read through the checked reader, so a damaged one is refused by name (and listed by
    /// `check`) rather than turned by SQLite into a number that collides.
    /// - Throws: `INTERNAL_ERROR` naming `ticket_sequences.last` when it is not a count.
    static func nextNumber(for now: Date, _ db: Database) throws -> String {
        let day = TicketNumber.day(of: now)
        let stored = try Row.fetchOne(db, sql: "SELECT last FROM ticket_sequences WHERE day = ?", arguments: [day])
        let last = try stored.map { try StoredRow($0, table: "ticket_sequences", name: "day \(day)").count("last") } ?? 0
        let sequence = last + 1
        try db.execute(
            sql: "INSERT INTO ticket_sequences (day, last) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET last = excluded.last",
            arguments: [day, sequence])
        return TicketNumber.format(day: day, sequence: sequence)
    }

    public func changeTicket(
        _ load: TicketLoad, at now: Date, decide: @escaping @Sendable (TicketSnapshot) throws -> TicketChange
    ) async throws -> TicketChangeResult {
        try await write { db in
            let actor = try UserTable.find(id: load.actorId, db)
            let old = try TicketTable.find(number: load.number, db)
            let change = try decide(TicketSnapshot(
                actor: actor, ticket: old,
                assignee: try old?.assigneeId.flatMap { try UserTable.find(id: $0, db) },
                named: try load.namedEmail.flatMap { try UserTable.find(email: $0, db) },
                candidates: try load.candidateLoadStatuses.map { try Self.candidates(loadStatuses: $0, db) } ?? []))
            guard let old, let actor else { throw HelpdeskError(.internalError, "A change was decided without its ticket or actor") }
            if change.purge {
                try db.execute(sql: "DELETE FROM tickets WHERE id = ?", arguments: [old.id])
                if let audit = change.audit { try Self.audit(audit, by: actor, at: now, db) }
                return TicketChangeResult(listing: nil, comment: nil)
            }
            var added: CommentView?
            var saved = change.ticket
            if change.history.isEmpty {
                // Nothing changed (the priority it already had, say): the ticket stays as loaded.
                guard change.comment == nil, change.assigned == nil else {
                    throw HelpdeskError(.internalError, "A change without history cannot add a comment or an assignment")
                }
                saved = old
            } else {
                try TicketTable.update(from: old, to: change.ticket, db)
                if var comment = change.comment {
                    try ThreadTables.insert(&comment, db)
                    added = CommentView(comment: comment, author: UserTable.ref(actor))
                }
                try ThreadTables.record(change.history, ticketId: old.id, actorId: actor.id, at: now, db)
                if let assigned = change.assigned { try Self.stampAssigned(assigned, at: now, db) }
            }
            if let audit = change.audit { try Self.audit(audit, by: actor, at: now, db) }
            return TicketChangeResult(listing: try Self.listing(for: saved, db), comment: added)
        }
    }

    /// Automatic assignment's tie-break: when each user was last given a ticket.
    private static func stampAssigned(_ userId: Int64, at now: Date, _ db: Database) throws {
        try db.execute(sql: "UPDATE users SET last_assigned_at = ? WHERE id = ?", arguments: [now, userId])
    }

    /// Every agent and admin with the tickets assigned to them in `loadStatuses`, outside the trash.
    static func candidates(loadStatuses: [TicketStatus], _ db: Database) throws -> [AgentCandidate] {
        let statuses = loadStatuses.map(\.rawValue), roles = Role.allCases.filter(\.isStaff).map(\.rawValue)
        func marks(_ values: [String]) -> String { values.map { _ in "?" }.joined(separator: ", ") }
        return try Row.fetchAll(
            db,
            sql: """
                SELECT \(UserTable.selectColumns), last_assigned_at,
                    (SELECT COUNT(*) FROM tickets t WHERE t.assignee_id = users.id AND t.deleted_at IS NULL
                        AND t.status IN (\(marks(statuses)))) AS load
                FROM users WHERE role IN (\(marks(roles)))
                """,
            arguments: StatementArguments(statuses + roles)
        ).map { row in
            let user = try UserTable.user(from: row), stored = StoredRow(row, table: "users")
            return AgentCandidate(
                user: user,
                load: AgentLoad(agentId: user.id, activeTickets: try stored.count("load"), lastAssignedAt: try stored.optionalDate("last_assigned_at")))
        }
    }

    public func thread(
        number: String, actorId: Int64, comments: Bool, authorize: @escaping @Sendable (User?, Ticket?) throws -> ThreadAccess
    ) async throws -> (TicketListing, [CommentView]) {
        try await read { db in
            let (ticket, access) = try Self.authorized(number, actorId, authorize, db)
            return (try Self.listing(for: ticket, db), comments ? try Self.commentViews(of: ticket, access, db) : [])
        }
    }

    private static func commentViews(of ticket: Ticket, _ access: ThreadAccess, _ db: Database) throws -> [CommentView] {
        let rows = try threadRows(
            "SELECT c.*, u.email, u.name, u.role FROM comments c JOIN users u ON u.id = c.author_id",
            alias: "c", ticket: ticket, access, db)
        let layout = rows.first.map { RowLayout($0) }
        return try rows.map { row in
            let comment = try ThreadTables.comment(from: row, layout ?? RowLayout(row))
            return CommentView(comment: comment, author: try userRef(row, id: comment.authorId))
        }
    }

    public func history(
        number: String, actorId: Int64, authorize: @escaping @Sendable (User?, Ticket?) throws -> ThreadAccess
    ) async throws -> [HistoryView] {
        try await read { db in
            let (ticket, access) = try Self.authorized(number, actorId, authorize, db)
            let rows = try Self.threadRows(
                "SELECT h.*, u.email, u.name, u.role FROM history h JOIN users u ON u.id = h.actor_id",
                alias: "h", ticket: ticket, access, db)
            return try rows.map { row in
                let entry = try ThreadTables.historyEntry(from: row)
                return HistoryView(entry: entry, actor: try Self.userRef(row, id: entry.actorId))
            }
        }
    }

    /// The ticket with the number and what `authorize` lets the acting user see of it, both loaded
    /// in the caller's transaction; `authorize` refuses a missing ticket (`NOT_FOUND`).
    private static func authorized<Access>(
        _ number: String, _ actorId: Int64, _ authorize: (User?, Ticket?) throws -> Access, _ db: Database
    ) throws -> (Ticket, Access) {
        let ticket = try TicketTable.find(number: number, db)
        let access = try authorize(try UserTable.find(id: actorId, db), ticket)
        guard let ticket else { throw HelpdeskError(.internalError, "A missing ticket was authorized") }
        return (ticket, access)
    }

    /// The rows of a ticket's comments or history, oldest first; rows marked internal are selected
    /// only when the access allows them.
    private static func threadRows(_ select: String, alias: String, ticket: Ticket, _ access: ThreadAccess, _ db: Database) throws -> [Row] {
        try Row.fetchAll(
            try db.cachedStatement(sql: "\(select) WHERE \(alias).ticket_id = ? AND (\(alias).is_internal = 0 OR ?) ORDER BY \(alias).id"),
            arguments: [ticket.id, access.includeInternal])
    }

    /// The author or actor whose `users` columns (`email`, `name`, `role`) were joined to the row.
    static func userRef(_ row: Row, id: Int64) throws -> UserRef {
        let stored = StoredRow(row, table: "users", id: id)
        return UserRef(id: id, email: try stored.text("email"), name: try stored.text("name"), role: try stored.choice("role"))
    }

    public func markSeen(
        number: String, actorId: Int64, at now: Date, authorize: @escaping @Sendable (User?, Ticket?) throws -> Void
    ) async throws {
        try await write { db in
            let (ticket, _) = try Self.authorized(number, actorId, authorize, db)
            try db.execute(
                sql: """
                    INSERT INTO ticket_reads (user_id, ticket_id, seen_at) VALUES (?, ?, ?)
                    ON CONFLICT(user_id, ticket_id) DO UPDATE SET seen_at = excluded.seen_at
                    """,
                arguments: [actorId, ticket.id, now])
        }
    }
}
