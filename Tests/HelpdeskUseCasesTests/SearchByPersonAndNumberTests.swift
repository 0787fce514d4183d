import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// Issue 11 §9: a search finds a ticket by its number and by its requester's email or name, by
/// every path a search takes, and never beyond what the user may see.
struct SearchByPersonAndNumberTests {
    private func numbers(_ fx: StoreFixture, _ text: String, by user: User) async throws -> Set<String> {
        var query = TicketQuery()
        query.search = text
        let listed = Set(try await fx.service.listTickets(query, by: user).tickets.map(\.ticket.number))
        #expect(try await fx.service.countTickets(query, by: user) == listed.count, "\(text) counted as listed")
        return listed
    }

    @Test(arguments: Engine.allCases) func aTicketNumberFindsThatTicketInAnyLetterCase(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let dans = try await fx.file("Printer is on fire", by: fx.dan)
        let erins = try await fx.file("Scanner is on fire", by: fx.erin)
        #expect(try await numbers(fx, dans, by: fx.admin) == [dans])
        #expect(try await numbers(fx, dans.lowercased(), by: fx.admin) == [dans])
        #expect(try await numbers(fx, " \(dans)  \(erins.lowercased()) ", by: fx.admin) == [dans, erins], "several numbers")
        #expect(try await numbers(fx, "TICK-19990101-0001", by: fx.admin).isEmpty)
        #expect(try await numbers(fx, erins, by: fx.dan).isEmpty, "a customer learns nothing of another's ticket")
        #expect(try await numbers(fx, erins, by: fx.bob).isEmpty, "nor an agent of one not theirs")
        #expect(try await numbers(fx, "\(dans) fire", by: fx.admin) == [], "a number among words is searched as text")
    }

    @Test(arguments: Engine.allCases) func aRequestersEmailOrNameFindsTheirTicketsWithinSight(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let dans = try await fx.file("Printer is on fire", by: fx.dan)
        let erins = try await fx.file("Scanner is on fire", by: fx.erin)
        _ = try await fx.service.assign(number: erins, to: "alice@x.test", by: fx.admin)
        let wang = try await fx.service.register(email: "wang@x.test", name: "王小明 Wang", password: "password1")
        let wangs = try await fx.file("Monitor flickers", by: wang)

        #expect(try await numbers(fx, "erin@x.test", by: fx.admin) == [erins])
        #expect(try await numbers(fx, "ERIN@X.TEST", by: fx.admin) == [erins])
        #expect(try await numbers(fx, "Erin", by: fx.admin) == [erins])
        #expect(try await numbers(fx, "eri*", by: fx.admin) == [erins], "a prefix of a name")
        #expect(try await numbers(fx, "Erin", by: fx.alice) == [erins], "the agent assigned sees it")
        #expect(try await numbers(fx, "小明", by: fx.admin) == [wangs], "a substring of a name written without spaces")
        #expect(try await numbers(fx, "wang", by: fx.admin) == [wangs])
        for (search, user) in [("erin@x.test", fx.dan), ("Erin", fx.dan), ("Erin", fx.bob), ("eri*", fx.dan), ("小明", fx.erin)] {
            #expect(try await numbers(fx, search, by: user).isEmpty, "\(search) by \(user.email): nothing beyond sight")
        }
        #expect(try await numbers(fx, "Dan", by: fx.dan) == [dans], "a customer's own name finds their own tickets")
        #expect(try await numbers(fx, "nobody@x.test", by: fx.admin).isEmpty)
        #expect(try await numbers(fx, "Erin fire", by: fx.admin) == [], "every word must be in the name, or every word in the text")
        #expect(try await numbers(fx, "fire", by: fx.admin) == [dans, erins], "text search as before")
    }
}
