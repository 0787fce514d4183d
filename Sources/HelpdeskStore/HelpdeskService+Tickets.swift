import Foundation
import GRDB
import HelpdeskCore

extension HelpdeskService {
    /// Files a ticket. Anyone may; a customer only for themselves.
    /// - Throws: `VALIDATION_ERROR` listing every bad field; `FORBIDDEN` when a customer names
    ///   another customer's email; `UNAUTHORIZED` when the actor is unknown or deactivated.
    public func createTicket(_ input: NewTicketInput, by actor: some ActorReference) throws -> TicketListing {
        let valid = try TicketRules.validate(input)
        return try write(as: actor) { db, now, me in
            try TicketRules.requireFileAs(me, customerEmail: valid.customerEmail)
            return try createTicket(valid, by: me, db, now)
        }
    }

    /// Staff naming a registered customer's email file the ticket as that customer's, so the customer
    /// sees it; an unknown email is kept as the contact address.
    func createTicket(_ valid: ValidTicketInput, by actor: User, _ db: Database, _ now: Date) throws -> TicketListing {
        var requester = actor
        if actor.role.isStaff, let email = valid.customerEmail, let customer = try UserTable.find(email: email, db) {
            requester = customer
        }
        let number = try nextNumber(for: now, db)
        var ticket = TicketRules.newTicket(valid, requester: requester, number: number, at: now)
        try TicketTable.insert(&ticket, db)
        try ThreadTables.record([Change(.created)], ticketId: ticket.id, actor: actor, at: now, db)
        if try autoAssignEnabled(db), let agent = try chooseAgent(db) {
            let before = ticket
            let changes = TicketRules.applyAssignment(&ticket, to: agent, previous: nil, at: now)
            try TicketTable.update(from: before, to: ticket, db)
            try ThreadTables.record(changes, ticketId: ticket.id, actor: actor, at: now, db)
            try db.execute(sql: "UPDATE users SET last_assigned_at = ? WHERE id = ?", arguments: [now, agent.id])
        }
        return try listing(for: ticket, db)
    }

    /// The day's next sequence number. The upsert runs inside the creating transaction, which holds
    /// the write lock, and `tickets.number` is UNIQUE: two creators can never share a number.
    private func nextNumber(for now: Date, _ db: Database) throws -> String {
        let day = TicketNumber.day(of: now)
        guard let sequence = try Int.fetchOne(
            db,
            sql: """
                INSERT INTO ticket_sequences (day, last) VALUES (?, 1)
                ON CONFLICT(day) DO UPDATE SET last = last + 1
                RETURNING last
                """,
            arguments: [day])
        else { throw HelpdeskError(.internalError, "Could not allocate a ticket number") }
        return TicketNumber.format(day: day, sequence: sequence)
    }

    /// One ticket as `actor` may see it.
    /// - Throws: `NOT_FOUND` (no such ticket, or a customer's view of another's), `FORBIDDEN` (an
    ///   agent's view of a ticket neither assigned to nor requested by them), `UNAUTHORIZED`.
    public func ticket(number: String, by actor: some ActorReference) throws -> TicketListing {
        try read(as: actor) { db, _, me in
            let ticket = try TicketTable.fetch(number: number, db)
            try Permissions.requireView(me, ticket)
            return try listing(for: ticket, db)
        }
    }

    /// Edits the subject, description or category (nil leaves a field as it is).
    /// - Throws: `VALIDATION_ERROR` per field; `FORBIDDEN` (a customer after resolution, or not
    ///   theirs as an agent); `NOT_FOUND`; `CONFLICT` when `expectedVersion` is stale; `UNAUTHORIZED`.
    public func updateTicket(
        number: String, subject: String?, description: String?, category: String?, expectedVersion: Int? = nil,
        by actor: some ActorReference
    ) throws -> TicketListing {
        try change(number: number, expectedVersion: expectedVersion, by: actor) { ticket, _, now, me in
            try TicketRules.update(&ticket, subject: subject, description: description, category: category, by: me, at: now)
        }
    }

    /// Moves a ticket along the workflow.
    /// - Throws: `VALIDATION_ERROR` on `status` (unknown, or a move the workflow does not allow,
    ///   naming the allowed ones); `FORBIDDEN` (a customer's move other than reopening their own);
    ///   `NOT_FOUND`; `CONFLICT` when `expectedVersion` is stale; `UNAUTHORIZED`.
    public func changeStatus(
        number: String, to status: String, expectedVersion: Int? = nil, by actor: some ActorReference
    ) throws -> TicketListing {
        let target = try Validator.choice(status, field: "status", as: TicketStatus.self)
        return try write(as: actor) { db, now, me in
            try changeStatus(number: number, to: target, expectedVersion: expectedVersion, by: me, db, now)
        }
    }

    func changeStatus(
        number: String, to target: TicketStatus, expectedVersion: Int?, by actor: User, _ db: Database, _ now: Date
    ) throws -> TicketListing {
        try change(number: number, expectedVersion: expectedVersion, by: actor, db, now) { ticket, _, now, actor in
            try TicketRules.changeStatus(&ticket, to: target, by: actor, at: now)
        }
    }

    /// Changes the priority; both SLA targets are recomputed from the ticket's creation.
    /// - Throws: `VALIDATION_ERROR` on `priority`; `FORBIDDEN` (customers; agents on tickets they
    ///   do not see); `NOT_FOUND`; `CONFLICT` when `expectedVersion` is stale; `UNAUTHORIZED`.
    public func changePriority(
        number: String, to priority: String, expectedVersion: Int? = nil, by actor: some ActorReference
    ) throws -> TicketListing {
        let target = try Validator.choice(priority, field: "priority", as: Priority.self)
        return try change(number: number, expectedVersion: expectedVersion, by: actor) { ticket, _, now, me in
            try TicketRules.changePriority(&ticket, to: target, by: me, at: now)
        }
    }

    /// Assigns to the named agent, or with `email == nil` to the one automatic assignment picks.
    /// Admins only.
    /// - Throws: `FORBIDDEN` (not an admin); `NOT_FOUND` (ticket or assignee); `VALIDATION_ERROR`
    ///   on `assignee` (not an active agent or admin, or nobody to pick); `CONFLICT` when
    ///   `expectedVersion` is stale; `UNAUTHORIZED`.
    public func assign(
        number: String, to email: String?, expectedVersion: Int? = nil, by actor: some ActorReference
    ) throws -> TicketListing {
        try write(as: actor) { db, now, me in try assign(number: number, to: email, expectedVersion: expectedVersion, by: me, db, now) }
    }

    func assign(
        number: String, to email: String?, expectedVersion: Int?, by actor: User, _ db: Database, _ now: Date
    ) throws -> TicketListing {
        try change(number: number, expectedVersion: expectedVersion, by: actor, db, now) { ticket, db, now, actor in
            try Permissions.requireAssign(actor, ticket)
            let assignee: User
            if let email {
                assignee = try UserTable.require(email: email, field: "assignee", db)
            } else {
                guard let chosen = try chooseAgent(db) else {
                    throw HelpdeskError.validation("assignee", "no active agent to assign to")
                }
                assignee = chosen
            }
            let previous = try ticket.assigneeId.flatMap { try UserTable.find(id: $0, db) }
            let changes = try TicketRules.assign(&ticket, to: assignee, previous: previous, by: actor, at: now)
            if !changes.isEmpty {
                try db.execute(sql: "UPDATE users SET last_assigned_at = ? WHERE id = ?", arguments: [now, assignee.id])
            }
            return changes
        }
    }

    /// Moves a ticket to the trash (admins); it keeps its comments and history.
    /// - Throws: `FORBIDDEN` (not an admin); `NOT_FOUND`; `CONFLICT` (already in the trash);
    ///   `UNAUTHORIZED`.
    public func deleteTicket(number: String, by actor: some ActorReference) throws -> TicketListing {
        try change(number: number, expectedVersion: nil, by: actor) { ticket, db, now, me in
            let changes = try TicketRules.delete(&ticket, by: me, at: now)
            try audit("ticket.delete", target: ticket.number, detail: ticket.subject, by: me, at: now, db)
            return changes
        }
    }

    /// Takes a ticket out of the trash (admins).
    /// - Throws: `FORBIDDEN` (not an admin); `NOT_FOUND`; `CONFLICT` (not in the trash); `UNAUTHORIZED`.
    public func restoreTicket(number: String, by actor: some ActorReference) throws -> TicketListing {
        try change(number: number, expectedVersion: nil, by: actor) { ticket, db, now, me in
            let changes = try TicketRules.restore(&ticket, by: me, at: now)
            try audit("ticket.restore", target: ticket.number, by: me, at: now, db)
            return changes
        }
    }

    /// Erases a ticket in the trash with its comments and history (admins).
    /// - Throws: `FORBIDDEN` (not an admin); `NOT_FOUND`; `CONFLICT` (not in the trash); `UNAUTHORIZED`.
    public func purgeTicket(number: String, by actor: some ActorReference) throws {
        try write(as: actor) { db, now, me in
            let ticket = try TicketTable.fetch(number: number, db)
            try Permissions.requireView(me, ticket)
            try TicketRules.requirePurge(ticket, by: me)
            try db.execute(sql: "DELETE FROM tickets WHERE id = ?", arguments: [ticket.id])
            try audit("ticket.purge", target: ticket.number, detail: ticket.subject, by: me, at: now, db)
        }
    }

    /// Loads, checks visibility then version, applies `body`, and saves the ticket with its history;
    /// the body gets the acting user as stored now.
    func change(
        number: String, expectedVersion: Int?, by actor: some ActorReference,
        _ body: (inout Ticket, Database, Date, User) throws -> [Change]
    ) throws -> TicketListing {
        try write(as: actor) { db, now, me in try change(number: number, expectedVersion: expectedVersion, by: me, db, now, body) }
    }

    func change(
        number: String, expectedVersion: Int?, by actor: User, _ db: Database, _ now: Date,
        _ body: (inout Ticket, Database, Date, User) throws -> [Change]
    ) throws -> TicketListing {
        let old = try TicketTable.fetch(number: number, db)
        try Permissions.requireView(actor, old)
        try TicketRules.requireVersion(old, expected: expectedVersion)
        var ticket = old
        let changes = try body(&ticket, db, now, actor)
        if !changes.isEmpty {
            try TicketTable.update(from: old, to: ticket, db)
            try ThreadTables.record(changes, ticketId: ticket.id, actor: actor, at: now, db)
        }
        return try listing(for: ticket, db)
    }

    func chooseAgent(_ db: Database) throws -> User? {
        let statuses = AutoAssignment.loadStatuses.map(\.rawValue)
        let roles = AutoAssignment.candidateRoles.map(\.rawValue)
        func marks(_ values: [String]) -> String { values.map { _ in "?" }.joined(separator: ", ") }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT u.id, u.last_assigned_at,
                    (SELECT COUNT(*) FROM tickets t WHERE t.assignee_id = u.id AND t.deleted_at IS NULL
                        AND t.status IN (\(marks(statuses)))) AS load
                FROM users u WHERE u.role IN (\(marks(roles))) AND u.is_active = 1
                """,
            arguments: StatementArguments(statuses + roles))
        let loads = rows.map { AgentLoad(agentId: $0["id"], activeTickets: $0["load"], lastAssignedAt: $0["last_assigned_at"]) }
        return try AutoAssignment.choose(from: loads).flatMap { try UserTable.find(id: $0, db) }
    }
}
