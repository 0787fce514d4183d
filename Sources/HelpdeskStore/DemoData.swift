import Foundation
import GRDB
import HelpdeskCore

/// A sample helpdesk: an admin, agents, customers and a month of tickets in every status, made
/// deterministically from a seed so that every demo looks the same.
public enum DemoData {
    public static let password = "demo-password"

    public struct Login: Sendable, Equatable {
        public var email: String
        public var role: Role
    }

    static let staff: [(String, String, Role)] = [
        ("admin@demo.test", "Ada Admin", .admin),
        ("alice@demo.test", "Alice Agent", .agent),
        ("bob@demo.test", "Bob Agent", .agent),
        ("carol@demo.test", "Carol Agent", .agent),
    ]
    static let customers: [(String, String)] = [
        ("dan@customer.test", "Dan Customer"), ("erin@customer.test", "Erin Customer"),
        ("frank@customer.test", "Frank Customer"), ("grace@customer.test", "Grace Customer"),
        ("heidi@customer.test", "Heidi Customer"),
    ]
    static let subjects = [
        "Cannot log in after password reset", "Invoice shows the wrong VAT number", "Export to CSV times out",
        "Feature request: dark mode for reports", "Two-factor codes arrive late", "Charged twice this month",
        "API returns 500 on large uploads", "How do I add a second admin?", "Sync stuck at 99 percent",
        "Please support SAML single sign-on", "Refund for cancelled plan", "Webhook retries never stop",
        "Mobile app crashes on start", "Change billing email address", "Search misses recent documents",
    ]
    static let replies = [
        "Thanks for the report, I am looking into it now.", "Could you send a screenshot of the error?",
        "We have deployed a fix; please try again.", "I have forwarded this to our billing team.",
        "This is on our roadmap; I have added your vote.",
    ]
    static let notes = [
        "Looks like the same bug as last week's outage.", "Customer is on the enterprise plan, be quick.",
        "Asked engineering in the incident channel.",
    ]

    /// Fills an empty database and returns the logins; a database that has users is left as it is.
    public static func populate(_ service: HelpdeskService, tickets: Int, seed: UInt64 = 2026) throws -> [Login] {
        let logins = staff.map { Login(email: $0.0, role: $0.2) } + customers.map { Login(email: $0.0, role: .customer) }
        let hasUsers = try service.read { db, _ in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users") ?? 0 } > 0
        if hasUsers { return logins }
        let now = service.clock.now()
        let admin = try service.addUser(email: staff[0].0, name: staff[0].1, role: "admin", password: password, by: nil)
        var agents: [User] = []
        for (email, name, role) in staff.dropFirst() {
            agents.append(try service.addUser(email: email, name: name, role: role.rawValue, password: password, by: admin))
        }
        var people: [User] = []
        for (email, name) in customers {
            people.append(try service.register(email: email, name: name, password: password))
        }
        var random = SplitMix64(seed: seed)
        try service.write { db, _ in
            for _ in 0..<tickets {
                try makeTicket(service, db, now: now, admin: admin, agents: agents, customers: people, random: &random)
            }
        }
        return logins
    }

    /// One ticket's life: filed, then (by chance) assigned, answered, paused, resolved and closed,
    /// each step a few minutes to hours after the last and never after `now`.
    private static func makeTicket(
        _ service: HelpdeskService, _ db: Database, now: Date, admin: User, agents: [User], customers: [User],
        random: inout SplitMix64
    ) throws {
        var clock = now.addingTimeInterval(-Double(random.next(below: 30 * 86400)))
        func later(_ maxMinutes: Int) -> Date? {
            clock = clock.addingTimeInterval(Double(60 + random.next(below: maxMinutes * 60)))
            return clock < now ? clock : nil
        }
        let customer = customers[random.next(below: customers.count)]
        let subject = subjects[random.next(below: subjects.count)]
        let input = try TicketRules.validate(NewTicketInput(
            subject: subject, description: "\(subject). It started this week and blocks my work; details follow in the thread.",
            priority: Priority.allCases[[0, 1, 1, 1, 2, 2, 3][random.next(below: 7)]].rawValue,
            category: TicketCategory.allCases[random.next(below: TicketCategory.allCases.count)].rawValue))
        let number = try service.createTicket(input, by: customer, db, clock).ticket.number
        // Older tickets have come further along, as in a real queue.
        let ageInDays = Int(now.timeIntervalSince(clock) / 86400)
        let steps = min(6, random.next(below: 3) + ageInDays / 2)
        guard steps > 0, let assignedAt = later(60) else { return }
        let agent = agents[random.next(below: agents.count)]
        _ = try service.assign(number: number, to: agent.email, expectedVersion: nil, by: admin, db, assignedAt)
        guard steps > 1, let startedAt = later(30) else { return }
        _ = try service.changeStatus(number: number, to: .inProgress, expectedVersion: nil, by: agent, db, startedAt)
        if random.next(below: 3) == 0, let notedAt = later(60) {
            _ = try service.addComment(number: number, body: notes[random.next(below: notes.count)], isInternal: true, by: agent, db, notedAt)
        }
        guard steps > 2, let repliedAt = later(240) else { return }
        _ = try service.addComment(number: number, body: replies[random.next(below: replies.count)], isInternal: false, by: agent, db, repliedAt)
        if random.next(below: 2) == 0, let waitingAt = later(30) {
            _ = try service.changeStatus(number: number, to: .waiting, expectedVersion: nil, by: agent, db, waitingAt)
            guard let answeredAt = later(1440) else { return }
            _ = try service.addComment(number: number, body: "Here is the information you asked for.", isInternal: false, by: customer, db, answeredAt)
        }
        guard steps > 3, let resolvedAt = later(1800) else { return }
        _ = try service.changeStatus(number: number, to: .resolved, expectedVersion: nil, by: agent, db, resolvedAt)
        guard steps > 4, let closedAt = later(4320) else { return }
        _ = try service.changeStatus(number: number, to: .closed, expectedVersion: nil, by: agent, db, closedAt)
    }
}
