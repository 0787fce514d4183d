import Foundation
import HelpdeskWire
import Hummingbird
import Testing

/// What any client meets first: health, unknown routes, wrong methods, bad and oversized bodies.
struct ServerBasicsTests {
    @Test func healthAnswersOk() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let response = try await api.send(.get, "/api/v1/health")
            #expect(response.status == .ok)
            #expect(try response.decode(WireHealth.self) == WireHealth(status: "ok"))
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }

    @Test func unknownRouteIsNotFoundAsTheSeedsObject() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let response = try await api.send(.get, "/api/v1/nothing-here")
            #expect(response.status == .notFound)
            #expect(response.error?.code == .notFound)
            #expect(response.error?.status == "error")
            #expect(Set(response.object.keys) == ["status", "message", "code", "errors"])
        }
    }

    @Test func wrongMethodIsMethodNotAllowedWithAllow() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let response = try await api.send(.delete, "/api/v1/health")
            #expect(response.status == .methodNotAllowed)
            #expect(response.error?.code == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET")
            let login = try await api.send(.get, "/api/v1/auth/login")
            #expect(login.status == .methodNotAllowed)
            #expect(login.headers[.allow] == "POST")
            let tickets = try await api.send(.patch, "/api/v1/tickets")
            #expect(tickets.status == .methodNotAllowed)
            #expect(tickets.headers[.allow] == "GET, POST")
            let status = try await api.send(.get, "/api/v1/tickets/TICK-20261129-0001/status")
            #expect(status.headers[.allow] == "PUT")
            let ticket = try await api.send(.post, "/api/v1/tickets/TICK-20261129-0001")
            #expect(ticket.headers[.allow] == "GET, PUT, DELETE")
        }
    }

    @Test func malformedJSONIsAValidationError() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let response = try await api.send(.post, "/api/v1/auth/login", json: #"{"email": "dan@x.test", "#)
            #expect(response.status == .badRequest)
            #expect(response.error?.code == .validation)
            let wrongType = try await api.send(.post, "/api/v1/auth/login", json: #"{"email": 5, "password": "x"}"#)
            #expect(wrongType.status == .badRequest)
            #expect(wrongType.error?.errors["email"] != nil)
        }
    }

    /// Bodies decoded field by field (a comment's aliases) answer the rule, never the decoder's
    /// description of Swift types.
    @Test func wrongTypesInACommentNameTheFieldAndTheRule() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let token = try await api.login("dan@x.test")
            let number = try await api.file(token)
            for (json, field) in [(#"{"body": 5}"#, "body"), (#"{"body": "hi", "internal": "yes"}"#, "internal"), (#"{"body": "hi", "is_internal": 1}"#, "internal")] {
                let response = try await api.send(.post, "/api/v1/tickets/\(number)/comments", token: token, json: json)
                #expect(response.status == .badRequest, "\(json)")
                #expect(response.error?.code == .validation)
                #expect(response.error?.errors[field] == ["has the wrong type"], "\(json): \(response.text)")
                #expect(!response.text.contains("Swift") && !response.text.contains("DecodingError"), "\(response.text)")
            }
        }
    }

    @Test func bodyOverOneMebibyteIsPayloadTooLarge() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let huge = #"{"email": "dan@x.test", "password": ""# + String(repeating: "a", count: 1 << 20) + #""}"#
            let response = try await api.send(.post, "/api/v1/auth/login", json: huge)
            #expect(response.status == .contentTooLarge)
            #expect(response.error?.code == .payloadTooLarge)
        }
    }
}
