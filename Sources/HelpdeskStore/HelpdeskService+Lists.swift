import Foundation
import GRDB
import HelpdeskCore

/// An agent or admin with their current load.
public struct AgentSummary: Sendable, Equatable {
    public var user: User
    public var openAssigned: Int
}

extension HelpdeskService {
    /// One page of the tickets this user may see, filtered and sorted on an index, paged by keyset.
    /// - Throws: `VALIDATION_ERROR` (a bad filter or limit, a forged cursor or one from another
    ///   sort, on `after`/`before`; an unknown assignee or requester); `FORBIDDEN` (the trash,
    ///   for anyone but admins); `UNAUTHORIZED`.
    public func listTickets(_ query: TicketQuery, by actor: some ActorReference) throws -> TicketPage {
        let query = try query.validated()
        let cursor = try query.after.map { try TicketCursor.decode($0, sort: query.sort) }
        let backwards = try query.before.map { try TicketCursor.decode($0, sort: query.sort, field: "before") }
        return try read(as: actor) { db, now, actor in
            if query.trash { try Permissions.requireAdmin(actor, to: "see the trash") }
            guard var builder = try filters(for: query, by: actor, db, now, page: true) else { return TicketPage(tickets: [], nextCursor: nil) }
            if let cursor { builder.addCursor(cursor, sort: query.sort) }
            if let backwards { builder.addCursor(backwards, sort: query.sort, backwards: true) }
            // Decoded straight from the statement's rows (no copies); one row past the page says
            // whether more follow.
            let rows = try Row.fetchCursor(
                try db.cachedStatement(sql: builder.sql(sort: query.sort, limit: query.limit + 1, backwards: backwards != nil)),
                arguments: [actor.id] + builder.arguments)
            var tickets: [TicketListing] = []
            var layout: RowLayout?
            var first: TicketCursor?, last: TicketCursor?
            var more = false
            while let row = try rows.next() {
                if tickets.count == query.limit {
                    more = true
                    break
                }
                let rowLayout = layout ?? RowLayout(row)
                layout = rowLayout
                tickets.append(try Self.listing(from: row, rowLayout))
                last = TicketListSQL.cursor(after: row, sort: query.sort)
                if first == nil { first = last }
            }
            if backwards != nil {
                // Backwards, the query walks the order in reverse; the page is turned back round.
                tickets.reverse()
                swap(&first, &last)
            }
            let next = backwards == nil ? (more ? last?.encoded() : nil) : last?.encoded()
            var result = TicketPage(tickets: tickets, nextCursor: next)
            let earlier = backwards == nil ? cursor != nil : more
            result.previousCursor = earlier ? first?.encoded() : nil
            return result
        }
    }

    /// How many tickets a list would hold (the console's view counts), without loading them.
    /// - Throws: as `listTickets`.
    public func countTickets(_ query: TicketQuery, by actor: some ActorReference) throws -> Int {
        let query = try query.validated()
        return try read(as: actor) { db, now, actor in
            if query.trash { try Permissions.requireAdmin(actor, to: "see the trash") }
            func counted(_ scope: (String, [any DatabaseValueConvertible])?) throws -> Int {
                guard let builder = try filters(for: query, by: actor, db, now, scope: scope) else { return 0 }
                return try Int.fetchOne(db.cachedStatement(sql: builder.countSQL()), arguments: builder.arguments) ?? 0
            }
            switch Permissions.scope(for: actor) {
            case .all:
                return try TicketTally.count(query, by: actor, db) ?? counted(nil)
            case .requester:
                return try counted(nil)
            case .assigneeOrRequester(let id):
                // Two disjoint parts, each on its own index (the assigned part from the tally when it
                // can), rather than one OR that SQLite walks ticket by ticket.
                let assigned = try TicketTally.count(query, by: actor, assignedTo: id, db) ?? counted(("t.assignee_id = ?", [id]))
                return try assigned + counted(("t.requester_id = ? AND (t.assignee_id IS NULL OR t.assignee_id != ?)", [id, id]))
            }
        }
    }

    /// The WHERE clause of a list: trash, visibility, filters and search; nil when the search has no
    /// searchable words (nothing can match).
    /// `scope` replaces the actor's visibility condition (the parts of an agent's count).
    private func filters(
        for query: TicketQuery, by actor: User, _ db: Database, _ now: Date, page: Bool = false,
        scope: (String, [any DatabaseValueConvertible])? = nil
    ) throws -> TicketListSQL? {
        var builder = TicketListSQL()
        // Only running clocks have a next risk; saying so lets SQLite use the index of running clocks.
        if query.breaching { builder.add("t.sla_next_risk <= ? AND \(StatusSQL.active("t.status"))", [now]) }
        builder.add(query.trash ? "t.deleted_at IS NOT NULL" : "t.deleted_at IS NULL", [])
        if let scope {
            builder.add(scope.0, scope.1)
        } else {
            builder.addScope(Permissions.scope(for: actor))
        }
        if !query.trash && !query.statuses.isEmpty && query.statuses.allSatisfy(\.isActive) {
            // Active tickets only: said in the words of the partial indexes over active tickets, and
            // with the per-status index ruled out, which would sort every match to show a page.
            builder.add(StatusSQL.active("t.status"), [])
            builder.addIn("status", query.statuses, indexed: false)
        } else {
            builder.addIn("status", query.statuses)
        }
        builder.addIn("priority", query.priorities)
        builder.addIn("category", query.categories)
        switch query.assignee {
        case .none: break
        case .some(.me): builder.add("t.assignee_id = ?", [actor.id])
        case .some(.none): builder.add("t.assignee_id IS NULL", [])
        case .some(.email(let email)):
            builder.add("t.assignee_id = ?", [try UserTable.require(email: email, field: "assignee", db).id])
        }
        if let requester = query.requesterEmail {
            builder.add("t.requester_id = ?", [try UserTable.require(email: requester, field: "requester", db).id])
        }
        if let search = query.search {
            guard let match = TicketListSQL.matchQuery(search) else { return nil }
            let plan = page ? try searchPlan ?? SearchPlanner.plan(match, db) : .collect
            builder.addSearch(match, includeInternal: Permissions.canReadInternal(actor), plan: plan)
        }
        return builder
    }

    static func listing(from row: Row, _ layout: RowLayout) throws -> TicketListing {
        let ticket = try TicketTable.ticket(from: row, layout)
        func ref(_ prefix: String, id: Int64?) -> UserRef? {
            guard let id, let email = layout.string(row, "\(prefix)_email"),
                let role = Role(rawValue: layout.string(row, "\(prefix)_role") ?? ""),
                let name = layout.string(row, "\(prefix)_name")
            else { return nil }
            return UserRef(id: id, email: email, name: name, role: role)
        }
        guard let requester = ref("requester", id: ticket.requesterId) else {
            throw HelpdeskError(.internalError, "Ticket \(ticket.number) names a missing requester")
        }
        let seen = layout.date(row, "seen_at")
        let unread = ticket.lastStaffReplyAt.map { reply in seen.map { $0 < reply } ?? true } ?? false
        return TicketListing(ticket: ticket, requester: requester, assignee: ref("assignee", id: ticket.assigneeId), unread: unread)
    }

    /// Records that the user has seen the ticket as it is now (clears its unread marker).
    /// - Throws: `NOT_FOUND`, `FORBIDDEN` as for viewing the ticket; `UNAUTHORIZED`.
    public func markSeen(number: String, by actor: some ActorReference) throws {
        try write(as: actor) { db, now, actor in
            let ticket = try TicketTable.fetch(number: number, db)
            try Permissions.requireView(actor, ticket)
            try db.execute(
                sql: """
                    INSERT INTO ticket_reads (user_id, ticket_id, seen_at) VALUES (?, ?, ?)
                    ON CONFLICT(user_id, ticket_id) DO UPDATE SET seen_at = excluded.seen_at
                    """,
                arguments: [actor.id, ticket.id, now])
        }
    }

    /// Agents and admins with their active assigned tickets; staff only.
    /// - Throws: `FORBIDDEN` (customers); `UNAUTHORIZED`.
    public func agents(by actor: some ActorReference) throws -> [AgentSummary] {
        try read(as: actor) { db, _, actor in
            try Permissions.requireStaff(actor, to: "list agents")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT \(UserTable.selectColumns),
                        (SELECT COALESCE(SUM(n), 0) FROM ticket_tally WHERE assignee_id = users.id AND deleted = 0
                            AND \(StatusSQL.active("status"))) AS open_assigned
                    FROM users WHERE role IN ('agent', 'admin') ORDER BY role DESC, email
                    """
            ).map { AgentSummary(user: try UserTable.user(from: $0), openAssigned: $0["open_assigned"]) }
        }
    }

    /// The tickets assigned to an agent: admins for anyone, agents for themselves.
    /// - Throws: `FORBIDDEN` (customers; an agent naming someone else); `VALIDATION_ERROR` on
    ///   `email`; `NOT_FOUND` (no such user); `UNAUTHORIZED`.
    public func agentTickets(email: String, query: TicketQuery = TicketQuery(), by actor: some ActorReference) throws -> TicketPage {
        let actor = try currentUser(actor)
        try Permissions.requireStaff(actor, to: "list an agent's tickets")
        let normalized = try Validator.email(email, field: "email")
        if actor.role == .agent && normalized != actor.email {
            throw HelpdeskError.forbidden("Agents may list only their own tickets")
        }
        var query = query
        query.assignee = .email(normalized)
        return try listTickets(query, by: actor)
    }
}
