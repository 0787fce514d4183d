import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing
@testable import HelpdeskSQLite

/// A page of search results is found either by collecting every match or by probing the index
/// ticket by ticket; whichever the planner picks, every user must get the same pages.
@Suite struct SearchPlanTests {
    @Test func bothPlansGiveTheSamePagesToEveryRole() async throws {
        let fx = try await StoreFixture()
        let seed = TestSeed(default: 11)
        var random = SplitMix64(seed: seed.value)
        let words = ["printer", "invoice", "refund", "crash", "login", "export", "打印机", "网络连接"]
        func text(_ count: Int) -> String { (0..<count).map { _ in words[random.next(below: words.count)] }.joined(separator: " ") }
        for index in 0..<120 {
            let customer = index % 2 == 0 ? fx.dan : fx.erin
            let number = try await fx.service.createTicket(
                NewTicketInput(subject: "Ticket \(index) " + text(2), description: "Details: " + text(6)), by: customer).ticket.number
            if index % 3 == 0 { _ = try await fx.service.assign(number: number, to: index % 2 == 0 ? "alice@x.test" : "bob@x.test", by: fx.admin) }
            if index % 4 == 0 {
                // Internal notes carry words only staff may find.
                _ = try await fx.service.addComment(number: number, body: "note " + text(3) + " zebra", isInternal: true, by: fx.admin)
            }
            if index % 5 == 0 { _ = try await fx.service.addComment(number: number, body: "reply " + text(3), isInternal: false, by: fx.admin) }
        }
        var compared = 0
        for user in [fx.admin, fx.alice, fx.dan] {
            for search in ["printer", "zebra", "\"refund crash\"", "expo*", "login invoice", "打印", "络连", "机", "Dan", "eri*", "erin@x.test", "TICK-20261118-0003 tick-20261118-0010"] {
                for sort in TicketSort.allCases {
                    var query = TicketQuery()
                    query.search = search
                    query.sort = sort
                    query.limit = 7
                    let collected = try await pages(query, user, try fx.service(plan: .collect))
                    let probed = try await pages(query, user, try fx.service(plan: .probe))
                    #expect(collected == probed, "\(user.email) \(search) \(sort); \(seed)")
                    compared += collected.count
                }
            }
        }
        #expect(compared > 500)
        // Customers never find a ticket through a word that only an internal note holds.
        var zebra = TicketQuery()
        zebra.search = "zebra"
        #expect(try await pages(zebra, fx.dan, try fx.service(plan: .probe)).isEmpty)
        #expect(try await !pages(zebra, fx.admin, try fx.service(plan: .probe)).isEmpty)
    }

    /// Issue 12: a prefix is searched as the few words it begins, which a probe can seek in; one
    /// that begins many words is left to the index to merge, and then always collected, since a
    /// probe would merge them again for every ticket it asks about.
    @Test func aPrefixIsSearchedAsItsWordsOrCollectedOnce() async throws {
        let fx = try await StoreFixture()
        let many = (0..<20).map { "zqx" + String(UnicodeScalar(UInt8(97 + $0))) }
        for (index, word) in many.enumerated() {
            _ = try await fx.file("Printer \(index) says \(word)")
        }
        _ = try await fx.service.addComment(number: try await fx.file("Printers everywhere"), body: "A printout", isInternal: false, by: fx.dan)
        let (few, lots) = try await fx.database.writer.read { db in
            (try SearchMatch(SearchTerms(parsing: "Print*"), db), try SearchMatch(SearchTerms(parsing: "zqx*"), db))
        }
        #expect(few?.query == #"("printer" OR "printers" OR "printout")"#, "words of subjects and of comments, folded as the index folds them")
        #expect(few?.mergesPrefix == false)
        #expect(lots?.query == #""zqx"*"#)
        #expect(lots?.mergesPrefix == true)
        let plan = try await fx.database.writer.read { db in try lots.map { try SearchPlanner.plan($0, db) } }
        #expect(plan == .collect)
        for search in ["zqx*", "print*", "printe* zqxc"] {
            var query = TicketQuery()
            query.search = search
            query.limit = 3
            let collected = try await pages(query, fx.dan, try fx.service(plan: .collect))
            #expect(collected == (try await pages(query, fx.dan, try fx.service(plan: .probe))), "\(search)")
            #expect(collected == (try await pages(query, fx.dan, fx.service)), "\(search)")
        }
        var all = TicketQuery()
        all.search = "zqx*"
        #expect(try await fx.service.countTickets(all, by: fx.dan) == 20)
        all.search = "print*"
        #expect(try await fx.service.countTickets(all, by: fx.dan) == 21)
    }

    private func pages(_ query: TicketQuery, _ user: User, _ service: Helpdesk) async throws -> [String] {
        var query = query
        var numbers: [String] = []
        while true {
            let page = try await service.listTickets(query, by: user)
            numbers += page.tickets.map(\.ticket.number)
            guard let next = page.nextCursor else { return numbers }
            query.after = next
        }
    }
}
