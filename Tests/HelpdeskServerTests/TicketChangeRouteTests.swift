import Foundation
import HelpdeskCore
import HelpdeskWire
import Hummingbird
import Testing

/// Editing, prioritising, assigning, trashing and restoring a ticket over HTTP.
struct TicketChangeRouteTests {
    @Test func editAndPriorityAnswerTheTicketAndRefuseAStaleIfMatch() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let admin = try await api.login("admin@x.test")
            let number = try await api.file(admin)
            let edited = try await api.send(
                .put, "/api/v1/tickets/\(number)", token: admin, json: #"{"subject": "Printer on fire, floor 2", "category": "technical"}"#,
                headers: [.ifMatch: "\"1\""])
            #expect(edited.status == .ok)
            let ticket = try edited.decode(WireTicket.self)
            #expect(ticket.subject == "Printer on fire, floor 2")
            #expect(ticket.category == .technical)
            #expect(ticket.description == "Please help, details inside.")
            let stale = try await api.send(
                .put, "/api/v1/tickets/\(number)/priority", token: admin, json: #"{"priority": "urgent"}"#, headers: [.ifMatch: "\"1\""])
            #expect(stale.status == .conflict)
            #expect(stale.error?.code == .conflict)
            let current = try await api.send(
                .put, "/api/v1/tickets/\(number)/priority", token: admin, json: #"{"priority": "urgent"}"#,
                headers: [.ifMatch: try #require(edited.headers[.eTag])])
            #expect(try current.decode(WireTicket.self).priority == .urgent)
            let bad = try await api.send(.put, "/api/v1/tickets/\(number)", token: admin, json: #"{"subject": "Hi", "category": "food"}"#)
            #expect(Set(bad.error?.errors.keys.map { $0 } ?? []) == ["subject", "category"])
        }
    }

    @Test func assignTakesAnEmailOrAutoButNotBoth() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let admin = try await api.login("admin@x.test")
            let number = try await api.file(admin)
            let both = try await api.send(
                .post, "/api/v1/tickets/\(number)/assign", token: admin, json: #"{"assignee": "alice@x.test", "auto": true}"#)
            #expect(both.status == .badRequest)
            #expect(both.error?.errors["assignee"] != nil)
            let neither = try await api.send(.post, "/api/v1/tickets/\(number)/assign", token: admin, json: "{}")
            #expect(neither.error?.code == .validation)
            let unknown = try await api.send(
                .post, "/api/v1/tickets/\(number)/assign", token: admin, json: #"{"assignee": "nobody@x.test"}"#)
            #expect(unknown.error?.code == .notFound)
            let auto = try await api.send(.post, "/api/v1/tickets/\(number)/assign", token: admin, json: #"{"auto": true}"#)
            #expect(auto.status == .ok)
            let ticket = try auto.decode(WireTicket.self)
            #expect(ticket.assignee == "alice@x.test")
            #expect(ticket.status == .assigned)
            let history = try await api.send(.get, "/api/v1/tickets/\(number)/history", token: admin).decode(WireHistory.self)
            #expect(history.history.contains { $0.field == "assignee" && $0.newValue == "alice@x.test" })
        }
    }

    @Test func deleteMovesToTheTrashAndRestoreBringsItBack() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let admin = try await api.login("admin@x.test")
            let dan = try await api.login("dan@x.test")
            let number = try await api.file(dan)
            let deleted = try await api.send(.delete, "/api/v1/tickets/\(number)", token: admin)
            #expect(deleted.status == .noContent)
            #expect(deleted.body.isEmpty)
            #expect(try await api.send(.get, "/api/v1/tickets/\(number)", token: dan).error?.code == .notFound)
            let trash = try await api.send(.get, "/api/v1/tickets?trash=true", token: admin).decode(WireTicketPage.self)
            #expect(trash.tickets.map(\.number) == [number])
            let again = try await api.send(.delete, "/api/v1/tickets/\(number)", token: admin)
            #expect(again.error?.code == .notFound)
            let restored = try await api.send(.post, "/api/v1/tickets/\(number)/restore", token: admin)
            #expect(restored.status == .ok)
            #expect(try restored.decode(WireTicket.self).deletedAt == nil)
            #expect(try await api.send(.get, "/api/v1/tickets/\(number)", token: dan).status == .ok)
        }
    }
}
