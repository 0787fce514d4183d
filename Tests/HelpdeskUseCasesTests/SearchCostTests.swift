import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// Issue 12: a search a user shapes cannot cost without bound; what is refused says what to change.
struct SearchCostTests {
    @Test(arguments: Engine.allCases) func searchesWithoutABoundAreRefusedOnSearchBeforeTheyRun(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let number = try await fx.file("Export to CSV times out")
        func query(_ text: String) -> TicketQuery {
            var query = TicketQuery()
            query.search = text
            return query
        }
        for costly in ["a*", "e*", "ex*", "a* a*", Array(repeating: "a*", count: 10).joined(separator: " "), "one two three four five six seven eight nine"] {
            await expectError(.validation, field: "search", "\(costly)") { try await fx.service.listTickets(query(costly), by: fx.dan) }
            #expect(try await fx.service.countTickets([query(costly)], by: fx.dan)[0].failureCode == .validation, "\(costly)")
        }
        // What stays allowed still finds the ticket: a prefix of three, a word typed many times.
        #expect(try await fx.service.listTickets(query("exp*"), by: fx.dan).tickets.map(\.ticket.number) == [number])
        #expect(try await fx.service.listTickets(query("export EXPORT Export export"), by: fx.dan).tickets.map(\.ticket.number) == [number])
        #expect(try await fx.service.listTickets(query("\"times out\" csv exp*"), by: fx.dan).tickets.map(\.ticket.number) == [number])
    }
}
