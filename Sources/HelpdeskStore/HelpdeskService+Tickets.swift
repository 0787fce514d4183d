import Foundation
import GRDB
import HelpdeskCore

extension HelpdeskService {
    public func createTicket(_ input: NewTicketInput, by actor: User) throws -> TicketListing {
        let valid = try TicketRules.validate(input)
        try TicketRules.requireFileAs(actor, customerEmail: valid.customerEmail)
        return try write { db, now in try createTicket(valid, by: actor, db, now) }
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

    public func ticket(number: String, by actor: User) throws -> TicketListing {
        try read { db, _ in
            let ticket = try TicketTable.fetch(number: number, db)
            try Permissions.requireView(actor, ticket)
            return try listing(for: ticket, db)
        }
    }

    public func updateTicket(
        number: String, subject: String?, description: String?, category: String?, expectedVersion: Int? = nil,
        by actor: User
    ) throws -> TicketListing {
        try change(number: number, expectedVersion: expectedVersion, by: actor) { ticket, _, now in
            try TicketRules.update(&ticket, subject: subject, description: description, category: category, by: actor, at: now)
        }
    }

    public func changeStatus(number: String, to status: String, expectedVersion: Int? = nil, by actor: User) throws -> TicketListing {
        let target = try Validator.choice(status, field: "status", as: TicketStatus.self)
        return try write { db, now in try changeStatus(number: number, to: target, expectedVersion: expectedVersion, by: actor, db, now) }
    }

    func changeStatus(
        number: String, to target: TicketStatus, expectedVersion: Int?, by actor: User, _ db: Database, _ now: Date
    ) throws -> TicketListing {
        try change(number: number, expectedVersion: expectedVersion, by: actor, db, now) { ticket, _, now in
            try TicketRules.changeStatus(&ticket, to: target, by: actor, at: now)
        }
    }

    public func changePriority(number: String, to priority: String, expectedVersion: Int? = nil, by actor: User) throws -> TicketListing {
        let target = try Validator.choice(priority, field: "priority", as: Priority.self)
        return try change(number: number, expectedVersion: expectedVersion, by: actor) { ticket, _, now in
            try TicketRules.changePriority(&ticket, to: target, by: actor, at: now)
        }
    }

    /// Assigns to the named agent, or with `email == nil` to the one automatic assignment picks.
    public func assign(number: String, to email: String?, expectedVersion: Int? = nil, by actor: User) throws -> TicketListing {
        try write { db, now in try assign(number: number, to: email, expectedVersion: expectedVersion, by: actor, db, now) }
    }

    func assign(
        number: String, to email: String?, expectedVersion: Int?, by actor: User, _ db: Database, _ now: Date
    ) throws -> TicketListing {
        try change(number: number, expectedVersion: expectedVersion, by: actor, db, now) { ticket, db, now in
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

    public func deleteTicket(number: String, by actor: User) throws -> TicketListing {
        try change(number: number, expectedVersion: nil, by: actor) { ticket, db, now in
            let changes = try TicketRules.delete(&ticket, by: actor, at: now)
            try audit("ticket.delete", target: ticket.number, detail: ticket.subject, by: actor, at: now, db)
            return changes
        }
    }

    public func restoreTicket(number: String, by actor: User) throws -> TicketListing {
        try change(number: number, expectedVersion: nil, by: actor) { ticket, db, now in
            let changes = try TicketRules.restore(&ticket, by: actor, at: now)
            try audit("ticket.restore", target: ticket.number, by: actor, at: now, db)
            return changes
        }
    }

    /// Erases a ticket in the trash with its comments and history.
    public func purgeTicket(number: String, by actor: User) throws {
        try write { db, now in
            let ticket = try TicketTable.fetch(number: number, db)
            try Permissions.requireView(actor, ticket)
            try TicketRules.requirePurge(ticket, by: actor)
            try db.execute(sql: "DELETE FROM tickets WHERE id = ?", arguments: [ticket.id])
            try audit("ticket.purge", target: ticket.number, detail: ticket.subject, by: actor, at: now, db)
        }
    }

    /// Loads, checks visibility then version, applies `body`, and saves the ticket with its history.
    func change(
        number: String, expectedVersion: Int?, by actor: User,
        _ body: (inout Ticket, Database, Date) throws -> [Change]
    ) throws -> TicketListing {
        try write { db, now in try change(number: number, expectedVersion: expectedVersion, by: actor, db, now, body) }
    }

    func change(
        number: String, expectedVersion: Int?, by actor: User, _ db: Database, _ now: Date,
        _ body: (inout Ticket, Database, Date) throws -> [Change]
    ) throws -> TicketListing {
        let old = try TicketTable.fetch(number: number, db)
        try Permissions.requireView(actor, old)
        try TicketRules.requireVersion(old, expected: expectedVersion)
        var ticket = old
        let changes = try body(&ticket, db, now)
        if !changes.isEmpty {
            try TicketTable.update(from: old, to: ticket, db)
            try ThreadTables.record(changes, ticketId: ticket.id, actor: actor, at: now, db)
        }
        return try listing(for: ticket, db)
    }

    func chooseAgent(_ db: Database) throws -> User? {
        let statuses = AutoAssignment.loadStatuses.map(\.rawValue)
        let marks = statuses.map { _ in "?" }.joined(separator: ", ")
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT u.id, u.last_assigned_at,
                    (SELECT COUNT(*) FROM tickets t WHERE t.assignee_id = u.id AND t.deleted_at IS NULL
                        AND t.status IN (\(marks))) AS load
                FROM users u WHERE u.role = 'agent' AND u.is_active = 1
                """,
            arguments: StatementArguments(statuses))
        let loads = rows.map { AgentLoad(agentId: $0["id"], activeTickets: $0["load"], lastAssignedAt: $0["last_assigned_at"]) }
        return try AutoAssignment.choose(from: loads).flatMap { try UserTable.find(id: $0, db) }
    }
}
