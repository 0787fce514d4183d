import Foundation
import Testing
@testable import HelpdeskCore

/// The seed's permission table, cell by cell: every action by every role in every relation to the ticket.
struct PermissionTests {
    enum Relation: String, CaseIterable { case requester, assignee, other }
    enum Action: String, CaseIterable {
        case view, status, reopen, priority, assign, publicComment, internalComment, update, delete
    }
    enum Outcome: Equatable { case allowed, forbidden, notFound }

    static func actor(_ role: Role) -> User {
        switch role {
        case .admin: Fixture.admin
        case .agent: Fixture.agent
        case .customer: Fixture.customer
        }
    }

    /// A ticket related to the actor as asked; nil where the relation cannot exist (a customer is
    /// never an assignee).
    static func ticket(for actor: User, _ relation: Relation, status: TicketStatus) -> Ticket? {
        switch relation {
        case .requester:
            return Fixture.ticket(status: status, requester: actor, assignee: actor.role == .agent ? Fixture.otherAgent : Fixture.agent)
        case .assignee:
            guard actor.role.isStaff else { return nil }
            return Fixture.ticket(status: status, requester: Fixture.otherCustomer, assignee: actor)
        case .other:
            return Fixture.ticket(status: status, requester: Fixture.otherCustomer, assignee: Fixture.otherAgent)
        }
    }

    static func attempt(_ action: Action, by actor: User, on base: Ticket) -> Outcome {
        var ticket = base
        let now = Fixture.t0.addingTimeInterval(60)
        do {
            switch action {
            case .view: try Permissions.requireView(actor, ticket)
            case .status: _ = try TicketRules.changeStatus(&ticket, to: .inProgress, by: actor, at: now)
            case .reopen: _ = try TicketRules.changeStatus(&ticket, to: .reopened, by: actor, at: now)
            case .priority: _ = try TicketRules.changePriority(&ticket, to: .urgent, by: actor, at: now)
            case .assign: _ = try TicketRules.assign(&ticket, to: Fixture.otherAgent, previous: nil, by: actor, at: now)
            case .publicComment: _ = try TicketRules.addComment(&ticket, body: "hello", isInternal: false, by: actor, at: now)
            case .internalComment: _ = try TicketRules.addComment(&ticket, body: "psst", isInternal: true, by: actor, at: now)
            case .update: _ = try TicketRules.update(&ticket, subject: "A new subject", description: nil, category: nil, by: actor, at: now)
            case .delete: _ = try TicketRules.delete(&ticket, by: actor, at: now)
            }
            return .allowed
        } catch let error as HelpdeskError {
            switch error.code {
            case .forbidden: return .forbidden
            case .notFound: return .notFound
            default: return .allowed  // a workflow or validation refusal is not a permission refusal
            }
        } catch {
            return .forbidden
        }
    }

    /// role.action -> outcome for requester, assignee, other.
    static let table: [String: [Outcome]] = [
        "customer.view": [.allowed, .allowed, .notFound],
        "customer.status": [.forbidden, .allowed, .notFound],
        "customer.reopen": [.allowed, .allowed, .notFound],
        "customer.priority": [.forbidden, .allowed, .notFound],
        "customer.assign": [.forbidden, .allowed, .notFound],
        "customer.publicComment": [.allowed, .allowed, .notFound],
        "customer.internalComment": [.forbidden, .allowed, .notFound],
        "customer.update": [.allowed, .allowed, .notFound],
        "customer.delete": [.forbidden, .allowed, .notFound],
        "agent.view": [.allowed, .allowed, .forbidden],
        "agent.status": [.allowed, .allowed, .forbidden],
        "agent.reopen": [.allowed, .allowed, .forbidden],
        "agent.priority": [.allowed, .allowed, .forbidden],
        "agent.assign": [.forbidden, .forbidden, .forbidden],
        "agent.publicComment": [.allowed, .allowed, .forbidden],
        "agent.internalComment": [.allowed, .allowed, .forbidden],
        "agent.update": [.allowed, .allowed, .forbidden],
        "agent.delete": [.forbidden, .forbidden, .forbidden],
        "admin.view": [.allowed, .allowed, .allowed],
        "admin.status": [.allowed, .allowed, .allowed],
        "admin.reopen": [.allowed, .allowed, .allowed],
        "admin.priority": [.allowed, .allowed, .allowed],
        "admin.assign": [.allowed, .allowed, .allowed],
        "admin.publicComment": [.allowed, .allowed, .allowed],
        "admin.internalComment": [.allowed, .allowed, .allowed],
        "admin.update": [.allowed, .allowed, .allowed],
        "admin.delete": [.allowed, .allowed, .allowed],
    ]

    @Test("every cell of the permission table", arguments: Role.allCases, Action.allCases)
    func cell(role: Role, action: Action) throws {
        let actor = Self.actor(role)
        let expected = try #require(Self.table["\(role.rawValue).\(action.rawValue)"])
        for (index, relation) in Relation.allCases.enumerated() {
            let status: TicketStatus = action == .reopen ? .resolved : .assigned
            guard let ticket = Self.ticket(for: actor, relation, status: status) else { continue }
            #expect(Self.attempt(action, by: actor, on: ticket) == expected[index], "\(role) \(action) as \(relation)")
        }
    }

    @Test func reportsAreAdminsAllAgentsOwnCustomersNone() throws {
        #expect(try Permissions.reportScope(for: Fixture.admin) == .all)
        #expect(try Permissions.reportScope(for: Fixture.agent) == .agent(Fixture.agent.id))
        #expect(throws: HelpdeskError.self) { try Permissions.reportScope(for: Fixture.customer) }
    }

    @Test func deletedTicketsAreVisibleToAdminsOnly() {
        var ticket = Fixture.ticket(requester: Fixture.customer, assignee: Fixture.agent)
        ticket.deletedAt = Fixture.t0
        #expect(Permissions.canView(Fixture.admin, ticket))
        #expect(!Permissions.canView(Fixture.agent, ticket))
        #expect(!Permissions.canView(Fixture.customer, ticket))
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
        #expect(throws: HelpdeskError.self) {
            try TicketRules.update(&resolved, subject: "Changed my mind", description: nil, category: nil, by: Fixture.customer, at: Fixture.t0)
        }
    }
}
