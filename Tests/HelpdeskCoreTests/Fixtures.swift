import Foundation
@testable import HelpdeskCore

/// Fixed people and times for core tests.
enum Fixture {
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28T20:26:40Z
    static let admin = User(id: 1, email: "admin@x.test", name: "Admin", role: .admin, createdAt: t0)
    static let agent = User(id: 2, email: "agent@x.test", name: "Agent", role: .agent, createdAt: t0)
    static let otherAgent = User(id: 3, email: "other@x.test", name: "Other", role: .agent, createdAt: t0)
    static let customer = User(id: 4, email: "cust@x.test", name: "Customer", role: .customer, createdAt: t0)
    static let otherCustomer = User(id: 5, email: "someone@x.test", name: "Someone", role: .customer, createdAt: t0)

    static func ticket(
        status: TicketStatus = .open, priority: Priority = .medium, requester: User = customer, assignee: User? = agent,
        at created: Date = t0
    ) -> Ticket {
        var ticket = Ticket(
            id: 10, number: "TICK-20260528-0001", subject: "Printer on fire", description: "It is really on fire.",
            priority: priority, requesterId: requester.id, customerEmail: requester.email, createdAt: created)
        ticket.assigneeId = assignee?.id
        ticket.status = status
        if !status.isActive { ticket.sla.pausedAt = created }
        if status == .closed { ticket.closedAt = created }
        if status == .resolved { ticket.resolvedAt = created }
        if status == .waiting { ticket.sla.pausedAt = created }
        SLAPolicy.refresh(&ticket)
        return ticket
    }

    static func hours(_ h: Double) -> TimeInterval { h * 3600 }
}
