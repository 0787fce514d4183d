import Foundation
import GRDB
import HelpdeskCore
import HelpdeskUseCases

extension SQLiteStorage {
    public func listTickets(
        _ query: TicketQuery, actorId: Int64, at now: Date, authorize: @escaping @Sendable (User?) throws -> ListAccess
    ) async throws -> TicketPage {
        try await read { db in
            let access = try authorize(try UserTable.find(id: actorId, db))
            return try watched(query, db) { try page(query, access, db, now) }
        }
    }

    /// One page of a list, read in `db`.
    private func page(_ query: TicketQuery, _ access: ListAccess, _ db: Database, _ now: Date) throws -> TicketPage {
        let cursor = try query.after.map { try TicketCursor.decode($0, sort: query.sort) }
        let backwards = try query.before.map { try TicketCursor.decode($0, sort: query.sort, field: "before") }
        guard var builder = try filters(for: query, access, db, now, page: true) else { return TicketPage(tickets: [], nextCursor: nil) }
        if let cursor { builder.addCursor(cursor, sort: query.sort) }
        if let backwards { builder.addCursor(backwards, sort: query.sort, backwards: true) }
        // Decoded straight from the statement's rows (no copies); one row past the page says
        // whether more follow.
        // Backwards from a cursor, or from the end of the order for the last page.
        let reversed = backwards != nil || query.fromEnd
        let rows = try Row.fetchCursor(
            try db.cachedStatement(sql: builder.sql(sort: query.sort, limit: query.limit + 1, backwards: reversed)),
            arguments: builder.arguments(readerId: access.readerId))
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
            last = try TicketListSQL.cursor(after: row, sort: query.sort)
            if first == nil { first = last }
        }
        if reversed {
            // Backwards, the query walks the order in reverse; the page is turned back round.
            tickets.reverse()
            swap(&first, &last)
        }
        // Nothing follows the last page; a page before a cursor is followed by the cursor's row.
        let next = query.fromEnd ? nil : backwards == nil ? (more ? last?.encoded() : nil) : last?.encoded()
        var result = TicketPage(tickets: tickets, nextCursor: next)
        let earlier = reversed ? more : cursor != nil
        result.previousCursor = earlier ? first?.encoded() : nil
        return result
    }

    public func countTickets(
        _ queries: [TicketQuery], actorId: Int64, at now: Date,
        authorize: @escaping @Sendable (User?, TicketQuery) throws -> ListAccess
    ) async throws -> [Result<Int, HelpdeskError>] {
        try await read { db in
            let user = try UserTable.find(id: actorId, db)
            return try queries.map { query in
                do {
                    let access = try authorize(user, query)
                    return .success(try watched(query, db) { try count(query, access, db, now) })
                } catch let error as HelpdeskError {
                    return .failure(error)
                }
            }
        }
    }

    /// One list's count: from the maintained tally when it can answer, else from the tickets.
    private func count(_ query: TicketQuery, _ access: ListAccess, _ db: Database, _ now: Date) throws -> Int {
        func counted(_ scope: (String, [any DatabaseValueConvertible])?) throws -> Int {
            guard let builder = try filters(for: query, access, db, now, scope: scope) else { return 0 }
            return try Int.fetchOne(db.cachedStatement(sql: builder.countSQL()), arguments: builder.arguments) ?? 0
        }
        switch access.scope {
        case .all:
            return try TicketTally.count(query, access, db) ?? counted(nil)
        case .requester:
            return try counted(nil)
        case .assignedRequestedOrSubmitted(let id):
            // Two disjoint parts, the first on its own index (from the tally when it can), rather
            // than one OR that SQLite walks ticket by ticket.
            let assigned = try TicketTally.count(query, access, assignedTo: id, db) ?? counted(("t.assignee_id = ?", [id]))
            return try assigned + counted((
                "(t.requester_id = ? OR t.submitter_id = ?) AND (t.assignee_id IS NULL OR t.assignee_id != ?)", [id, id, id]))
        }
    }

    /// The WHERE clause of a list: trash, visibility, filters and search; nil when the search has no
    /// searchable words (nothing can match).
    /// `scope` replaces the reader's visibility condition (the parts of an agent's count).
    private func filters(
        for query: TicketQuery, _ access: ListAccess, _ db: Database, _ now: Date, page: Bool = false,
        scope: (String, [any DatabaseValueConvertible])? = nil
    ) throws -> TicketListSQL? {
        var builder = TicketListSQL()
        // Only running clocks have a next risk; saying so lets SQLite use the index of running clocks.
        if query.breaching { builder.add("t.sla_next_risk <= ? AND \(StatusSQL.active("t.status"))", [now]) }
        builder.add(query.trash ? "t.deleted_at IS NOT NULL" : "t.deleted_at IS NULL", [])
        if let scope {
            builder.add(scope.0, scope.1)
        } else {
            // A page without a search reads an agent's tickets as a union; a search's own plan
            // (collect or probe) is made for the scope as one condition.
            builder.addScope(access.scope, asUnion: unionScope && page && query.search == nil)
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
        case nil: break
        case .me?: builder.add("t.assignee_id = ?", [access.readerId])
        case .none?: builder.add("t.assignee_id IS NULL", [])
        case .email(let email)?:
            builder.add("t.assignee_id = ?", [try Self.personId(email, field: "assignee", access, db)])
        }
        if let requester = query.requesterEmail {
            builder.add("t.requester_id = ?", [try Self.personId(requester, field: "requester", access, db)])
        }
        if let search = query.search {
            guard let match = try SearchMatch(SearchTerms(parsing: search), db) else { return nil }
            let plan = page ? try searchPlan ?? SearchPlanner.plan(match, db) : .collect
            builder.addSearch(match, includeInternal: access.includeInternal, plan: plan)
        }
        return builder
    }

    /// The id a filter's email names; for a reader who may not learn which emails exist, an unknown
    /// one gives an id no ticket has (0), so the filter matches nothing.
    /// - Throws: `NOT_FOUND` for an unknown email when the reader may learn it; `VALIDATION_ERROR`.
    static func personId(_ email: String, field: String, _ access: ListAccess, _ db: Database) throws -> Int64 {
        if access.revealsUnknownPeople { return try UserTable.require(email: email, field: field, db).id }
        return try UserTable.find(email: try Validator.email(email, field: field), db)?.id ?? 0
    }

    static func listing(from row: Row, _ layout: RowLayout) throws -> TicketListing {
        let ticket = try TicketTable.ticket(from: row, layout)
        func ref(_ prefix: String, id: Int64?) throws -> UserRef? {
            guard let id, !layout.value(row, "\(prefix)_email").isNull else { return nil }
            let stored = StoredRow(row, table: "users", layout: layout, id: id)
            return UserRef(
                id: id, email: try stored.text("\(prefix)_email"), name: try stored.text("\(prefix)_name"),
                role: try stored.choice("\(prefix)_role"))
        }
        guard let requester = try ref("requester", id: ticket.requesterId) else {
            throw HelpdeskError(.internalError, "Ticket \(ticket.number) names a missing requester")
        }
        let seen = try StoredRow(row, table: "ticket_reads", layout: layout).optionalDate("seen_at")
        let unread = ticket.lastStaffReplyAt.map { reply in seen.map { $0 < reply } ?? true } ?? false
        return TicketListing(
            ticket: ticket, requester: requester, assignee: try ref("assignee", id: ticket.assigneeId),
            submitter: try ref("submitter", id: ticket.submitterId), unread: unread)
    }
}
