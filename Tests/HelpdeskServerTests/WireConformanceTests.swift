import Foundation
import HelpdeskCore
import HelpdeskWire
import Hummingbird
import Testing

/// What the server really sends matches the document: a walk through every endpoint as each role,
/// successes and refusals, with values that fill the optional keys (an assignee, a first response,
/// a resolution, the trash) and ones that leave them null; every answer's status is one the
/// document gives its operation, and every JSON body conforms to the schema documented for that
/// status: each key the encoder writes is declared, with its type and required-ness.
struct WireConformanceTests {
    /// One answer and the operation (OpenAPI path) it came from.
    struct Exchange {
        let method: HTTPRequest.Method
        let template: String
        let response: APIResponse
    }

    /// Sends requests and keeps every answer.
    final class Recorder: @unchecked Sendable {
        let api: APIClient
        private let lock = NSLock()
        private var exchanges: [Exchange] = []

        init(_ api: APIClient) { self.api = api }

        @discardableResult
        func send(
            _ method: HTTPRequest.Method, _ template: String, _ path: String? = nil, token: String? = nil, json: String? = nil,
            headers: HTTPFields = [:]
        ) async throws -> APIResponse {
            let response = try await api.send(method, path ?? template, token: token, json: json, headers: headers)
            lock.withLock { exchanges.append(Exchange(method: method, template: template, response: response)) }
            return response
        }

        var all: [Exchange] { lock.withLock { exchanges } }
    }

    @Test func everyAnswerOfEveryEndpointConformsToTheDocument() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let record = Recorder(api)
            let document = try JSONValue.parse(try await api.send(.get, "/api/v1/openapi.json").body)
            try await Self.walk(record)
            let check = JSONSchemaCheck(document: document)
            var operations: Set<String> = []
            for exchange in record.all {
                let method = exchange.method.rawValue
                let path = APIPathForm.openAPI(exchange.template)
                let name = "\(method) \(exchange.template) → \(exchange.response.status.code)"
                operations.insert("\(method) \(path)")
                let status = Int(exchange.response.status.code)
                #expect(check.statuses(method, path).contains(status), "\(name): status not documented: \(exchange.response.text)")
                guard !exchange.response.body.isEmpty else {
                    #expect(status == 204, "\(name): an empty body")
                    continue
                }
                #expect(exchange.response.headers[.contentType] == "application/json; charset=utf-8", "\(name)")
                let schema = try #require(check.responseSchema(method, path, status: status), "\(name): no schema")
                let problems = check.problems(try JSONValue.parse(exchange.response.body), schema)
                #expect(problems == [], "\(name): \(problems)")
            }
            // Every JSON operation of the API was exercised (the document's and the page's own routes aside).
            var documented: Set<String> = []
            for (path, item) in document["paths"]?.object ?? [:] where path != "/docs" && path != "/api/v1/openapi.json" {
                for method in (item.object ?? [:]).keys { documented.insert("\(method.uppercased()) \(path)") }
            }
            #expect(documented.subtracting(operations) == [])
        }
    }

    /// Every endpoint, as each role, through success and refusal.
    static func walk(_ record: Recorder) async throws {
        let api = record.api
        try await record.send(.get, "/api/v1/health")
        try await record.send(
            .post, "/api/v1/auth/register", json: #"{"email": "fay@x.test", "username": "Fay", "password": "password1"}"#)
        try await record.send(.post, "/api/v1/auth/register", json: #"{"email": "fay@x.test", "name": "Fay", "password": "password1"}"#)
        try await record.send(.post, "/api/v1/auth/register", json: #"{"email": "nope", "password": "short"}"#)
        let login = try await record.send(.post, "/api/v1/auth/login", json: #"{"email": "dan@x.test", "password": "password1"}"#)
        try await record.send(.post, "/api/v1/auth/login", json: #"{"email": "dan@x.test", "password": "wrong-password"}"#)
        let refreshToken = try #require(try login.decode(WireTokenGrant.self).refreshToken)
        let refreshed = try await record.send(.post, "/api/v1/auth/refresh", json: #"{"refresh_token": "\#(refreshToken)"}"#)
        try await record.send(.post, "/api/v1/auth/refresh", json: "{}")
        try await record.send(.post, "/api/v1/auth/refresh")
        let dan = try refreshed.decode(WireTokenGrant.self).accessToken
        let admin = try await api.login("admin@x.test")
        let alice = try await api.login("alice@x.test")
        let erin = try await api.login("erin@x.test")
        try await record.send(.get, "/api/v1/auth/me", token: dan)
        try await record.send(.get, "/api/v1/auth/me")
        try await record.send(.get, "/api/v1/auth/sessions", token: dan)

        // A ticket of dan's, worked through by alice; one filed by the admin for erin.
        let created = try await record.send(
            .post, "/api/v1/tickets", token: dan, json: #"{"subject": "Sync stuck at 99 percent", "description": "Steps to reproduce below."}"#)
        let number = try created.decode(WireTicket.self).number
        let ticket = "/api/v1/tickets/\(number)"
        let onBehalf = try await record.send(
            .post, "/api/v1/tickets", token: admin,
            json: #"{"subject": "Phoned in by Erin", "description": "Cannot log in since Monday.", "priority": "high", "category": "technical", "customer_email": "erin@x.test"}"#)
        let other = "/api/v1/tickets/\(try onBehalf.decode(WireTicket.self).number)"
        try await record.send(.post, "/api/v1/tickets", token: dan, json: #"{"subject": "Hi", "customer_email": "erin@x.test"}"#)
        try await record.send(
            .post, "/api/v1/tickets", token: dan, json: #"{"subject": "For someone else", "description": "Long enough text.", "customer_email": "erin@x.test"}"#)
        try await record.send(.post, "/api/v1/tickets/:id/assign", "\(ticket)/assign", token: admin, json: #"{"assignee": "alice@x.test"}"#)
        try await record.send(.post, "/api/v1/tickets/:id/assign", "\(ticket)/assign", token: alice, json: #"{"auto": true}"#)
        try await record.send(.put, "/api/v1/tickets/:id/status", "\(ticket)/status", token: alice, json: #"{"status": "in_progress"}"#)
        try await record.send(.put, "/api/v1/tickets/:id/status", "\(ticket)/status", token: alice, json: #"{"status": "open"}"#)
        try await record.send(.put, "/api/v1/tickets/:id/status", "\(ticket)/status", token: dan, json: #"{"status": "closed"}"#)
        try await record.send(.post, "/api/v1/tickets/:id/comments", "\(ticket)/comments", token: alice, json: #"{"body": "Send the log?"}"#)
        try await record.send(
            .post, "/api/v1/tickets/:id/comments", "\(ticket)/comments", token: alice, json: #"{"content": "Known bug.", "is_internal": true}"#)
        try await record.send(.post, "/api/v1/tickets/:id/comments", "\(ticket)/comments", token: dan, json: #"{"body": "Attached."}"#)
        try await record.send(.post, "/api/v1/tickets/:id/comments", "\(ticket)/comments", token: dan, json: #"{"body": "x", "internal": true}"#)
        try await record.send(.put, "/api/v1/tickets/:id/priority", "\(ticket)/priority", token: alice, json: #"{"priority": "urgent"}"#)
        try await record.send(.put, "/api/v1/tickets/:id/priority", "\(ticket)/priority", token: dan, json: #"{"priority": "low"}"#)
        try await record.send(
            .put, "/api/v1/tickets/:id/priority", "\(ticket)/priority", token: alice, json: #"{"priority": "high"}"#, headers: [.ifMatch: "\"1\""])
        try await record.send(.put, "/api/v1/tickets/:id", ticket, token: dan, json: #"{"description": "Steps to reproduce, and the log."}"#)
        try await record.send(.put, "/api/v1/tickets/:id", ticket, token: dan, json: #"{"subject": 5}"#)
        try await record.send(.put, "/api/v1/tickets/:id/status", "\(ticket)/status", token: alice, json: #"{"status": "resolved"}"#)
        for token in [dan, alice, admin] {
            try await record.send(.get, "/api/v1/tickets/:id", ticket, token: token)
            try await record.send(.get, "/api/v1/tickets/:id/comments", "\(ticket)/comments", token: token)
            try await record.send(.get, "/api/v1/tickets/:id/history", "\(ticket)/history", token: token)
            try await record.send(.get, "/api/v1/tickets", token: token)
        }
        try await record.send(.get, "/api/v1/tickets/:id", ticket, token: erin)
        try await record.send(.get, "/api/v1/tickets/:id", other, token: alice)
        try await record.send(.get, "/api/v1/tickets/:id", "/api/v1/tickets/TICK-nope", token: alice)
        try await record.send(.get, "/api/v1/tickets/:id/comments", "/api/v1/tickets/TICK-20000101-0001/comments", token: dan)
        try await record.send(.get, "/api/v1/tickets/:id/history", "\(other)/history", token: dan)
        try await record.send(.get, "/api/v1/tickets", "/api/v1/tickets?status=waiting&status=open&sort=priority&limit=1", token: admin)
        try await record.send(.get, "/api/v1/tickets", "/api/v1/tickets?status=lost&limit=0", token: admin)
        try await record.send(.get, "/api/v1/tickets", "/api/v1/tickets?trash=true", token: dan)

        // The trash: gone for everyone, listed and restored by admins.
        try await record.send(.delete, "/api/v1/tickets/:id", other, token: alice)
        try await record.send(.delete, "/api/v1/tickets/:id", other, token: admin, headers: [.ifMatch: "\"99\""])
        try await record.send(.delete, "/api/v1/tickets/:id", other, token: admin)
        try await record.send(.delete, "/api/v1/tickets/:id", other, token: admin)
        try await record.send(.get, "/api/v1/tickets", "/api/v1/tickets?trash=true", token: admin)
        try await record.send(.post, "/api/v1/tickets/:id/restore", "\(other)/restore", token: erin)
        try await record.send(.post, "/api/v1/tickets/:id/restore", "\(other)/restore", token: admin)
        try await record.send(.post, "/api/v1/tickets/:id/restore", "\(other)/restore", token: admin)
        try await record.send(.post, "/api/v1/tickets/:id/restore", "\(ticket)/restore", token: alice)

        // Reports and staff.
        for token in [admin, alice, dan] {
            try await record.send(.get, "/api/v1/admin/dashboard", token: token)
            try await record.send(.get, "/api/v1/admin/reports/tickets", token: token)
            try await record.send(.get, "/api/v1/admin/reports/agents", token: token)
            try await record.send(.get, "/api/v1/admin/reports/sla", token: token)
            try await record.send(.get, "/api/v1/agents", token: token)
            try await record.send(.get, "/api/v1/agents/:id/tickets", "/api/v1/agents/alice@x.test/tickets", token: token)
        }
        try await record.send(.get, "/api/v1/admin/reports/sla", "/api/v1/admin/reports/sla?from=2026-12-01&to=2026-11-01", token: admin)
        try await record.send(.get, "/api/v1/admin/reports/tickets", "/api/v1/admin/reports/tickets?from=yesterday", token: admin)
        try await record.send(.get, "/api/v1/agents/:id/tickets", "/api/v1/agents/nobody@x.test/tickets", token: admin)

        // Bodies that are not JSON, or too large.
        try await record.send(.post, "/api/v1/tickets", token: dan, json: "{not json")
        try await record.send(.post, "/api/v1/tickets", token: dan, json: String(repeating: "x", count: (1 << 20) + 1))

        // Sessions and passwords last: they end sessions.
        try await record.send(.post, "/api/v1/auth/password", token: erin, json: #"{"current_password": "wrong-one", "new_password": "password2"}"#)
        try await record.send(.post, "/api/v1/auth/password", token: erin, json: #"{"current_password": "password1", "new_password": "short"}"#)
        try await record.send(.post, "/api/v1/auth/password", token: erin, json: #"{"current_password": "password1", "new_password": "password2"}"#)
        try await record.send(.delete, "/api/v1/auth/sessions/:id", "/api/v1/auth/sessions/not-a-session", token: dan)
        let sessions = try await api.send(.get, "/api/v1/auth/sessions", token: admin).decode(WireSessionList.self)
        try await record.send(.delete, "/api/v1/auth/sessions/:id", "/api/v1/auth/sessions/\(try #require(sessions.sessions.first).id)", token: admin)
        try await record.send(.post, "/api/v1/auth/logout", token: alice)
        try await record.send(.post, "/api/v1/auth/logout", token: alice)
        try await record.send(.post, "/api/v1/auth/logout-all", token: dan)
        try await record.send(.post, "/api/v1/auth/logout-all", token: dan)
    }
}

/// Hummingbird's path form to OpenAPI's (the tests' own copy, so a change to the server's cannot hide a mismatch).
enum APIPathForm {
    static func openAPI(_ template: String) -> String {
        template.replacingOccurrences(of: ":id", with: "{id}")
    }
}
