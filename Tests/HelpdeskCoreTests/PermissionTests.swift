import Foundation
import Testing
@testable import HelpdeskCore

/// The README's permission table ("Rules", "Roles"), cell by cell: every action by every role in every
/// relation to the ticket. "Allowed" means the action succeeded and changed the ticket; a refusal must
/// carry the exact code.
struct PermissionTests {
    enum Relation: String, CaseIterable { case requester, assignee, other, submitter }
    enum Action: String, CaseIterable {
        case view, status, reopen, priority, assign, publicComment, internalComment, update, updateResolved, delete, restore, purge
    }
    enum Outcome: Equatable, CustomStringConvertible {
        case allowed
        case refused(ErrorCode)

        var description: String {
            switch self {
            case .allowed: "allowed"
            case .refused(let code): code.rawValue
            }
        }
    }

    static func actor(_ role: Role) -> User {
        switch role {
        case .admin: Fixture.admin
        case .agent: Fixture.agent
        case .customer: Fixture.customer
        }
    }

    /// A ticket related to the actor as asked. A customer is an assignee only when an agent who was
    /// assigned tickets has since been made a customer; they must see those tickets no more than any other.
    static func ticket(for actor: User, _ relation: Relation, status: TicketStatus) -> Ticket {
        switch relation {
        case .requester:
            Fixture.ticket(status: status, requester: actor, assignee: actor.role == .agent ? Fixture.otherAgent : Fixture.agent)
        case .assignee:
            Fixture.ticket(status: status, requester: Fixture.otherCustomer, assignee: actor)
        case .other:
            Fixture.ticket(status: status, requester: Fixture.otherCustomer, assignee: Fixture.otherAgent)
        case .submitter:
            // Filed by the actor for someone else (a customer only if they filed it as staff and were
            // demoted since): an agent sees it as their own work (issue 11, §10); a customer does not.
            {
                var ticket = Fixture.ticket(status: status, requester: Fixture.otherCustomer, assignee: Fixture.otherAgent)
                ticket.submitterId = actor.id
                return ticket
            }()
        }
    }

    /// The status the ticket starts from, and whether it is in the trash, for each action.
    static func start(for action: Action) -> (status: TicketStatus, deleted: Bool) {
        switch action {
        case .reopen, .updateResolved: (.resolved, false)
        case .restore, .purge: (.assigned, true)
        default: (.assigned, false)
        }
    }

    /// Runs the action; a success that changes nothing is recorded as an issue, not as allowed.
    static func attempt(_ action: Action, by actor: User, on base: Ticket) -> Outcome {
        var ticket = base
        let now = Fixture.t0.addingTimeInterval(60)
        do {
            let changes: [Change]
            switch action {
            case .view:
                try Permissions.requireView(actor, ticket)
                return .allowed
            case .purge:
                try TicketRules.requirePurge(ticket, by: actor)
                return .allowed
            case .status: changes = try TicketRules.changeStatus(&ticket, to: .inProgress, by: actor, at: now)
            case .reopen: changes = try TicketRules.changeStatus(&ticket, to: .reopened, by: actor, at: now)
            case .priority: changes = try TicketRules.changePriority(&ticket, to: .urgent, by: actor, at: now)
            case .assign:
                let other = ticket.assigneeId == Fixture.otherAgent.id ? Fixture.agent : Fixture.otherAgent
                changes = try TicketRules.assign(&ticket, to: other, previous: nil, by: actor, at: now)
            case .publicComment: changes = try TicketRules.addComment(&ticket, body: "hello", isInternal: false, by: actor, at: now).1
            case .internalComment: changes = try TicketRules.addComment(&ticket, body: "psst", isInternal: true, by: actor, at: now).1
            case .update, .updateResolved:
                changes = try TicketRules.update(&ticket, subject: "A new subject", description: nil, category: nil, by: actor, at: now)
            case .delete: changes = try TicketRules.delete(&ticket, by: actor, at: now)
            case .restore: changes = try TicketRules.restore(&ticket, by: actor, at: now)
            }
            // An internal note is recorded (its history row) but moves nothing a customer sees.
            let moved = action == .internalComment ? ticket == base : ticket.version == base.version + 1
            #expect(!changes.isEmpty && moved, "\(actor.role) \(action) succeeded but changed nothing, or the wrong thing")
            return .allowed
        } catch let error as HelpdeskError {
            #expect(ticket == base, "a refused \(action) leaves the ticket as it was")
            return .refused(error.code)
        } catch {
            Issue.record("\(actor.role) \(action): not a HelpdeskError: \(error)")
            return .refused(.internalError)
        }
    }

    static let ok = Outcome.allowed, forbidden = Outcome.refused(.forbidden), notFound = Outcome.refused(.notFound)

    /// role.action -> outcome as requester, assignee, other, submitter. From the README: a customer sees only what
    /// they requested (anything else is NOT_FOUND), may only reopen, comment publicly on and edit (until
    /// resolved) their own; an agent sees what is assigned to, requested by or filed by them (anything else
    /// is FORBIDDEN) and may do all but assign and delete/restore/purge there; a ticket in the trash is
    /// NOT_FOUND for everyone but admins; an admin may do everything.
    static let table: [String: [Outcome]] = [
        "customer.view": [ok, notFound, notFound, notFound],
        "customer.status": [forbidden, notFound, notFound, notFound],
        "customer.reopen": [ok, notFound, notFound, notFound],
        "customer.priority": [forbidden, notFound, notFound, notFound],
        "customer.assign": [forbidden, notFound, notFound, notFound],
        "customer.publicComment": [ok, notFound, notFound, notFound],
        "customer.internalComment": [forbidden, notFound, notFound, notFound],
        "customer.update": [ok, notFound, notFound, notFound],
        "customer.updateResolved": [forbidden, notFound, notFound, notFound],
        "customer.delete": [forbidden, notFound, notFound, notFound],
        "customer.restore": [notFound, notFound, notFound, notFound],
        "customer.purge": [notFound, notFound, notFound, notFound],
        "agent.view": [ok, ok, forbidden, ok],
        "agent.status": [ok, ok, forbidden, ok],
        "agent.reopen": [ok, ok, forbidden, ok],
        "agent.priority": [ok, ok, forbidden, ok],
        "agent.assign": [forbidden, forbidden, forbidden, forbidden],
        "agent.publicComment": [ok, ok, forbidden, ok],
        "agent.internalComment": [ok, ok, forbidden, ok],
        "agent.update": [ok, ok, forbidden, ok],
        "agent.updateResolved": [ok, ok, forbidden, ok],
        "agent.delete": [forbidden, forbidden, forbidden, forbidden],
        // A ticket in the trash is gone for everyone but admins: NOT_FOUND, as for customers.
        "agent.restore": [notFound, notFound, notFound, notFound],
        "agent.purge": [notFound, notFound, notFound, notFound],
        "admin.view": [ok, ok, ok, ok],
        "admin.status": [ok, ok, ok, ok],
        "admin.reopen": [ok, ok, ok, ok],
        "admin.priority": [ok, ok, ok, ok],
        "admin.assign": [ok, ok, ok, ok],
        "admin.publicComment": [ok, ok, ok, ok],
        "admin.internalComment": [ok, ok, ok, ok],
        "admin.update": [ok, ok, ok, ok],
        "admin.updateResolved": [ok, ok, ok, ok],
        "admin.delete": [ok, ok, ok, ok],
        "admin.restore": [ok, ok, ok, ok],
        "admin.purge": [ok, ok, ok, ok],
    ]

    @Test("every cell of the permission table", arguments: Role.allCases, Action.allCases)
    func cell(role: Role, action: Action) throws {
        let actor = Self.actor(role)
        let expected = try #require(Self.table["\(role.rawValue).\(action.rawValue)"])
        let (status, deleted) = Self.start(for: action)
        for (index, relation) in Relation.allCases.enumerated() {
            var ticket = Self.ticket(for: actor, relation, status: status)
            if deleted { ticket.deletedAt = Fixture.t0 }
            #expect(Self.attempt(action, by: actor, on: ticket) == expected[index], "\(role) \(action) as \(relation)")
        }
    }

    /// Issue 11, §10: an agent sees what they filed for a customer, besides what is assigned to
    /// them or requested by them; assigning stays an admin's.
    @Test func anAgentSeesTheTicketsTheyFiledForSomeoneElse() throws {
        var input = NewTicketInput(subject: "Phoned in", description: "Customer called about login.", customerEmail: Fixture.customer.email)
        input.priority = "high"
        let valid = try TicketRules.validate(input)
        let ticket = TicketRules.newTicket(valid, requester: Fixture.customer, submitter: Fixture.agent, number: "TICK-20260528-0001", at: Fixture.t0)
        #expect(ticket.submitterId == Fixture.agent.id)
        #expect(ticket.requesterId == Fixture.customer.id)
        #expect(Permissions.canView(Fixture.agent, ticket))
        #expect(!Permissions.canView(Fixture.otherAgent, ticket))
        let error = expectError(.forbidden) { try Permissions.requireView(Fixture.otherAgent, ticket) }
        #expect(error?.message.contains("filed by you") == true)
        expectError(.forbidden) { try Permissions.requireAssign(Fixture.agent, ticket) }
        #expect(Permissions.scope(for: Fixture.agent) == .assignedRequestedOrSubmitted(Fixture.agent.id))
        #expect(TicketRules.creationHistory(ticket, submitter: Fixture.agent) == [Change(.created, field: "submitter", new: Fixture.agent.email)])
        let own = TicketRules.newTicket(valid, requester: Fixture.customer, submitter: Fixture.customer, number: "TICK-20260528-0002", at: Fixture.t0)
        #expect(TicketRules.creationHistory(own, submitter: Fixture.customer) == [Change(.created)])
    }

    @Test func everyRoleAndActionHasARow() {
        let rows = Role.allCases.flatMap { role in Action.allCases.map { "\(role.rawValue).\($0.rawValue)" } }
        #expect(Set(rows) == Set(Self.table.keys))
        #expect(Self.table.values.allSatisfy { $0.count == Relation.allCases.count })
    }

    @Test func onlyStaffReadInternalNotesAndCustomersFileForThemselvesOnly() throws {
        #expect(!Permissions.canReadInternal(Fixture.customer))
        #expect(Permissions.canReadInternal(Fixture.agent))
        #expect(Permissions.canReadInternal(Fixture.admin))
        expectError(.forbidden) { try TicketRules.requireFileAs(Fixture.customer, customerEmail: Fixture.otherCustomer.email) }
        try TicketRules.requireFileAs(Fixture.customer, customerEmail: Fixture.customer.email)
        try TicketRules.requireFileAs(Fixture.agent, customerEmail: Fixture.customer.email)
        try TicketRules.requireFileAs(Fixture.admin, customerEmail: Fixture.customer.email)
        expectError(.forbidden) { try Permissions.requireAdmin(Fixture.agent, to: "manage users") }
        expectError(.forbidden) { try Permissions.requireAdmin(Fixture.customer, to: "manage users") }
        try Permissions.requireAdmin(Fixture.admin, to: "manage users")
    }

    @Test func reportsAreAdminsAllAgentsOwnCustomersNone() throws {
        #expect(try Permissions.reportScope(for: Fixture.admin) == .all)
        #expect(try Permissions.reportScope(for: Fixture.agent) == .agent(Fixture.agent.id))
        expectError(.forbidden) { try Permissions.reportScope(for: Fixture.customer) }
    }

    /// Issue 14: a ticket in the trash is NOT_FOUND for everyone, admins included, for every action
    /// but restore and purge, which only admins reach it for.
    @Test func aTicketInTheTrashIsNotFoundForEveryoneButRestoreAndPurgeByAdmins() throws {
        var ticket = Fixture.ticket(requester: Fixture.customer, assignee: Fixture.agent)
        ticket.deletedAt = Fixture.t0
        for actor in [Fixture.admin, Fixture.agent, Fixture.customer] {
            #expect(!Permissions.canView(actor, ticket), "\(actor.role)")
            expectError(.notFound) { try Permissions.requireView(actor, ticket) }
            var edited = ticket
            expectError(.notFound) { _ = try TicketRules.changeStatus(&edited, to: .inProgress, by: actor, at: Fixture.t0) }
            expectError(.notFound) { _ = try TicketRules.delete(&edited, by: actor, at: Fixture.t0) }
        }
        expectError(.notFound) { try Permissions.requireTrashAccess(Fixture.agent, ticket) }
        expectError(.notFound) { try Permissions.requireTrashAccess(Fixture.customer, ticket) }
        var restored = ticket
        #expect(try TicketRules.restore(&restored, by: Fixture.admin, at: Fixture.t0) == [Change(.restored)])
        #expect(restored.deletedAt == nil)
        try TicketRules.requirePurge(ticket, by: Fixture.admin)
    }

    @Test func statusMenuOffersExactlyTheAllowedMoves() {
        let inProgress = Fixture.ticket(status: .inProgress)
        #expect(Permissions.statusTargets(for: Fixture.agent, on: inProgress, at: Fixture.t0) == [.waiting, .resolved, .closed])
        #expect(Permissions.statusTargets(for: Fixture.customer, on: inProgress, at: Fixture.t0) == [])
        let resolved = Fixture.ticket(status: .resolved)
        #expect(Permissions.statusTargets(for: Fixture.customer, on: resolved, at: Fixture.t0) == [.reopened])
        let closed = Fixture.ticket(status: .closed)
        #expect(Permissions.statusTargets(for: Fixture.customer, on: closed, at: Fixture.t0.addingTimeInterval(8 * 86400)) == [])
    }

    @Test func customersCannotEditFinishedTickets() {
        var resolved = Fixture.ticket(status: .resolved)
        expectError(.forbidden) {
            try TicketRules.update(&resolved, subject: "Changed my mind", description: nil, category: nil, by: Fixture.customer, at: Fixture.t0)
        }
        #expect(resolved.subject == "Printer on fire")
    }
}
