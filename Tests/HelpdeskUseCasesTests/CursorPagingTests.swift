import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// Cursors carry times as whole milliseconds; an engine must place the next page exactly, however
/// the stored times fall between seconds.
struct CursorPagingTests {
    @Test(arguments: Engine.allCases) func pagesOfOneVisitEveryTicketWithMillisecondTimes(engine: Engine) async throws {
        let fx = try await StoreFixture(engine, start: Date(timeIntervalSince1970: 1_795_000_000.001))
        var filed: [String] = []
        // Creation times a millisecond apart, and some on the same millisecond (the id breaks the tie).
        for (index, offset) in [0.0, 0.001, 0.998, 0.999, 0.999, 1.5, 2.25].enumerated() {
            let at = Helpdesk(
                storage: fx.storage, clock: FixedTimeSource(fx.start.addingTimeInterval(offset)), hasher: StoreFixture.hasher, digest: StoreFixture.digest)
            let priority = Priority.allCases[index % Priority.allCases.count].rawValue
            filed.append(try await at.createTicket(
                NewTicketInput(subject: "Millisecond ticket \(index)", description: "Filed between two seconds.", priority: priority),
                by: fx.dan).ticket.number)
        }
        for sort in TicketSort.allCases {
            var all = TicketQuery()
            all.sort = sort
            all.limit = TicketQuery.maximumLimit
            let expected = try await fx.service.listTickets(all, by: fx.admin).tickets.map(\.ticket.number)
            #expect(Set(expected) == Set(filed))
            var query = all
            query.limit = 1
            var forward: [String] = []
            var cursors: [String] = []
            while true {
                let page = try await fx.service.listTickets(query, by: fx.admin)
                forward += page.tickets.map(\.ticket.number)
                guard let next = page.nextCursor else { break }
                cursors.append(next)
                query.after = next
            }
            #expect(forward == expected, "forward, sort \(sort)")
            // And back: from the last page's previous cursor to the first.
            var back = TicketQuery()
            back.sort = sort
            back.limit = 1
            var backward: [String] = [try #require(forward.last)]
            var before = try await fx.service.listTickets({ var q = all; q.limit = 1; q.after = cursors.last; return q }(), by: fx.admin).previousCursor
            while let cursor = before {
                back.before = cursor
                let page = try await fx.service.listTickets(back, by: fx.admin)
                backward.insert(contentsOf: page.tickets.map(\.ticket.number), at: 0)
                before = page.previousCursor
            }
            #expect(backward == expected, "backward, sort \(sort)")
            // The last page, read from the end: the order's tail, nothing after it, and a cursor back.
            var last = all
            last.limit = 3
            last.fromEnd = true
            let tail = try await fx.service.listTickets(last, by: fx.admin)
            #expect(tail.tickets.map(\.ticket.number) == Array(expected.suffix(3)), "last page, sort \(sort)")
            #expect(tail.nextCursor == nil)
            var earlier = all
            earlier.limit = 10
            earlier.before = try #require(tail.previousCursor)
            #expect(try await fx.service.listTickets(earlier, by: fx.admin).tickets.map(\.ticket.number) == Array(expected.dropLast(3)))
        }
        var mixed = TicketQuery()
        mixed.fromEnd = true
        mixed.after = "x"
        await expectError(.validation, field: "from_end") { _ = try await fx.service.listTickets(mixed, by: fx.admin) }
    }
}
