import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing
@testable import HelpdeskSQLite

/// The sidebar counts and dashboard totals come from a tally kept by triggers; after any mix of
/// changes they must equal what the lists themselves hold.
@Suite struct TallyTests {
    @Test func countsMatchTheListsAfterRandomChanges() async throws {
        let fx = try await StoreFixture()
        let seed = TestSeed(default: 7)
        await seed.run { random in
            var numbers: [String] = []
            let staff = [fx.admin, fx.alice, fx.bob]
            let customers = [fx.dan, fx.erin]
            let statuses = TicketStatus.allCases.map(\.rawValue)
            for step in 0..<400 {
                let service = fx.at(Double(step) / 5)
                let admin = fx.admin
                if numbers.isEmpty || random.next(below: 4) == 0 {
                    // Staff file some tickets themselves, so agents appear as requesters too.
                    let filer = random.next(below: 5) == 0 ? fx.alice : customers[random.next(below: 2)]
                    numbers.append(try await service.createTicket(
                        NewTicketInput(subject: "Ticket \(step)", description: "The body of ticket \(step)", priority: ["low", "medium", "high", "urgent"][random.next(below: 4)]),
                        by: filer).ticket.number)
                    continue
                }
                let number = numbers[random.next(below: numbers.count)]
                // Many moves are refused by the workflow; the refusals must leave the tally alone too,
                // and anything but a HelpdeskError (a database error) fails the test.
                do {
                    switch random.next(below: 7) {
                    case 0: _ = try await service.assign(number: number, to: [nil, "alice@x.test", "bob@x.test"][random.next(below: 3)], by: admin)
                    case 1, 2: _ = try await service.changeStatus(number: number, to: statuses[random.next(below: statuses.count)], by: staff[random.next(below: 3)])
                    case 3: _ = try await service.changePriority(number: number, to: ["low", "medium", "high", "urgent"][random.next(below: 4)], by: admin)
                    case 4: _ = try await service.updateTicket(
                        number: number, subject: nil, description: nil,
                        category: ["technical", "billing", "general", "feature_request"][random.next(below: 4)], by: admin)
                    case 5: _ = try await service.deleteTicket(number: number, by: admin)
                    default:
                        if random.next(below: 2) == 0 {
                            _ = try await service.restoreTicket(number: number, by: admin)
                        } else {
                            try await service.purgeTicket(number: number, by: admin)
                        }
                    }
                } catch let error as HelpdeskError {
                    if error.code == .internalError { throw error }
                }
            }

            var queries: [TicketQuery] = [TicketQuery()]
            for assignee in [nil, AssigneeFilter.me, AssigneeFilter.none, .email("bob@x.test")] {
                for statuses in [[], [TicketStatus.open], [.assigned, .inProgress, .reopened], [.resolved, .closed]] {
                    var query = TicketQuery()
                    query.assignee = assignee
                    query.statuses = statuses
                    query.priorities = random.next(below: 2) == 0 ? [] : [.high, .urgent]
                    query.categories = random.next(below: 3) == 0 ? [.billing] : []
                    queries.append(query)
                }
            }
            var trash = TicketQuery()
            trash.trash = true
            var checked = 0
            for user in [fx.admin, fx.alice, fx.bob, fx.dan] {
                for query in queries + (user.role == .admin ? [trash] : []) {
                    let counted = try await fx.at(40).countTickets(query, by: user)
                    #expect(counted == (try await listed(query, by: user, fx)), "\(user.email) \(query); \(seed)")
                    checked += counted
                }
            }
            #expect(checked > 0)

            try await expectVolumeMatchesTheTickets(fx, seed)
            let board = try await fx.at(40).dashboard(by: fx.admin)
            for status in TicketStatus.allCases {
                var query = TicketQuery()
                query.statuses = [status]
                #expect(board.byStatus[status.rawValue] == (try await listed(query, by: fx.admin, fx)), "\(status); \(seed)")
            }
        }
    }

    /// The volume chart reads per-day counts kept by triggers; they must equal counting the tickets.
    private func expectVolumeMatchesTheTickets(_ fx: StoreFixture, _ seed: TestSeed) async throws {
        let period = ReportPeriod(from: fx.start.addingTimeInterval(-86400 * 2), until: fx.start.addingTimeInterval(86400 * 4))
        for (user, scope) in [(fx.admin, ""), (fx.alice, " AND assignee_id = \(fx.alice.id)")] {
            let days = try await fx.at(40).volume(period, by: user)
            for day in days {
                let created = try await fx.count("SELECT COUNT(*) FROM tickets WHERE deleted_at IS NULL AND substr(created_at, 1, 10) = '\(day.date)'\(scope)")
                let finished = try await fx.count(
                    "SELECT COUNT(*) FROM tickets WHERE deleted_at IS NULL AND substr(COALESCE(resolved_at, closed_at), 1, 10) = '\(day.date)'\(scope)")
                #expect(day.created == created, "\(user.email) created \(day.date); \(seed)")
                #expect(day.resolved == finished, "\(user.email) resolved \(day.date); \(seed)")
            }
            #expect(days.reduce(0) { $0 + $1.created } > 0)
            if user.role == .admin { #expect(days.reduce(0) { $0 + $1.resolved } > 0) }
        }
    }

    private func listed(_ query: TicketQuery, by user: User, _ fx: StoreFixture) async throws -> Int {
        var query = query
        query.limit = TicketQuery.maximumLimit
        var total = 0
        while true {
            let page = try await fx.at(40).listTickets(query, by: user)
            total += page.tickets.count
            guard let next = page.nextCursor else { return total }
            query.after = next
        }
    }
}
