import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing
@testable import HelpdeskSQLite

/// An agent's page is read as the union of three branches of their visibility (assigned to them,
/// requested by them, filed by them) instead of one OR (issue 14: the OR sorted all of an agent's
/// tickets for every page). Both must give every user the same pages, in every sort, filter and
/// direction, over a helpdesk where the branches overlap.
@Suite struct UnionScopeTests {
    @Test func theUnionGivesEveryUserTheSamePagesAsTheOr() async throws {
        let fx = try await StoreFixture()
        let seed = TestSeed(default: 19)
        var random = SplitMix64(seed: seed.value)
        func pick<T>(_ values: [T]) -> T { values[random.next(below: values.count)] }
        for index in 0..<90 {
            // Few distinct hours, so that tickets tie on their times and the id breaks the tie.
            let service = fx.at(Double(random.next(below: 4)))
            let filer = pick([fx.dan, fx.erin, fx.alice, fx.bob, fx.admin])
            // Staff file for a customer or a colleague, or for themselves.
            let customer = filer.role == .customer ? nil : pick([nil, "dan@x.test", "erin@x.test", "alice@x.test", "bob@x.test"])
            let input = NewTicketInput(
                subject: "Ticket \(index)", description: "Details of \(index)", priority: pick(Priority.allCases).rawValue,
                category: pick(TicketCategory.allCases).rawValue, customerEmail: customer)
            var ticket = try await service.createTicket(input, by: filer).ticket
            if let agent = pick([nil, "alice@x.test", "bob@x.test", "admin@x.test"]) {
                ticket = try await service.assign(number: ticket.number, to: agent, by: fx.admin).ticket
            }
            for _ in 0..<random.next(below: 4) {
                let targets = Workflow.targets(from: ticket.status).filter { $0 != .assigned || ticket.assigneeId != nil }
                guard !targets.isEmpty else { break }
                ticket = try await service.changeStatus(number: ticket.number, to: pick(targets).rawValue, by: fx.admin).ticket
            }
            if random.next(below: 12) == 0 { _ = try await service.deleteTicket(number: ticket.number, by: fx.admin) }
        }
        let union = Helpdesk(storage: try fx.sqlite, clock: FixedTimeSource(fx.start.addingTimeInterval(10 * 3600)), hasher: StoreFixture.hasher, digest: SHA256Digester())
        let or = Helpdesk(
            storage: try fx.sqlite.with(unionScope: false), clock: FixedTimeSource(fx.start.addingTimeInterval(10 * 3600)),
            hasher: StoreFixture.hasher, digest: SHA256Digester())
        var compared = 0
        for user in [fx.alice, fx.bob, fx.dan, fx.admin] {
            for round in 0..<40 {
                var query = TicketQuery()
                query.sort = pick(TicketSort.allCases)
                query.limit = 1 + random.next(below: 7)
                query.statuses = (0..<random.next(below: 3)).map { _ in pick(TicketStatus.allCases) }
                query.priorities = random.next(below: 3) == 0 ? [pick(Priority.allCases)] : []
                query.assignee = random.next(below: 3) == 0 ? pick([AssigneeFilter.me, AssigneeFilter.none, AssigneeFilter.email("bob@x.test")]) : nil
                query.trash = user.role == .admin && random.next(below: 8) == 0
                query.breaching = random.next(below: 8) == 0
                let forwards = try await pages(query, user, union, backwards: false)
                #expect(forwards == (try await pages(query, user, or, backwards: false)), "\(user.email) round \(round) forwards; \(seed)")
                let backwards = try await pages(query, user, union, backwards: true)
                #expect(backwards == (try await pages(query, user, or, backwards: true)), "\(user.email) round \(round) backwards; \(seed)")
                #expect(forwards.tickets.map(\.ticket.number) == backwards.tickets.map(\.ticket.number), "\(user.email) round \(round): both ways list the same tickets; \(seed)")
                compared += forwards.tickets.count
            }
        }
        print("UnionScopeTests: \(compared) listings compared; \(seed)")
        #expect(compared > 1_000)
        // An agent sees what is assigned to them, requested by them or filed by them, each once.
        var all = TicketQuery()
        all.limit = TicketQuery.maximumLimit
        let alices = try await union.listTickets(all, by: fx.alice).tickets
        #expect(Set(alices.map(\.ticket.number)).count == alices.count)
        #expect(!alices.isEmpty && alices.allSatisfy { [$0.ticket.assigneeId, $0.ticket.requesterId, $0.ticket.submitterId].contains(fx.alice.id) })
    }

    /// Every page of `query` walked forwards from the start, or backwards from the end: the listings
    /// in the list's order and each page's cursors.
    private func pages(_ query: TicketQuery, _ user: User, _ service: Helpdesk, backwards: Bool) async throws -> Walk {
        var query = query
        query.fromEnd = backwards
        var walk = Walk()
        while true {
            let page = try await service.listTickets(query, by: user)
            walk.tickets = backwards ? page.tickets + walk.tickets : walk.tickets + page.tickets
            walk.cursors.append([page.previousCursor, page.nextCursor])
            query.fromEnd = false
            if backwards {
                guard let previous = page.previousCursor else { return walk }
                query.before = previous
            } else {
                guard let next = page.nextCursor else { return walk }
                query.after = next
            }
        }
    }

    private struct Walk: Equatable {
        var tickets: [TicketListing] = []
        var cursors: [[String?]] = []
    }
}
