import Foundation
import HelpdeskCore

/// A sample helpdesk: an admin, agents, customers and a month of tickets in every status, made
/// deterministically from a seed so that every demo looks the same.
public enum DemoData {
    /// Every sample user's password.
    public static let password = "demo-password"

    /// A sample account to log in as.
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

    /// The sample accounts, the admin first.
    public static let logins = staff.map { Login(email: $0.0, role: $0.2) } + customers.map { Login(email: $0.0, role: .customer) }

    /// Fills an empty helpdesk and returns the logins; a helpdesk that has users is left as it is
    /// (the first-user rule refuses to add the demo's admin). Every step goes through the use cases,
    /// each at its own moment in the past month, so the demo holds only what the product could hold.
    /// - Throws: what the use cases throw (none on an empty helpdesk).
    public static func populate(_ helpdesk: Helpdesk, tickets: Int, seed: UInt64 = 2026) async throws -> [Login] {
        // Every sample user has the same published password: hashed once (at full cost), the hash
        // is shared, so a demo costs one slow hash instead of nine.
        let helpdesk = Helpdesk(
            storage: helpdesk.storage, clock: helpdesk.clock,
            hasher: SharedHash(hash: try await helpdesk.hashPassword(password), password: password, base: helpdesk.hasher),
            digest: helpdesk.digest)
        let admin: User
        do {
            admin = try await helpdesk.addUser(email: staff[0].0, name: staff[0].1, role: "admin", password: password, by: nil)
        } catch let error as HelpdeskError where error.code == .unauthorized {
            return logins
        }
        var agents: [User] = []
        for (email, name, role) in staff.dropFirst() {
            agents.append(try await helpdesk.addUser(email: email, name: name, role: role.rawValue, password: password, by: admin))
        }
        var people: [User] = []
        for (email, name) in customers {
            people.append(try await helpdesk.register(email: email, name: name, password: password))
        }
        var random = SplitMix64(seed: seed)
        for _ in 0..<tickets {
            try await makeTicket(helpdesk, admin: admin, agents: agents, customers: people, random: &random)
        }
        return logins
    }

    /// One ticket's life: filed, then (by chance) assigned, answered, paused, resolved and closed,
    /// each step a few minutes to hours after the last and never after now.
    private static func makeTicket(
        _ helpdesk: Helpdesk, admin: User, agents: [User], customers: [User], random: inout SplitMix64
    ) async throws {
        let now = helpdesk.clock.now()
        var clock = now.addingTimeInterval(-Double(random.next(below: 30 * 86400)))
        func later(_ maxMinutes: Int) -> Helpdesk? {
            clock = clock.addingTimeInterval(Double(60 + random.next(below: maxMinutes * 60)))
            return clock < now ? at(clock) : nil
        }
        func at(_ moment: Date) -> Helpdesk { Helpdesk(storage: helpdesk.storage, clock: FixedTimeSource(moment), hasher: helpdesk.hasher, digest: helpdesk.digest) }
        let customer = customers[random.next(below: customers.count)]
        let subject = subjects[random.next(below: subjects.count)]
        let input = NewTicketInput(
            subject: subject, description: "\(subject). It started this week and blocks my work; details follow in the thread.",
            priority: Priority.allCases[[0, 1, 1, 1, 2, 2, 3][random.next(below: 7)]].rawValue,
            category: TicketCategory.allCases[random.next(below: TicketCategory.allCases.count)].rawValue)
        let number = try await at(clock).createTicket(input, by: customer).ticket.number
        // Older tickets have come further along, as in a real queue.
        let ageInDays = Int(now.timeIntervalSince(clock) / 86400)
        let steps = min(6, random.next(below: 3) + ageInDays / 2)
        guard steps > 0, let assigning = later(60) else { return }
        let agent = agents[random.next(below: agents.count)]
        _ = try await assigning.assign(number: number, to: agent.email, by: admin)
        guard steps > 1, let starting = later(30) else { return }
        _ = try await starting.changeStatus(number: number, to: TicketStatus.inProgress.rawValue, by: agent)
        if random.next(below: 3) == 0, let noting = later(60) {
            _ = try await noting.addComment(number: number, body: notes[random.next(below: notes.count)], isInternal: true, by: agent)
        }
        guard steps > 2, let replying = later(240) else { return }
        _ = try await replying.addComment(number: number, body: replies[random.next(below: replies.count)], isInternal: false, by: agent)
        if random.next(below: 2) == 0, let pausing = later(30) {
            _ = try await pausing.changeStatus(number: number, to: TicketStatus.waiting.rawValue, by: agent)
            guard let answering = later(1440) else { return }
            _ = try await answering.addComment(number: number, body: "Here is the information you asked for.", isInternal: false, by: customer)
        }
        guard steps > 3, let resolving = later(1800) else { return }
        _ = try await resolving.changeStatus(number: number, to: TicketStatus.resolved.rawValue, by: agent)
        guard steps > 4, let closing = later(4320) else { return }
        _ = try await closing.changeStatus(number: number, to: TicketStatus.closed.rawValue, by: agent)
    }
}

/// A hasher that answers the one password it was made for with one precomputed hash (the demo's
/// shared password); anything else is hashed and checked by `base`.
private struct SharedHash: PasswordHasher {
    let hash: String
    let password: String
    let base: any PasswordHasher

    func hash(_ password: String) throws -> String {
        password == self.password ? hash : try base.hash(password)
    }

    func verify(_ password: String, against stored: String) -> Bool { base.verify(password, against: stored) }
    func needsRehash(_ stored: String) -> Bool { base.needsRehash(stored) }
}
