import Foundation

/// Which tickets a user's lists and searches range over; the store turns it into a query.
public enum VisibilityScope: Sendable, Equatable {
    case all
    case requester(Int64)
    /// An agent's: tickets assigned to them, requested by them, or filed (submitted) by them.
    case assignedRequestedOrSubmitted(Int64)
}

/// Whose figures a report may count.
public enum ReportScope: Sendable, Equatable {
    case all
    case agent(Int64)
}

/// The seed's permission table, made exact. Every face asks here; none decides on its own.
public enum Permissions {
    public static func scope(for actor: User) -> VisibilityScope {
        switch actor.role {
        case .admin: .all
        case .agent: .assignedRequestedOrSubmitted(actor.id)
        case .customer: .requester(actor.id)
        }
    }

    /// Whether `actor` may read `ticket`: admins every live ticket, agents those assigned to,
    /// requested by or filed by them, customers their own. A ticket in the trash is readable by
    /// nobody (issue 14): admins see it only in the trash list (`TicketQuery.trash`), and reach it
    /// only to restore or purge it (`requireTrashAccess`).
    public static func canView(_ actor: User, _ ticket: Ticket) -> Bool {
        if ticket.isDeleted { return false }
        switch actor.role {
        case .admin: return true
        case .agent: return ticket.assigneeId == actor.id || ticket.requesterId == actor.id || ticket.submitterId == actor.id
        case .customer: return ticket.requesterId == actor.id
        }
    }

    /// A customer never learns that someone else's ticket exists (NOT_FOUND); staff are told they
    /// may not see it (FORBIDDEN). A ticket in the trash is NOT_FOUND for everyone, admins included,
    /// so every action on a ticket but restore and purge answers as if it did not exist.
    /// - Throws: `NOT_FOUND` or `FORBIDDEN` as above.
    public static func requireView(_ actor: User, _ ticket: Ticket) throws {
        guard canView(actor, ticket) else {
            if actor.role == .agent && !ticket.isDeleted {
                throw HelpdeskError.forbidden("Ticket \(ticket.number) is not assigned to, requested by or filed by you")
            }
            throw HelpdeskError.notFound("Ticket \(ticket.number)")
        }
    }

    /// The gate of restore and purge, the only actions that reach a ticket in the trash: an admin
    /// passes whether or not it is there (the rule then says whether the action applies); for anyone
    /// else a ticket in the trash does not exist, and a live one is checked as `requireView`.
    /// - Throws: `NOT_FOUND` (a ticket in the trash, for anyone but an admin); as `requireView`.
    public static func requireTrashAccess(_ actor: User, _ ticket: Ticket) throws {
        if actor.role == .admin { return }
        if ticket.isDeleted { throw HelpdeskError.notFound("Ticket \(ticket.number)") }
        try requireView(actor, ticket)
    }

    /// The statuses this user may move the ticket to now: the console's status menu offers exactly these.
    public static func statusTargets(for actor: User, on ticket: Ticket, at now: Date) -> [TicketStatus] {
        Workflow.targets(from: ticket.status).filter {
            (try? requireStatusChange(actor, ticket, to: $0, at: now)) != nil
        }
    }

    public static func requireStatusChange(_ actor: User, _ ticket: Ticket, to target: TicketStatus, at now: Date) throws {
        try requireView(actor, ticket)
        if actor.role == .customer && target != .reopened {
            throw HelpdeskError.forbidden("Customers may only reopen their own tickets")
        }
        try Workflow.check(ticket, to: target, at: now)
        if target == .assigned && ticket.assigneeId == nil {
            throw HelpdeskError(
                .validation, "A ticket moves to assigned by assigning it to an agent",
                fieldErrors: ["status": ["assign the ticket instead"]])
        }
    }

    public static func requirePriorityChange(_ actor: User, _ ticket: Ticket) throws {
        try requireView(actor, ticket)
        guard actor.role.isStaff else {
            throw HelpdeskError.forbidden("Customers cannot change a ticket's priority")
        }
    }

    public static func requireAssign(_ actor: User, _ ticket: Ticket) throws {
        try requireView(actor, ticket)
        guard actor.role == .admin else {
            throw HelpdeskError.forbidden("Only admins assign tickets")
        }
    }

    /// The people a ticket may be assigned to: active agents and admins.
    public static func requireAssignable(_ user: User) throws {
        guard user.isActive, user.role.isStaff else {
            throw HelpdeskError.validation("assignee", "must be an active agent or admin")
        }
    }

    public static func requireComment(_ actor: User, _ ticket: Ticket, isInternal: Bool) throws {
        try requireView(actor, ticket)
        if isInternal && !actor.role.isStaff {
            throw HelpdeskError.forbidden("Customers cannot write internal comments")
        }
    }

    /// Customers may correct their own ticket while it is still being worked; staff may edit what they see.
    public static func requireUpdate(_ actor: User, _ ticket: Ticket) throws {
        try requireView(actor, ticket)
        if actor.role == .customer && !ticket.status.isActive {
            throw HelpdeskError.forbidden("A resolved or closed ticket can no longer be edited by its requester")
        }
    }

    public static func canReadInternal(_ actor: User) -> Bool { actor.role.isStaff }

    public static func requireAdmin(_ actor: User, to action: String) throws {
        guard actor.role == .admin else {
            throw HelpdeskError.forbidden("Only admins may \(action)")
        }
    }

    public static func reportScope(for actor: User) throws -> ReportScope {
        switch actor.role {
        case .admin: return .all
        case .agent: return .agent(actor.id)
        case .customer: throw HelpdeskError.forbidden("Customers cannot view reports")
        }
    }

    /// Staff may list the agents (to see who handles what); customers may not.
    public static func requireStaff(_ actor: User, to action: String) throws {
        guard actor.role.isStaff else {
            throw HelpdeskError.forbidden("Only agents and admins may \(action)")
        }
    }
}
