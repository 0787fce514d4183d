import Foundation

/// What a person typed to file a ticket, before validation.
public struct NewTicketInput: Sendable {
    public var subject: String
    public var description: String
    public var priority: String?
    public var category: String?
    public var customerEmail: String?

    public init(subject: String, description: String, priority: String? = nil, category: String? = nil, customerEmail: String? = nil) {
        self.subject = subject
        self.description = description
        self.priority = priority
        self.category = category
        self.customerEmail = customerEmail
    }
}

/// A new ticket's validated fields.
public struct ValidTicketInput: Sendable, Equatable {
    public var subject: String
    public var description: String
    public var priority: Priority
    public var category: TicketCategory
    public var customerEmail: String?
}

/// The operations on a ticket. Each checks permissions and the workflow, changes the value, and
/// returns the history it must be stored with; the store only loads, calls, and saves.
public enum TicketRules {
    /// Validates every field and reports all problems at once.
    public static func validate(_ input: NewTicketInput) throws -> ValidTicketInput {
        var errors = FieldErrors()
        var subject = "", description = ""
        var priority = Priority.default, category = TicketCategory.default
        var customerEmail: String?
        errors.check("subject") { subject = try Validator.subject(input.subject) }
        errors.check("description") { description = try Validator.description(input.description) }
        if let value = input.priority {
            errors.check("priority") { priority = try Validator.choice(value, field: "priority", as: Priority.self) }
        }
        if let value = input.category {
            errors.check("category") { category = try Validator.choice(value, field: "category", as: TicketCategory.self) }
        }
        if let value = input.customerEmail {
            errors.check("customer_email") { customerEmail = try Validator.email(value, field: "customer_email") }
        }
        try errors.throwIfAny()
        return ValidTicketInput(
            subject: subject, description: description, priority: priority, category: category, customerEmail: customerEmail)
    }

    /// A customer files for themselves; staff may file on a customer's behalf by naming their email.
    public static func requireFileAs(_ actor: User, customerEmail: String?) throws {
        if actor.role == .customer, let customerEmail, customerEmail != actor.email {
            throw HelpdeskError.forbidden("Customers file tickets for themselves only")
        }
    }

    /// A new ticket of `requester`'s, filed by `submitter` (the requester, or staff on their behalf).
    public static func newTicket(_ input: ValidTicketInput, requester: User, submitter: User, number: String, at now: Date) -> Ticket {
        Ticket(
            number: number, subject: input.subject, description: input.description, priority: input.priority,
            category: input.category, requesterId: requester.id, customerEmail: input.customerEmail ?? requester.email,
            submitterId: submitter.id, createdAt: now)
    }

    /// The history of a filing: `created`, and for a ticket filed on someone's behalf the submitter
    /// (field `submitter`, new value their email), so history says who filed it for whom.
    public static func creationHistory(_ ticket: Ticket, submitter: User) -> [Change] {
        guard ticket.submitterId != ticket.requesterId || ticket.customerEmail != submitter.email else { return [Change(.created)] }
        return [Change(.created, field: "submitter", new: submitter.email)]
    }

    public static func changeStatus(_ ticket: inout Ticket, to target: TicketStatus, by actor: User, at now: Date) throws -> [Change] {
        try Permissions.requireStatusChange(actor, ticket, to: target, at: now)
        let change = move(&ticket, to: target, at: now)
        touch(&ticket, at: now)
        return [change]
    }

    /// The move itself, once allowed: the status, the times it sets or clears, and the clocks'
    /// pause or resume (`SLAPolicy.applyStatusChange`).
    private static func move(_ ticket: inout Ticket, to target: TicketStatus, at now: Date, reason: String? = nil) -> Change {
        let old = ticket.status
        ticket.status = target
        switch target {
        case .resolved: ticket.resolvedAt = now
        case .closed: ticket.closedAt = now
        case .reopened:
            ticket.resolvedAt = nil
            ticket.closedAt = nil
        default: break
        }
        SLAPolicy.applyStatusChange(&ticket, from: old, at: now)
        return Change(.changed, field: "status", old: old.rawValue, new: target.rawValue, reason: reason)
    }

    public static func changePriority(_ ticket: inout Ticket, to priority: Priority, by actor: User, at now: Date) throws -> [Change] {
        try Permissions.requirePriorityChange(actor, ticket)
        let old = ticket.priority
        guard old != priority else { return [] }
        ticket.priority = priority
        SLAPolicy.refresh(&ticket)
        touch(&ticket, at: now)
        return [Change(.changed, field: "priority", old: old.rawValue, new: priority.rawValue)]
    }

    /// Assigning an open ticket moves it to assigned.
    public static func assign(
        _ ticket: inout Ticket, to assignee: User, previous: User?, by actor: User, at now: Date
    ) throws -> [Change] {
        try Permissions.requireAssign(actor, ticket)
        try Permissions.requireAssignable(assignee)
        guard ticket.assigneeId != assignee.id else { return [] }
        return applyAssignment(&ticket, to: assignee, previous: previous, at: now)
    }

    /// The assignment itself, once allowed: by an admin, or by automatic assignment on creation.
    public static func applyAssignment(_ ticket: inout Ticket, to assignee: User, previous: User?, at now: Date) -> [Change] {
        var changes = [Change(.assigned, field: "assignee", old: previous?.email, new: assignee.email)]
        ticket.assigneeId = assignee.id
        if ticket.status == .open {
            ticket.status = .assigned
            SLAPolicy.applyStatusChange(&ticket, from: .open, at: now)
            changes.append(Change(.changed, field: "status", old: TicketStatus.open.rawValue, new: TicketStatus.assigned.rawValue))
        }
        touch(&ticket, at: now)
        return changes
    }

    public static func update(
        _ ticket: inout Ticket, subject: String?, description: String?, category: String?, by actor: User, at now: Date
    ) throws -> [Change] {
        try Permissions.requireUpdate(actor, ticket)
        var errors = FieldErrors()
        var newSubject = ticket.subject, newDescription = ticket.description, newCategory = ticket.category
        if let subject { errors.check("subject") { newSubject = try Validator.subject(subject) } }
        if let description { errors.check("description") { newDescription = try Validator.description(description) } }
        if let category {
            errors.check("category") { newCategory = try Validator.choice(category, field: "category", as: TicketCategory.self) }
        }
        try errors.throwIfAny()
        var changes: [Change] = []
        if newSubject != ticket.subject {
            changes.append(Change(.changed, field: "subject", old: ticket.subject, new: newSubject))
            ticket.subject = newSubject
        }
        if newDescription != ticket.description {
            changes.append(Change(.changed, field: "description", old: ticket.description, new: newDescription))
            ticket.description = newDescription
        }
        if newCategory != ticket.category {
            changes.append(Change(.changed, field: "category", old: ticket.category.rawValue, new: newCategory.rawValue))
            ticket.category = newCategory
        }
        if !changes.isEmpty { touch(&ticket, at: now) }
        return changes
    }

    /// The first public comment of staff (other than the requester) meets the first-response clock.
    /// The requester's public comment puts a waiting ticket back in progress, and reopens a resolved
    /// ticket or one closed within `Workflow.reopenWindow` (history records why), so that what a
    /// customer writes always reaches an agent's queue.
    /// - Throws: as `Permissions.requireComment`; `VALIDATION_ERROR` on `body`; `TICKET_CLOSED` when
    ///   the requester replies to a ticket closed longer ago than the reopen window (nothing is stored).
    public static func addComment(
        _ ticket: inout Ticket, body: String, isInternal: Bool, by actor: User, at now: Date
    ) throws -> (Comment, [Change]) {
        try Permissions.requireComment(actor, ticket, isInternal: isInternal)
        let body = try Validator.commentBody(body)
        // The customer's side of the ticket: its requester writing as the contact it was filed for.
        // Staff who filed for an address with no account are recorded as the requester, but write as
        // staff (their replies meet the first-response clock and reopen nothing).
        let customerSide = actor.id == ticket.requesterId && actor.email == ticket.customerEmail
        let requesterReplies = !isInternal && customerSide
        if requesterReplies && ticket.status == .closed && !Workflow.isWithinReopenWindow(ticket, at: now) {
            throw Workflow.reopenWindowPassed(ticket)
        }
        var changes = [Change(.commented, field: "comment", new: isInternal ? "internal" : "public", isInternal: isInternal)]
        if !isInternal {
            if actor.role.isStaff && !customerSide {
                ticket.lastStaffReplyAt = now
                // A reply after the clock stopped (the ticket resolved or closed unanswered) changes nothing.
                _ = SLAPolicy.recordFirstResponse(&ticket, at: now)
            }
            if requesterReplies {
                switch ticket.status {
                case .waiting: changes.append(move(&ticket, to: .inProgress, at: now, reason: Change.requesterReplied))
                case .resolved, .closed: changes.append(move(&ticket, to: .reopened, at: now, reason: Change.requesterReplied))
                default: break
                }
            }
        }
        // What a customer sees must not change because of what they may not see: an internal note
        // moves neither the version nor the update time (the note and its history row are all it adds).
        if !isInternal { touch(&ticket, at: now) }
        let comment = Comment(ticketId: ticket.id, authorId: actor.id, body: body, isInternal: isInternal, createdAt: now)
        return (comment, changes)
    }

    public static func delete(_ ticket: inout Ticket, by actor: User, at now: Date) throws -> [Change] {
        // A ticket already in the trash is NOT_FOUND here, as for every action but restore and purge.
        try Permissions.requireView(actor, ticket)
        try Permissions.requireAdmin(actor, to: "delete tickets")
        ticket.deletedAt = now
        touch(&ticket, at: now)
        return [Change(.deleted)]
    }

    public static func restore(_ ticket: inout Ticket, by actor: User, at now: Date) throws -> [Change] {
        try Permissions.requireTrashAccess(actor, ticket)
        try Permissions.requireAdmin(actor, to: "restore tickets")
        guard ticket.isDeleted else { throw HelpdeskError.conflict("Ticket \(ticket.number) is not in the trash") }
        ticket.deletedAt = nil
        touch(&ticket, at: now)
        return [Change(.restored)]
    }

    /// Purging erases a ticket for good, so it must have been moved to the trash first.
    public static func requirePurge(_ ticket: Ticket, by actor: User) throws {
        try Permissions.requireTrashAccess(actor, ticket)
        try Permissions.requireAdmin(actor, to: "purge tickets")
        guard ticket.isDeleted else {
            throw HelpdeskError.conflict("Ticket \(ticket.number) must be deleted (moved to the trash) before it is purged")
        }
    }

    /// Refuses a change computed from an older version than the one stored.
    public static func requireVersion(_ ticket: Ticket, expected: Int?) throws {
        if let expected, expected != ticket.version {
            throw HelpdeskError.conflict(
                "Ticket \(ticket.number) changed since version \(expected) (now version \(ticket.version)); reload and try again")
        }
    }

    private static func touch(_ ticket: inout Ticket, at now: Date) {
        ticket.updatedAt = now
        ticket.version += 1
    }
}
