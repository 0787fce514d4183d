import Foundation
import HelpdeskCore

extension Helpdesk {
    /// One page of the tickets this user may see, filtered and sorted, paged by keyset. A search
    /// finds tickets by their text, their requester's name or address, or their number
    /// (`SearchTerms`), only among those the user may see.
    ///
    /// Cancelling the task that awaits this stops the search's running statement: the call throws
    /// `CancellationError` at once and the storage serves the next call (the console cancels a
    /// search when a new key press replaces it).
    /// - Throws: `VALIDATION_ERROR` (a bad limit; on `search`, a search past `SearchLimits`, or one
    ///   still running at `SearchLimits.deadline`; a forged cursor or one from another sort, on
    ///   `after`/`before`; a malformed assignee or requester email); `NOT_FOUND` (staff only: no
    ///   user with the assignee's or requester's email; for a customer such a filter matches
    ///   nothing); `FORBIDDEN` (the trash, for anyone but admins); `UNAUTHORIZED`;
    ///   `CancellationError` when the awaiting task is cancelled.
    public func listTickets(_ query: TicketQuery, by actor: some ActorReference) async throws -> TicketPage {
        let query = try query.validated()
        return try await storage.listTickets(query, actorId: actor.actorId, at: try now()) { user in
            try Self.listAccess(user, query)
        }
    }

    /// How many tickets a list would hold, without loading them.
    /// - Throws: as `listTickets`.
    public func countTickets(_ query: TicketQuery, by actor: some ActorReference) async throws -> Int {
        try await countTickets([query], by: actor)[0].get()
    }

    /// How many tickets each list would hold (the console's view counts), from one read: each
    /// answer is the count, or the error `countTickets(_:by:)` would throw for that list alone
    /// (a search past its deadline is that list's `VALIDATION_ERROR`).
    /// - Throws: `UNAUTHORIZED` when the acting user may not act (no list can be counted then);
    ///   `CancellationError` when the awaiting task is cancelled (the running statement stops).
    public func countTickets(_ queries: [TicketQuery], by actor: some ActorReference) async throws -> [Result<Int, HelpdeskError>] {
        var answers: [Result<Int, HelpdeskError>?] = []
        var valid: [TicketQuery] = []
        for query in queries {
            do {
                valid.append(try query.validated())
                answers.append(nil)
            } catch let error as HelpdeskError {
                answers.append(.failure(error))
            }
        }
        var counted = try await storage.countTickets(valid, actorId: actor.actorId, at: try now()) { user, query in
            try Self.listAccess(user, query)
        }.makeIterator()
        let results = answers.map { $0 ?? counted.next() ?? .failure(HelpdeskError(.internalError, "A count is missing")) }
        for case .failure(let error) in results where error.code == .unauthorized { throw error }
        return results
    }

    private static func listAccess(_ user: User?, _ query: TicketQuery) throws -> ListAccess {
        let me = try acting(user)
        if query.trash { try Permissions.requireAdmin(me, to: "see the trash") }
        // Staff may learn which accounts exist; a customer may not (an unknown email matches nothing).
        return ListAccess(
            scope: Permissions.scope(for: me), includeInternal: Permissions.canReadInternal(me), readerId: me.id,
            revealsUnknownPeople: me.role.isStaff)
    }

    /// The tickets assigned to an agent: admins for anyone, agents for themselves.
    /// - Throws: `FORBIDDEN` (customers; an agent naming someone else); `VALIDATION_ERROR` on
    ///   `email`; `NOT_FOUND` (no such user); `UNAUTHORIZED`.
    public func agentTickets(email: String, query: TicketQuery = TicketQuery(), by actor: some ActorReference) async throws -> TicketPage {
        let me = try await currentUser(actor)
        try Permissions.requireStaff(me, to: "list an agent's tickets")
        let normalized = try Validator.email(email, field: "email")
        if me.role == .agent && normalized != me.email {
            throw HelpdeskError.forbidden("Agents may list only their own tickets")
        }
        var query = query
        query.assignee = .email(normalized)
        return try await listTickets(query, by: actor)
    }
}
