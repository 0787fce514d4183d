import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing

struct VisibilityAndSearchTests {
    @Test(arguments: Engine.allCases) func internalNotesReachNoCustomerByAnyPath(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let marker = "zebra4821"
        let number = try await fx.file("Cannot reach the dashboard")
        _ = try await fx.service.assign(number: number, to: "alice@x.test", by: fx.admin)
        _ = try await fx.service.addComment(number: number, body: "Internal: \(marker) suspected", isInternal: true, by: fx.alice)
        _ = try await fx.service.addComment(number: number, body: "We are on it", isInternal: false, by: fx.alice)

        let comments = try await fx.service.comments(number: number, by: fx.dan)
        #expect(comments.map(\.comment.body) == ["We are on it"])
        #expect(!"\(try await fx.service.ticket(number: number, by: fx.dan))".contains(marker))
        let (_, thread) = try await fx.service.ticketWithComments(number: number, by: fx.dan)
        #expect(thread.map(\.comment.body) == ["We are on it"], "the console's detail read too")
        #expect(try await fx.service.ticketWithComments(number: number, by: fx.alice).1.count == 2)
        let customerHistory = try await fx.service.history(number: number, by: fx.dan)
        #expect(customerHistory.contains { $0.entry.action == .commented }, "the public reply is in the customer's history")
        #expect(customerHistory.allSatisfy { !$0.entry.isInternal })
        #expect(try await fx.service.history(number: number, by: fx.alice).contains { $0.entry.isInternal })
        var search = TicketQuery()
        search.search = marker
        #expect(try await fx.service.listTickets(search, by: fx.dan).tickets.isEmpty, "a customer's search never matches an internal note")
        #expect(try await fx.service.listTickets(search, by: fx.alice).tickets.map(\.ticket.number) == [number])
        #expect(try await fx.service.countTickets(search, by: fx.dan) == 0, "nor does a customer's count")
        #expect(try await fx.service.countTickets(search, by: fx.alice) == 1)
        await expectError(.forbidden) { try await fx.service.dashboard(by: fx.dan) }
        #expect(try await fx.service.comments(number: number, by: fx.alice).count == 2)
    }

    @Test(arguments: Engine.allCases) func listsShowEachRoleOnlyWhatItMaySee(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let dans = try await fx.file("Dan's first problem", by: fx.dan)
        let erins = try await fx.file("Erin's only problem", by: fx.erin)
        let alicesOwn = try await fx.file("Alice needs a laptop", by: fx.alice)
        _ = try await fx.service.assign(number: erins, to: "alice@x.test", by: fx.admin)
        func numbers(_ user: User) async throws -> Set<String> {
            Set(try await fx.service.listTickets(TicketQuery(), by: user).tickets.map(\.ticket.number))
        }
        #expect(try await numbers(fx.dan) == [dans])
        #expect(try await numbers(fx.alice) == [erins, alicesOwn])
        #expect(try await numbers(fx.bob) == [])
        #expect(try await numbers(fx.admin) == [dans, erins, alicesOwn])
        await #expect(throws: HelpdeskError(.notFound, "Ticket \(erins) not found")) { try await fx.service.ticket(number: erins, by: fx.dan) }
        await expectError(.forbidden) { try await fx.service.ticket(number: dans, by: fx.bob) }
    }

    @Test(arguments: Engine.allCases) func searchTreatsQuerySyntaxAsText(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let number = try await fx.file("Export to CSV times out")
        _ = try await fx.service.addComment(number: number, body: "The export of \"big-file\" fails NEAR midnight", isInternal: false, by: fx.dan)
        for query in ["\"", "*", "NEAR(", "-", "export)", "AND OR NOT", "\"big-file\"", "a:b", "{subject}:x", "^", "export*", "'; DROP TABLE tickets; --"] {
            var q = TicketQuery()
            q.search = query
            await #expect(throws: Never.self, "\(query)") { try await fx.service.listTickets(q, by: fx.admin) }
        }
        func hits(_ text: String) async throws -> Int {
            var q = TicketQuery()
            q.search = text
            return try await fx.service.listTickets(q, by: fx.admin).tickets.count
        }
        #expect(try await hits("export") == 1)
        #expect(try await hits("exp*") == 1)
        #expect(try await hits("\"times out\"") == 1)
        #expect(try await hits("\"out times\"") == 0)
        #expect(try await hits("midnight") == 1, "public comments are searched")
        #expect(try await hits("nonexistentword") == 0)
        #expect(try await fx.allTickets().count == 1)
    }

    @Test(arguments: Engine.allCases) func keysetPagesVisitEveryTicketOnceInEverySort(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        var expected: Set<String> = []
        for index in 0..<23 {
            let number = try await fx.file("Problem number \(index)", priority: ["low", "medium", "high", "urgent"][index % 4], hours: Double(index % 5))
            expected.insert(number)
            if index % 3 == 0 { _ = try await fx.at(6).assign(number: number, to: "alice@x.test", by: fx.admin) }
        }
        for sort in TicketSort.allCases {
            var query = TicketQuery()
            query.sort = sort
            query.limit = 5
            var seen: [TicketListing] = []
            var pages = 0
            repeat {
                let page = try await fx.at(7).listTickets(query, by: fx.admin)
                seen += page.tickets
                query.after = page.nextCursor
                pages += 1
            } while query.after != nil && pages < 20
            #expect(seen.count == 23, "\(sort)")
            #expect(Set(seen.map(\.ticket.number)) == expected, "\(sort)")
            // Paging backwards from the 22nd ticket gives the 21 before it in the same order.
            var head = TicketQuery()
            head.sort = sort
            head.limit = 22
            let first22 = try await fx.at(7).listTickets(head, by: fx.admin)
            var backwards = TicketQuery()
            backwards.sort = sort
            backwards.limit = 4
            backwards.before = first22.nextCursor
            var walked: [TicketListing] = []
            while backwards.before != nil {
                let page = try await fx.at(7).listTickets(backwards, by: fx.admin)
                walked = page.tickets + walked
                backwards.before = page.previousCursor
            }
            #expect(walked.map(\.ticket.number) == first22.tickets.dropLast().map(\.ticket.number), "backwards \(sort)")
            if sort == .due {
                let dues = seen.map { $0.ticket.sla.nextDue ?? .distantFuture }
                #expect(dues == dues.sorted(), "next breach first")
            }
            if sort == .priority {
                let ranks = seen.map(\.ticket.priority.sortRank)
                #expect(ranks == ranks.sorted(), "urgent first")
            }
            if sort == .created {
                let created = seen.map(\.ticket.createdAt)
                #expect(created == created.sorted(by: >), "newest first")
            }
        }
    }

    @Test(arguments: Engine.allCases) func forgedCursorsAreAClearError(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        for forged in ["garbage", "eyJzb3J0IjoiZHVlIn0", String(repeating: "A", count: 600), ""] {
            var query = TicketQuery()
            query.after = forged
            do {
                _ = try await fx.service.listTickets(query, by: fx.admin)
                Issue.record("accepted \(forged)")
            } catch let error as HelpdeskError {
                #expect(error.code == .validation)
                #expect(error.fieldErrors["after"] != nil)
            }
        }
        let number = try await fx.file()
        _ = try await fx.file()
        var query = TicketQuery()
        query.limit = 1
        query.sort = .created
        let cursor = try #require(try await fx.service.listTickets(query, by: fx.admin).nextCursor)
        query.sort = .due
        query.after = cursor
        await expectError(.validation, field: "after", "a cursor from another sort is refused") { try await fx.service.listTickets(query, by: fx.admin) }
        _ = number
    }

    @Test(arguments: Engine.allCases) func filtersCombine(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let urgent = try await fx.file("Urgent database outage", priority: "urgent")
        _ = try await fx.file("Low priority question", priority: "low")
        _ = try await fx.service.assign(number: urgent, to: "bob@x.test", by: fx.admin)
        var query = TicketQuery()
        query.priorities = [.urgent, .high]
        query.assignee = .email("bob@x.test")
        query.statuses = [.assigned]
        #expect(try await fx.service.listTickets(query, by: fx.admin).tickets.map(\.ticket.number) == [urgent])
        query.assignee = AssigneeFilter.none
        #expect(try await fx.service.listTickets(query, by: fx.admin).tickets.isEmpty)
        var mine = TicketQuery()
        mine.assignee = .me
        #expect(try await fx.service.listTickets(mine, by: fx.bob).tickets.map(\.ticket.number) == [urgent])
    }
}

struct RandomizedQueryTests {
    @Test(arguments: Engine.allCases) func randomSearchTextAndCursorsNeverRaiseADatabaseError(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        _ = try await fx.file("Export to CSV times out")
        let seed = TestSeed(default: 99)
        var random = SplitMix64(seed: seed.value)
        let pieces = ["\"", "*", "NEAR", "(", ")", "-", "^", ":", "{", "}", "AND", "OR", "NOT", "export", "csv", " ", "'", ";", "日本", "\u{0}", "+"]
        for _ in 0..<500 {
            var query = TicketQuery()
            query.search = (0..<random.next(below: 8)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
            do {
                _ = try await fx.service.listTickets(query, by: fx.admin)
            } catch let error as HelpdeskError where error.code == .validation && error.fieldErrors["search"] != nil {
                // A limit of issue 12 (a short prefix such as `日本*`): refused by the core, never run.
            } catch let error as HelpdeskError {
                Issue.record("search \(query.search ?? "") raised \(error); \(seed)")
            }
            var forged = TicketQuery()
            forged.after = (0..<random.next(below: 40)).map { _ in String(UnicodeScalar(UInt8(33 + random.next(below: 90)))) }.joined()
            do {
                _ = try await fx.service.listTickets(forged, by: fx.admin)
            } catch let error as HelpdeskError {
                #expect(error.code == .validation && error.fieldErrors["after"] != nil, "cursor \(forged.after ?? "") raised \(error); \(seed)")
            }
        }
    }

    /// The console counts every view in one read; a view that cannot be counted spoils no other, and
    /// a user who may not act gets no count at all.
    @Test(arguments: Engine.allCases) func viewsAreCountedTogetherEachWithItsOwnAnswer(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        _ = try await fx.file("Dan's ticket", by: fx.dan)
        _ = try await fx.file("Erin's ticket", by: fx.erin)
        var unknownAssignee = TicketQuery()
        unknownAssignee.assignee = .email("nobody@x.test")
        var trash = TicketQuery()
        trash.trash = true
        var tooMany = TicketQuery()
        tooMany.limit = 10_000
        let answers = try await fx.service.countTickets([TicketQuery(), unknownAssignee, trash, tooMany, TicketQuery()], by: fx.dan)
        #expect(try answers[0].get() == 1, "Dan sees his own")
        #expect(try answers[1].get() == 0, "a customer's unknown email matches nothing")
        #expect(answers[2].failureCode == .forbidden, "the trash is for admins")
        #expect(answers[3].failureCode == .validation)
        #expect(try answers[4].get() == 1)
        #expect(try await fx.service.countTickets([TicketQuery(), trash], by: fx.admin).map { try $0.get() } == [2, 0])
        #expect(try await fx.service.countTickets([unknownAssignee, TicketQuery()], by: fx.admin).map(\.failureCode) == [.notFound, nil])
        _ = try await fx.service.setActive(email: "dan@x.test", active: false, by: fx.admin)
        await expectError(.unauthorized) { try await fx.service.countTickets([TicketQuery()], by: fx.dan) }
    }
}

extension Result where Failure == HelpdeskError {
    /// The code of a failed answer; nil for a count.
    var failureCode: ErrorCode? {
        if case .failure(let error) = self { error.code } else { nil }
    }
}

/// What a customer sees must not change because of what they may not see.
struct InternalNoteExposureTests {
    @Test(arguments: Engine.allCases) func anInternalNoteMovesNeitherVersionNorUpdateTime(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let number = try await fx.file()
        _ = try await fx.service.assign(number: number, to: "alice@x.test", by: fx.admin)
        let before = try await fx.service.ticket(number: number, by: fx.dan).ticket
        _ = try await fx.at(2).addComment(number: number, body: "Internal: ask finance", isInternal: true, by: fx.alice)
        let after = try await fx.service.ticket(number: number, by: fx.dan).ticket
        #expect(after.version == before.version)
        #expect(after.updatedAt == before.updatedAt)
        var byUpdate = TicketQuery()
        byUpdate.sort = .updated
        let other = try await fx.at(1).createTicket(
            NewTicketInput(subject: "Filed an hour later", description: "Updated after the first ticket."), by: fx.dan).ticket.number
        #expect(try await fx.service.listTickets(byUpdate, by: fx.dan).tickets.map(\.ticket.number) == [other, number],
            "the note at hour 2 did not move the first ticket above the one filed at hour 1")
        // A customer's change made from the version they saw is not refused because of a note.
        _ = try await fx.service.updateTicket(
            number: number, subject: "Printer is still on fire", description: nil, category: nil, expectedVersion: before.version, by: fx.dan)
        #expect(try await fx.service.history(number: number, by: fx.alice).contains { $0.entry.isInternal }, "the note is recorded")
    }
}

/// A customer's filters do not tell them which emails have accounts.
struct UnknownPeopleTests {
    @Test(arguments: Engine.allCases) func aCustomersFilterOnAnUnknownEmailMatchesNothing(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        _ = try await fx.file("Dan's ticket", by: fx.dan)
        for (assignee, requester) in [("nobody@x.test", nil), (nil, "nobody@x.test"), ("alice@x.test", nil), (nil, "erin@x.test")] as [(String?, String?)] {
            var query = TicketQuery()
            query.assignee = assignee.map { .email($0) }
            query.requesterEmail = requester
            #expect(try await fx.service.listTickets(query, by: fx.dan).tickets.isEmpty, "\(String(describing: assignee)) \(String(describing: requester))")
            #expect(try await fx.service.countTickets(query, by: fx.dan) == 0)
        }
        var unknown = TicketQuery()
        unknown.requesterEmail = "nobody@x.test"
        await expectError(.notFound) { try await fx.service.listTickets(unknown, by: fx.alice) }
        await expectError(.validation, field: "requester") {
            var malformed = TicketQuery()
            malformed.requesterEmail = "not an email"
            return try await fx.service.listTickets(malformed, by: fx.dan)
        }
    }
}
