import Foundation
import HelpdeskCore
import HelpdeskSQLite

/// Builds the benchmark's helpdesk from a seed: tickets over two years, most of them finished and a
/// backlog of recent ones in every active status, with threads, history and searchable text.
struct Generator {
    var tickets: Int
    var seed: UInt64
    var now: Date
    var agents = 50
    /// The share of tickets written in Chinese (subject, description and thread), drawn from a
    /// generator of its own so that the other tickets are the same whatever the share.
    var chineseShare = 0.0
    var customers: Int { max(100, tickets / 5) }
    static let years = 2.0
    static let threadOf20Every = 997

    static let subjects = [
        "Cannot login after password reset", "Invoice shows the wrong vat number", "Export to csv times out",
        "Dashboard page is very slow", "Two factor codes arrive late", "Charged twice this month",
        "Api returns error on large upload", "How do I add a second admin", "Sync stuck at the last file",
        "Please support single sign on", "Refund for cancelled plan", "Webhook retries never stop",
        "Mobile app crashes on start", "Change billing email address", "Search misses recent documents",
        "Password reset email never arrives", "Notification emails go to spam", "Cannot upload attachment",
    ]

    /// Writes everything; prints progress and returns tickets per second of the bulk path.
    func build(into database: HelpdeskDatabase, log: (String) -> Void) throws -> Double {
        let importer = BulkImport(database: database)
        let hash = try PBKDF2PasswordHasher(rounds: 1_000).hash(BenchSetup.password)
        let start = now.addingTimeInterval(-Self.years * 365 * 86400)
        var people: [(email: String, name: String, role: Role, createdAt: Date)] = [
            ("admin@bench.test", "Ada Admin", .admin, start)
        ]
        for n in 0..<agents { people.append(("agent\(n)@bench.test", "Agent \(n)", .agent, start)) }
        for n in 0..<customers { people.append(("customer\(n)@bench.test", "Customer \(n)", .customer, start)) }
        let users = try importer.addUsers(people, passwordHash: hash)
        let staff = Array(users[1...agents])
        let customerIds = users[(agents + 1)...].map { (id: $0.id, email: $0.email) }

        let vocabulary = Vocabulary()
        let chinese = ChineseVocabulary()
        var random = SplitMix64Source(seed: seed)
        var chineseRandom = SplitMix64Source(seed: seed ^ 0x7A68)
        var sequences: [Int: Int] = [:]
        let clock = ContinuousClock()
        let began = clock.now
        var batch: [ImportedTicket] = []
        batch.reserveCapacity(10_000)
        for index in 0..<tickets {
            let fraction = (Double(index) + random.unit()) / Double(tickets)
            let created = start.addingTimeInterval(pow(fraction, 0.8) * Self.years * 365 * 86400)
            let day = Int(created.timeIntervalSince1970 / 86400)
            let sequence = (sequences[day] ?? 0) + 1
            sequences[day] = sequence
            var ticket = try makeTicket(
                index: index, created: created, day: day, sequence: sequence, staff: staff,
                customers: customerIds, vocabulary: vocabulary, random: &random)
            if chineseShare > 0 && chineseRandom.chance(chineseShare) { Self.write(&ticket, in: chinese, &chineseRandom) }
            batch.append(ticket)
            if batch.count == 10_000 || index == tickets - 1 {
                try importer.addTickets(batch)
                batch.removeAll(keepingCapacity: true)
                if (index + 1) % 100_000 == 0 { log("  \(index + 1) tickets") }
            }
        }
        let seconds = (clock.now - began).seconds
        return Double(tickets) / max(seconds, 1e-9)
    }

    private func makeTicket(
        index: Int, created: Date, day: Int, sequence: Int, staff: [User], customers: [(id: Int64, email: String)],
        vocabulary: Vocabulary, random: inout SplitMix64Source
    ) throws -> ImportedTicket {
        let priority = [Priority.low, .medium, .high, .urgent][random.pick([30, 45, 20, 5])]
        let category = [TicketCategory.technical, .billing, .general, .featureRequest][random.pick([45, 25, 20, 10])]
        let customer = customers[Int(pow(random.unit(), 2) * Double(customers.count))]
        let requester = customer.id
        let agent = staff[Int(pow(random.unit(), 1.5) * Double(staff.count))]
        let ageDays = now.timeIntervalSince(created) / 86400
        let active = random.chance(0.02 + 0.9 * exp(-ageDays / 5))
        let targets = priority.targets
        func within(_ seconds: Double, from base: Date) -> Date {
            min(base.addingTimeInterval(1 + random.unit() * seconds), now.addingTimeInterval(-1))
        }

        let dayString = Self.dayString(day)
        var ticket = Ticket(
            number: TicketNumber.format(day: dayString, sequence: sequence),
            subject: Self.subjects[random.below(Self.subjects.count)] + " " + vocabulary.word(&random),
            description: vocabulary.sentence(20 + random.below(20), &random),
            priority: priority, category: category, requesterId: requester,
            customerEmail: customer.email, createdAt: created)
        var history = [HistoryEntry(ticketId: 0, actorId: requester, at: created, action: .created)]
        /// Every generated move goes through the product's workflow, so the figures are measured on
        /// history the product could hold; an illegal one stops the build.
        func move(_ status: TicketStatus, at time: Date, by actor: Int64) throws {
            do {
                try Workflow.check(ticket, to: status, at: time)
            } catch {
                throw BenchError("generated an illegal move for \(ticket.number): \(error)")
            }
            history.append(HistoryEntry(
                ticketId: 0, actorId: actor, at: time, action: .changed, field: "status",
                oldValue: ticket.status.rawValue, newValue: status.rawValue))
            ticket.status = status
        }

        var last = created
        if active {
            let status = [TicketStatus.open, .assigned, .inProgress, .waiting, .reopened][random.pick([15, 25, 30, 20, 10])]
            if status != .open {
                ticket.assigneeId = agent.id
                last = within(targets.firstResponse * 0.2, from: created)
                history.append(HistoryEntry(ticketId: 0, actorId: agent.id, at: last, action: .assigned, field: "assignee",
                                            newValue: agent.email))
                try move(.assigned, at: last, by: agent.id)
            }
            if [.inProgress, .waiting, .reopened].contains(status) {
                last = within(targets.firstResponse * 1.3, from: last)
                ticket.firstResponseAt = last
                try move(.inProgress, at: last, by: agent.id)
            }
            if status == .waiting {
                last = within(targets.resolution * 0.5, from: last)
                ticket.sla.pausedAt = last
                try move(.waiting, at: last, by: agent.id)
            }
            if status == .reopened {
                // Only a resolved or closed ticket reopens: resolve it first, then the requester
                // reopens it and the resolution clock resumes without the time it spent resolved.
                last = within(targets.resolution * 0.5, from: last)
                ticket.resolvedAt = last
                ticket.sla.pausedAt = last
                try move(.resolved, at: last, by: agent.id)
                let resolvedAt = last
                last = within(targets.resolution * 0.2, from: last)
                ticket.resolvedAt = nil
                ticket.sla.resolutionPausedSeconds += max(0, last.timeIntervalSince(resolvedAt))
                ticket.sla.pausedAt = nil
                try move(.reopened, at: last, by: requester)
            }
        } else {
            ticket.assigneeId = agent.id
            last = within(targets.firstResponse * 0.2, from: created)
            try move(.assigned, at: last, by: agent.id)
            last = within(targets.firstResponse * 1.2, from: last)
            ticket.firstResponseAt = last
            try move(.inProgress, at: last, by: agent.id)
            last = within(targets.resolution * 1.3, from: last)
            ticket.resolvedAt = last
            ticket.sla.pausedAt = last
            try move(.resolved, at: last, by: agent.id)
            let closing = last.addingTimeInterval(86400 * (1 + random.unit() * 6))
            if closing < now {
                last = closing
                ticket.closedAt = closing
                try move(.closed, at: closing, by: agent.id)
            }
        }
        if random.chance(0.001) { ticket.deletedAt = within(86400, from: last) }
        ticket.updatedAt = last
        ticket.version = history.count
        SLAPolicy.refresh(&ticket)

        let count = index % Self.threadOf20Every == 0 ? 20 : [0, 1, 2, 3, 3, 4, 4, 5, 6][random.below(9)]
        var comments: [Comment] = []
        let span = max(last.timeIntervalSince(created), 60)
        for n in 0..<count {
            let isInternal = random.chance(0.2)
            let fromStaff = isInternal || n % 2 == 1 || ticket.firstResponseAt != nil && n == 0
            let at = created.addingTimeInterval(span * Double(n + 1) / Double(count + 1))
            comments.append(Comment(
                ticketId: 0, authorId: fromStaff ? agent.id : requester,
                body: vocabulary.sentence(10 + random.below(20), &random), isInternal: isInternal, createdAt: at))
            if fromStaff && !isInternal { ticket.lastStaffReplyAt = max(ticket.lastStaffReplyAt ?? at, at) }
        }
        return ImportedTicket(ticket: ticket, day: dayString, sequence: sequence, comments: comments, history: history)
    }

    /// Rewrites a generated ticket's text in Chinese, keeping everything else.
    private static func write(_ imported: inout ImportedTicket, in chinese: ChineseVocabulary, _ random: inout SplitMix64Source) {
        imported.ticket.subject = chinese.sentence(3 + random.below(4), &random)
        imported.ticket.description = chinese.sentence(20 + random.below(20), &random)
        for index in imported.comments.indices {
            imported.comments[index].body = chinese.sentence(10 + random.below(20), &random)
        }
    }

    /// `YYYYMMDD` of a day counted from the Unix epoch.
    static func dayString(_ days: Int) -> String {
        TicketNumber.day(of: Date(timeIntervalSince1970: Double(days) * 86400))
    }
}
