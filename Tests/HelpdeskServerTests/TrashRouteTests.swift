import Foundation
import HelpdeskCore
import HelpdeskWire
import Hummingbird
import Testing

/// Issue 14: a ticket in the trash is 404 `NOT_FOUND` at every ticket endpoint for every role, admins
/// included; admins list the trash (`?trash=true`) and restore from it, the only way back.
struct TrashRouteTests {
    /// Every ticket endpoint but restore, with a body each would accept on a live ticket.
    static let endpoints: [(method: HTTPRequest.Method, suffix: String, json: String?)] = [
        (.get, "", nil),
        (.put, "", #"{"subject": "A new subject line"}"#),
        (.delete, "", nil),
        (.put, "/status", #"{"status": "in_progress"}"#),
        (.put, "/priority", #"{"priority": "high"}"#),
        (.post, "/assign", #"{"assignee": "alice@x.test"}"#),
        (.get, "/comments", nil),
        (.post, "/comments", #"{"body": "Is anyone there?"}"#),
        (.get, "/history", nil),
    ]

    @Test("a trashed ticket is NOT_FOUND at every endpoint for every role", arguments: ["admin@x.test", "alice@x.test", "dan@x.test"])
    func everyEndpointAnswersNotFound(email: String) async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let admin = try await api.login("admin@x.test")
            let number = try await api.file(try await api.login("dan@x.test"))
            // Assigned to alice, so that she, like dan its requester, would reach it were it live.
            let assigned = try await api.send(.post, "/api/v1/tickets/\(number)/assign", token: admin, json: #"{"assignee": "alice@x.test"}"#)
            #expect(assigned.status == .ok)
            #expect(try await api.send(.delete, "/api/v1/tickets/\(number)", token: admin).status == .noContent)
            let token = try await api.login(email)
            for endpoint in Self.endpoints {
                let path = "/api/v1/tickets/\(number)\(endpoint.suffix)"
                let response = try await api.send(endpoint.method, path, token: token, json: endpoint.json)
                #expect(response.status == .notFound, "\(email) \(endpoint.method) \(path): \(response.text)")
                #expect(response.error?.code == .notFound, "\(email) \(endpoint.method) \(path)")
            }
            // Nothing was written by any of those: the ticket comes back as it went.
            let restored = try await api.send(.post, "/api/v1/tickets/\(number)/restore", token: admin)
            let ticket = try restored.decode(WireTicket.self)
            #expect(ticket.subject == "Printer is on fire")
            #expect(ticket.status == .assigned)
            #expect(ticket.priority == .medium)
        }
    }

    @Test func onlyAdminsListTheTrashAndRestoreFromIt() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let admin = try await api.login("admin@x.test")
            let alice = try await api.login("alice@x.test")
            let dan = try await api.login("dan@x.test")
            let number = try await api.file(dan)
            _ = try await api.send(.post, "/api/v1/tickets/\(number)/assign", token: admin, json: #"{"assignee": "alice@x.test"}"#)
            #expect(try await api.send(.delete, "/api/v1/tickets/\(number)", token: admin).status == .noContent)

            let trash = try await api.send(.get, "/api/v1/tickets?trash=true", token: admin).decode(WireTicketPage.self)
            #expect(trash.tickets.map(\.number) == [number])
            #expect(trash.tickets.first?.deletedAt != nil)
            let live = try await api.send(.get, "/api/v1/tickets", token: admin).decode(WireTicketPage.self)
            #expect(!live.tickets.map(\.number).contains(number))
            for token in [alice, dan] {
                let refused = try await api.send(.get, "/api/v1/tickets?trash=true", token: token)
                #expect(refused.status == .forbidden)
                #expect(refused.error?.code == .forbidden)
                let restore = try await api.send(.post, "/api/v1/tickets/\(number)/restore", token: token)
                #expect(restore.status == .notFound)
                #expect(restore.error?.code == .notFound)
            }
            let restored = try await api.send(.post, "/api/v1/tickets/\(number)/restore", token: admin)
            #expect(restored.status == .ok)
            #expect(try restored.decode(WireTicket.self).deletedAt == nil)
            #expect(try await api.send(.get, "/api/v1/tickets/\(number)", token: alice).status == .ok)
            let twice = try await api.send(.post, "/api/v1/tickets/\(number)/restore", token: admin)
            #expect(twice.status == .conflict)
            #expect(twice.error?.code == .conflict)
        }
    }
}
