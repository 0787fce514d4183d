import Foundation
import HelpdeskCore

extension Helpdesk {
    /// Files a ticket. Anyone may; a customer only for themselves. Staff naming a registered user's
    /// email as the customer file it as that user's (so they see it); an unknown email is kept as
    /// the contact address. The filing user is recorded as the ticket's submitter, so an agent can
    /// go on reading what they filed. With automatic assignment on, the least-loaded active agent gets it.
    /// - Throws: `VALIDATION_ERROR` listing every bad field; `FORBIDDEN` when a customer names
    ///   another email; `UNAUTHORIZED` when the actor is unknown or deactivated.
    public func createTicket(_ input: NewTicketInput, by actor: some ActorReference) async throws -> TicketListing {
        let valid = try TicketRules.validate(input)
        let now = try now()
        return try await storage.createTicket(
            actorId: actor.actorId, customerEmail: valid.customerEmail, candidateLoadStatuses: AutoAssignment.loadStatuses, at: now
        ) { snapshot in
            let me = try Self.acting(snapshot.actor)
            try TicketRules.requireFileAs(me, customerEmail: valid.customerEmail)
            let requester = me.role.isStaff ? snapshot.customer ?? me : me
            var ticket = TicketRules.newTicket(valid, requester: requester, submitter: me, number: snapshot.number, at: now)
            var history = TicketRules.creationHistory(ticket, submitter: me)
            var assigned: Int64?
            if snapshot.autoAssign, let agent = Self.automaticAssignee(snapshot.candidates) {
                history += TicketRules.applyAssignment(&ticket, to: agent, previous: nil, at: now)
                assigned = agent.id
            }
            try AcceptedInstants.require(ticket)
            return NewTicketDecision(ticket: ticket, history: history, assigned: assigned)
        }
    }

    /// Whom automatic assignment picks among the loaded staff (`AutoAssignment`), if anyone.
    static func automaticAssignee(_ candidates: [AgentCandidate]) -> User? {
        let eligible = candidates.filter { AutoAssignment.isCandidate($0.user) }
        guard let id = AutoAssignment.choose(from: eligible.map(\.load)) else { return nil }
        return eligible.first { $0.user.id == id }?.user
    }

    /// One ticket as `actor` may see it.
    /// - Throws: `VALIDATION_ERROR` on `number` (malformed); `NOT_FOUND` (no such ticket, a
    ///   customer's look at another's, anyone's at a ticket in the trash); `FORBIDDEN` (an agent's
    ///   look at a ticket neither assigned to nor requested by them); `UNAUTHORIZED`.
    public func ticket(number: String, by actor: some ActorReference) async throws -> TicketListing {
        try await thread(number: number, comments: false, by: actor).0
    }

    /// A ticket and its thread, oldest first, from one read (the console's detail pane); customers'
    /// reads never select internal notes.
    /// - Throws: as `ticket(number:by:)`.
    public func ticketWithComments(number: String, by actor: some ActorReference) async throws -> (TicketListing, [CommentView]) {
        try await thread(number: number, comments: true, by: actor)
    }

    /// The thread, oldest first; customers' reads never select internal notes.
    /// - Throws: as `ticket(number:by:)`.
    public func comments(number: String, by actor: some ActorReference) async throws -> [CommentView] {
        try await thread(number: number, comments: true, by: actor).1
    }

    /// Every recorded change, oldest first; entries about internal notes are staff-only.
    /// - Throws: as `ticket(number:by:)`.
    public func history(number: String, by actor: some ActorReference) async throws -> [HistoryView] {
        let number = try TicketNumber.parse(number)
        return try await storage.history(number: number, actorId: actor.actorId) { user, ticket in
            try Self.threadAccess(user, ticket, number: number)
        }
    }

    /// Records that the user has seen the ticket as it is now (clears its unread marker).
    /// - Throws: as `ticket(number:by:)`.
    public func markSeen(number: String, by actor: some ActorReference) async throws {
        let number = try TicketNumber.parse(number)
        try await storage.markSeen(number: number, actorId: actor.actorId, at: try now()) { user, ticket in
            _ = try Self.visible(ticket, number: number, to: try Self.acting(user))
        }
    }

    private func thread(number: String, comments: Bool, by actor: some ActorReference) async throws -> (TicketListing, [CommentView]) {
        let number = try TicketNumber.parse(number)
        return try await storage.thread(number: number, actorId: actor.actorId, comments: comments) { user, ticket in
            try Self.threadAccess(user, ticket, number: number)
        }
    }

    private static func threadAccess(_ user: User?, _ ticket: Ticket?, number: String) throws -> ThreadAccess {
        let me = try acting(user)
        _ = try visible(ticket, number: number, to: me)
        return ThreadAccess(includeInternal: Permissions.canReadInternal(me))
    }

    /// Edits the subject, description or category (nil leaves a field as it is).
    /// - Throws: `VALIDATION_ERROR` per field; `FORBIDDEN` (a customer after resolution; an agent on
    ///   a ticket they do not see); `NOT_FOUND` (also a ticket in the trash); `CONFLICT` when
    ///   `expectedVersion` is stale; `UNAUTHORIZED`.
    public func updateTicket(
        number: String, subject: String?, description: String?, category: String?, expectedVersion: Int? = nil,
        by actor: some ActorReference
    ) async throws -> TicketListing {
        try await applying(number: number, expectedVersion: expectedVersion, by: actor) { ticket, me, now in
            try TicketRules.update(&ticket, subject: subject, description: description, category: category, by: me, at: now)
        }
    }

    /// Moves a ticket along the workflow.
    /// - Throws: `VALIDATION_ERROR` on `status` (unknown, or a move the workflow does not allow,
    ///   naming the allowed ones); `FORBIDDEN` (a customer's move other than reopening their own);
    ///   `NOT_FOUND` (also a ticket in the trash); `CONFLICT` (stale `expectedVersion`); `UNAUTHORIZED`.
    public func changeStatus(
        number: String, to status: String, expectedVersion: Int? = nil, by actor: some ActorReference
    ) async throws -> TicketListing {
        let target = try Validator.choice(status, field: "status", as: TicketStatus.self)
        return try await applying(number: number, expectedVersion: expectedVersion, by: actor) { ticket, me, now in
            try TicketRules.changeStatus(&ticket, to: target, by: me, at: now)
        }
    }

    /// Changes the priority; both SLA targets are recomputed from the ticket's creation.
    /// - Throws: `VALIDATION_ERROR` on `priority`; `FORBIDDEN` (customers; agents on tickets they
    ///   do not see); `NOT_FOUND` (also a ticket in the trash); `CONFLICT` (stale `expectedVersion`); `UNAUTHORIZED`.
    public func changePriority(
        number: String, to priority: String, expectedVersion: Int? = nil, by actor: some ActorReference
    ) async throws -> TicketListing {
        let target = try Validator.choice(priority, field: "priority", as: Priority.self)
        return try await applying(number: number, expectedVersion: expectedVersion, by: actor) { ticket, me, now in
            try TicketRules.changePriority(&ticket, to: target, by: me, at: now)
        }
    }

    /// Assigns to the named active agent or admin, or with `email == nil` to the one automatic
    /// assignment picks. Admins only.
    /// - Throws: `FORBIDDEN` (not an admin); `NOT_FOUND` (the ticket, or no user with the email);
    ///   `VALIDATION_ERROR` on `assignee` (malformed, not an active agent or admin, or nobody to
    ///   pick); `CONFLICT` (stale `expectedVersion`); `UNAUTHORIZED`. A ticket in the trash is `NOT_FOUND`.
    public func assign(
        number: String, to email: String?, expectedVersion: Int? = nil, by actor: some ActorReference
    ) async throws -> TicketListing {
        // Loaded under its normalised form when it has one; refused (below) only once the ticket and the
        // right to assign are established, so that a user learns those first.
        let lookup = email.map { (try? Validator.email($0, field: "assignee")) ?? $0 }
        return try await changeTicket(
            number: number, expectedVersion: expectedVersion, by: actor, namedEmail: lookup, candidates: email == nil
        ) { ticket, me, snapshot, now in
            try Permissions.requireAssign(me, ticket)
            let assignee: User
            if let email {
                let named = try Validator.email(email, field: "assignee")
                guard let user = snapshot.named else { throw HelpdeskError.notFound("User \(named)") }
                assignee = user
            } else {
                guard let chosen = Self.automaticAssignee(snapshot.candidates) else {
                    throw HelpdeskError.validation("assignee", "no active agent to assign to")
                }
                assignee = chosen
            }
            var changed = ticket
            let history = try TicketRules.assign(&changed, to: assignee, previous: snapshot.assignee, by: me, at: now)
            return TicketChange(ticket: changed, history: history, assigned: history.isEmpty ? nil : assignee.id)
        }
    }

    /// Adds a public comment or (staff) an internal note. With `expectedVersion`, refuses with
    /// `CONFLICT` if the ticket changed since the writer last saw it (the console passes the version
    /// its editor opened on).
    /// - Throws: `VALIDATION_ERROR` on `body`; `FORBIDDEN` (a customer's internal note, a ticket the
    ///   agent does not see); `NOT_FOUND` (also a ticket in the trash); `CONFLICT`; `UNAUTHORIZED`.
    public func addComment(
        number: String, body: String, isInternal: Bool, expectedVersion: Int? = nil, by actor: some ActorReference
    ) async throws -> CommentView {
        let result = try await changeTicketResult(number: number, expectedVersion: expectedVersion, by: actor) { ticket, me, _, now in
            var changed = ticket
            let (comment, history) = try TicketRules.addComment(&changed, body: body, isInternal: isInternal, by: me, at: now)
            return TicketChange(ticket: changed, history: history, comment: comment)
        }
        guard let comment = result.comment else { throw HelpdeskError(.internalError, "The comment was not saved") }
        return comment
    }

    /// Moves a ticket to the trash (admins); it keeps its comments and history. From then on every
    /// use case but `restoreTicket` and `purgeTicket` answers `NOT_FOUND` for it, admins included;
    /// admins find it with `listTickets` and `TicketQuery.trash`.
    /// - Throws: `FORBIDDEN` (not an admin); `NOT_FOUND` (also a ticket already in the trash);
    ///   `CONFLICT` (no longer at `expectedVersion`); `UNAUTHORIZED`.
    public func deleteTicket(number: String, expectedVersion: Int? = nil, by actor: some ActorReference) async throws -> TicketListing {
        try await applying(
            number: number, expectedVersion: expectedVersion, by: actor, audit: { AuditRecord("ticket.delete", target: $0.number, detail: $0.subject) }
        ) { ticket, me, now in
            try TicketRules.delete(&ticket, by: me, at: now)
        }
    }

    /// Takes a ticket out of the trash (admins).
    /// - Throws: `FORBIDDEN` (not an admin, on a live ticket); `NOT_FOUND` (no such ticket; a ticket in
    ///   the trash, for anyone but an admin); `CONFLICT` (not in the trash); `UNAUTHORIZED`.
    public func restoreTicket(number: String, by actor: some ActorReference) async throws -> TicketListing {
        try await applying(
            number: number, expectedVersion: nil, by: actor, reachingTrash: true, audit: { AuditRecord("ticket.restore", target: $0.number) }
        ) { ticket, me, now in
            try TicketRules.restore(&ticket, by: me, at: now)
        }
    }

    /// Erases a ticket in the trash with its comments and history (admins).
    /// - Throws: as `restoreTicket`; `CONFLICT` when the ticket is not in the trash.
    public func purgeTicket(number: String, by actor: some ActorReference) async throws {
        _ = try await changeTicketResult(number: number, expectedVersion: nil, by: actor, reachingTrash: true) { ticket, me, _, _ in
            try TicketRules.requirePurge(ticket, by: me)
            return TicketChange(
                ticket: ticket, history: [], audit: AuditRecord("ticket.purge", target: ticket.number, detail: ticket.subject), purge: true)
        }
    }

    /// A change that is one rule of the core applied to the ticket, with the audit record of an
    /// admin action (made from the ticket as loaded).
    private func applying(
        number: String, expectedVersion: Int?, by actor: some ActorReference, reachingTrash: Bool = false,
        audit: (@Sendable (Ticket) -> AuditRecord)? = nil,
        _ rule: @escaping @Sendable (_ ticket: inout Ticket, _ me: User, _ now: Date) throws -> [Change]
    ) async throws -> TicketListing {
        try await changeTicket(number: number, expectedVersion: expectedVersion, by: actor, reachingTrash: reachingTrash) {
            ticket, me, _, now in
            var changed = ticket
            let history = try rule(&changed, me, now)
            return TicketChange(ticket: changed, history: history, audit: audit?(ticket))
        }
    }

    /// The decision every change of an existing ticket shares: the actor may act, sees the ticket,
    /// and computed the change from the version stored; then `decide` applies the rule. Only restore
    /// and purge pass `reachingTrash`, which lets an admin's change reach a ticket in the trash
    /// (`Permissions.requireTrashAccess`); for every other change it is NOT_FOUND.
    private func changeTicketResult(
        number: String, expectedVersion: Int?, by actor: some ActorReference, namedEmail: String? = nil, candidates: Bool = false,
        reachingTrash: Bool = false,
        _ decide: @escaping @Sendable (_ ticket: Ticket, _ me: User, _ snapshot: TicketSnapshot, _ now: Date) throws -> TicketChange
    ) async throws -> TicketChangeResult {
        let number = try TicketNumber.parse(number)
        let now = try now()
        let load = TicketLoad(
            number: number, actorId: actor.actorId, namedEmail: namedEmail,
            candidateLoadStatuses: candidates ? AutoAssignment.loadStatuses : nil)
        return try await storage.changeTicket(load, at: now) { snapshot in
            let me = try Self.acting(snapshot.actor)
            guard let ticket = snapshot.ticket else { throw HelpdeskError.notFound("Ticket \(number)") }
            if reachingTrash { try Permissions.requireTrashAccess(me, ticket) } else { try Permissions.requireView(me, ticket) }
            try TicketRules.requireVersion(ticket, expected: expectedVersion)
            let change = try decide(ticket, me, snapshot, now)
            try AcceptedInstants.require(change.ticket)
            return change
        }
    }

    private func changeTicket(
        number: String, expectedVersion: Int?, by actor: some ActorReference, namedEmail: String? = nil, candidates: Bool = false,
        reachingTrash: Bool = false,
        _ decide: @escaping @Sendable (_ ticket: Ticket, _ me: User, _ snapshot: TicketSnapshot, _ now: Date) throws -> TicketChange
    ) async throws -> TicketListing {
        let result = try await changeTicketResult(
            number: number, expectedVersion: expectedVersion, by: actor, namedEmail: namedEmail, candidates: candidates,
            reachingTrash: reachingTrash, decide)
        guard let listing = result.listing else { throw HelpdeskError(.internalError, "The ticket was not saved") }
        return listing
    }
}
