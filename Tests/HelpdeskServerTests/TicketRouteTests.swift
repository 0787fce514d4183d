import Foundation
import HelpdeskCore
import HelpdeskWire
import Hummingbird
import Testing

/// The ticket endpoints as each role meets them.
struct TicketRouteTests {
    @Test func aCustomerFilesATicketAndGets201WithLocationAndETag() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let dan = try await api.login("dan@x.test")
            let response = try await api.send(
                .post, "/api/v1/tickets", token: dan,
                json: #"{"subject": "Cannot log in", "description": "Since yesterday, every time.", "priority": "high", "category": "technical", "extra": 1}"#)
            #expect(response.status == .created)
            let ticket = try response.decode(WireTicket.self)
            #expect(ticket.requester == "dan@x.test")
            #expect(ticket.priority == .high)
            #expect(response.headers[.location] == "/api/v1/tickets/\(ticket.number)")
            #expect(response.headers[.eTag] == "\"\(ticket.version)\"")
        }
    }

    @Test func filingRefusalsListEveryField() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let dan = try await api.login("dan@x.test")
            let response = try await api.send(.post, "/api/v1/tickets", token: dan, json: #"{"subject": "Hi", "priority": "extreme"}"#)
            #expect(response.status == .badRequest)
            #expect(response.error?.code == .validation)
            #expect(Set(response.error?.errors.keys.map { $0 } ?? []) == ["subject", "description", "priority"])
            let forOthers = try await api.send(
                .post, "/api/v1/tickets", token: dan,
                json: #"{"subject": "For Erin", "description": "Filed in someone else's name.", "customer_email": "erin@x.test"}"#)
            #expect(forOthers.status == .forbidden)
            #expect(forOthers.error?.code == .forbidden)
            #expect(try await api.send(.post, "/api/v1/tickets", json: #"{"subject": "Anonymous"}"#).error?.code == .unauthorized)
        }
    }

    @Test func showGivesTheTicketWithTheThreadTheRoleMaySee() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let dan = try await api.login("dan@x.test")
            let admin = try await api.login("admin@x.test")
            let number = try await api.file(dan)
            let note = try await api.send(
                .post, "/api/v1/tickets/\(number)/comments", token: admin, json: #"{"content": "secret-marker-7Q", "is_internal": true}"#)
            #expect(note.status == .created)
            #expect(try note.decode(WireComment.self).internal)
            let reply = try await api.send(.post, "/api/v1/tickets/\(number)/comments", token: admin, json: #"{"body": "We are on it."}"#)
            #expect(reply.status == .created)
            #expect(reply.headers[.location] == "/api/v1/tickets/\(number)/comments")

            let asAdmin = try await api.send(.get, "/api/v1/tickets/\(number)", token: admin)
            #expect(asAdmin.status == .ok)
            let adminView = try asAdmin.decode(WireTicketDetail.self)
            #expect(adminView.extra.comments.map(\.body) == ["secret-marker-7Q", "We are on it."])
            #expect(asAdmin.headers[.eTag] == "\"\(adminView.base.version)\"")

            let asDan = try await api.send(.get, "/api/v1/tickets/\(number)", token: dan)
            #expect(try asDan.decode(WireTicketDetail.self).extra.comments.map(\.body) == ["We are on it."])
            #expect(!asDan.text.contains("secret-marker-7Q"))
            let list = try await api.send(.get, "/api/v1/tickets?search=secret-marker-7Q", token: dan)
            #expect(try list.decode(WireTicketPage.self).tickets.isEmpty)
            #expect(!list.text.contains("secret-marker-7Q"))
        }
    }

    @Test func aCustomerGets404ForSomeoneElsesTicketAndAnAgent403() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let dan = try await api.login("dan@x.test")
            let erin = try await api.login("erin@x.test")
            let alice = try await api.login("alice@x.test")
            let number = try await api.file(dan)
            let asErin = try await api.send(.get, "/api/v1/tickets/\(number)", token: erin)
            #expect(asErin.status == .notFound)
            #expect(asErin.error?.code == .notFound)
            let erinComment = try await api.send(.post, "/api/v1/tickets/\(number)/comments", token: erin, json: #"{"body": "Me too"}"#)
            #expect(erinComment.error?.code == .notFound)
            let asAlice = try await api.send(.get, "/api/v1/tickets/\(number)", token: alice)
            #expect(asAlice.status == .forbidden)
            #expect(asAlice.error?.code == .forbidden)
            let missing = try await api.send(.get, "/api/v1/tickets/TICK-20200101-0001", token: dan)
            #expect(missing.error?.code == .notFound)
        }
    }

    @Test func customersCannotWriteInternalNotes() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let dan = try await api.login("dan@x.test")
            let number = try await api.file(dan)
            let response = try await api.send(
                .post, "/api/v1/tickets/\(number)/comments", token: dan, json: #"{"body": "psst", "internal": true}"#)
            #expect(response.status == .forbidden)
            #expect(response.error?.code == .forbidden)
        }
    }

    @Test func bothAliasKeysAtOnceAreRefused() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let admin = try await api.login("admin@x.test")
            let number = try await api.file(admin)
            let body = try await api.send(
                .post, "/api/v1/tickets/\(number)/comments", token: admin, json: #"{"body": "one", "content": "two"}"#)
            #expect(body.status == .badRequest)
            #expect(body.error?.errors["body"] != nil)
            let flag = try await api.send(
                .post, "/api/v1/tickets/\(number)/comments", token: admin, json: #"{"body": "one", "internal": true, "is_internal": false}"#)
            #expect(flag.status == .badRequest)
            #expect(flag.error?.errors["internal"] != nil)
            let empty = try await api.send(.post, "/api/v1/tickets/\(number)/comments", token: admin, json: #"{}"#)
            #expect(empty.error?.code == .validation)
            let comments = try await api.send(.get, "/api/v1/tickets/\(number)", token: admin)
            #expect(try comments.decode(WireTicketDetail.self).extra.comments.isEmpty)
        }
    }

    @Test func statusChangeHonoursIfMatchAndWritesNothingWhenStale() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let admin = try await api.login("admin@x.test")
            let number = try await api.file(admin)
            let closed = try await api.send(
                .put, "/api/v1/tickets/\(number)/status", token: admin, json: #"{"status": "closed"}"#, headers: [.ifMatch: "\"1\""])
            #expect(closed.status == .ok)
            let ticket = try closed.decode(WireTicket.self)
            #expect(ticket.status == .closed)
            #expect(closed.headers[.eTag] == "\"\(ticket.version)\"")
            let stale = try await api.send(
                .put, "/api/v1/tickets/\(number)/status", token: admin, json: #"{"status": "reopened"}"#, headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .conflict)
            #expect(stale.error?.code == .conflict)
            let after = try await api.send(.get, "/api/v1/tickets/\(number)", token: admin)
            #expect(try after.decode(WireTicketDetail.self).base.status == .closed)
            let badMove = try await api.send(.put, "/api/v1/tickets/\(number)/status", token: admin, json: #"{"status": "in_progress"}"#)
            #expect(badMove.status == .badRequest)
            #expect(badMove.error?.code == .validation)
            let badTag = try await api.send(
                .put, "/api/v1/tickets/\(number)/status", token: admin, json: #"{"status": "reopened"}"#, headers: [.ifMatch: "soon"])
            #expect(badTag.error?.errors["if_match"] != nil)
        }
    }

    @Test func aCustomerMayOnlyReopenTheirOwn() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let dan = try await api.login("dan@x.test")
            let number = try await api.file(dan)
            let response = try await api.send(.put, "/api/v1/tickets/\(number)/status", token: dan, json: #"{"status": "closed"}"#)
            #expect(response.status == .forbidden)
            #expect(response.error?.code == .forbidden)
        }
    }

    @Test func listTakesTheCommandLinesFiltersAndPages() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let dan = try await api.login("dan@x.test")
            let erin = try await api.login("erin@x.test")
            let admin = try await api.login("admin@x.test")
            for index in 1...3 { _ = try await api.file(dan, subject: "Dan's problem \(index)") }
            _ = try await api.file(erin, subject: "Erin's problem")

            let mine = try await api.send(.get, "/api/v1/tickets", token: dan)
            #expect(mine.status == .ok)
            #expect(Set(mine.object.keys) == ["tickets", "next_cursor", "previous_cursor"])
            #expect(try mine.decode(WireTicketPage.self).tickets.allSatisfy { $0.requester == "dan@x.test" })
            #expect(try mine.decode(WireTicketPage.self).tickets.count == 3)

            let first = try await api.send(.get, "/api/v1/tickets?limit=2&sort=created", token: admin).decode(WireTicketPage.self)
            #expect(first.tickets.count == 2)
            let cursor = try #require(first.nextCursor)
            let encoded = cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? cursor
            let second = try await api.send(.get, "/api/v1/tickets?limit=2&sort=created&after=\(encoded)", token: admin)
                .decode(WireTicketPage.self)
            #expect(second.tickets.count == 2)
            #expect(Set(first.tickets.map(\.number)).isDisjoint(with: second.tickets.map(\.number)))

            let byRequester = try await api.send(.get, "/api/v1/tickets?requester=erin@x.test", token: admin).decode(WireTicketPage.self)
            #expect(byRequester.tickets.map(\.subject) == ["Erin's problem"])
            let byStatus = try await api.send(.get, "/api/v1/tickets?status=closed&status=resolved", token: admin).decode(WireTicketPage.self)
            #expect(byStatus.tickets.isEmpty)

            let bad = try await api.send(.get, "/api/v1/tickets?status=lost&limit=many&sort=random", token: admin)
            #expect(bad.status == .badRequest)
            #expect(Set(bad.error?.errors.keys.map { $0 } ?? []) == ["status", "limit", "sort"])
            let trash = try await api.send(.get, "/api/v1/tickets?trash=true", token: dan)
            #expect(trash.error?.code == .forbidden)
        }
    }
}
