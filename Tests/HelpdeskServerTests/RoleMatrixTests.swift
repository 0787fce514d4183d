import Foundation
import HelpdeskCore
import HelpdeskWire
import Hummingbird
import Testing

/// Every ticket endpoint as each kind of caller meets Dan's ticket: its requester, another customer,
/// an agent it is not assigned to, the agent it is assigned to, and an admin. The answers follow
/// the README's permission table; a customer never learns that someone else's ticket exists.
struct RoleMatrixTests {
    enum Caller: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case requester, otherCustomer, unassignedAgent, assignedAgent, admin

        var testDescription: String { rawValue }

        var email: String {
            switch self {
            case .requester: "dan@x.test"
            case .otherCustomer: "erin@x.test"
            case .unassignedAgent: "bob@x.test"
            case .assignedAgent: "alice@x.test"
            case .admin: "admin@x.test"
            }
        }

        /// The status each endpoint answers this caller with, in the order the test calls them:
        /// show, public reply, internal note, status change (to in_progress).
        var expected: [HTTPResponse.Status] {
            switch self {
            case .requester: [.ok, .created, .forbidden, .forbidden]
            case .otherCustomer: [.notFound, .notFound, .notFound, .notFound]
            case .unassignedAgent: [.forbidden, .forbidden, .forbidden, .forbidden]
            case .assignedAgent, .admin: [.ok, .created, .created, .ok]
            }
        }
    }

    @Test(arguments: Caller.allCases)
    func eachTicketEndpointAnswersTheCallerAsThePermissionTableSays(caller: Caller) async throws {
        let fixture = try await APIFixture()
        _ = try await fixture.helpdesk().addUser(email: "bob@x.test", name: "Bob", role: "agent", password: "password1", by: fixture.admin)
        try await fixture.client { api in
            let dan = try await api.login("dan@x.test")
            let number = try await api.file(dan)
            _ = try await fixture.helpdesk().assign(number: number, to: "alice@x.test", by: fixture.admin)
            let token = try await api.login(caller.email)
            let path = "/api/v1/tickets/\(number)"
            let answers = [
                try await api.send(.get, path, token: token),
                try await api.send(.post, "\(path)/comments", token: token, json: #"{"body": "A public reply"}"#),
                try await api.send(.post, "\(path)/comments", token: token, json: #"{"body": "A staff note", "internal": true}"#),
                try await api.send(.put, "\(path)/status", token: token, json: #"{"status": "in_progress"}"#),
            ]
            #expect(answers.map(\.status) == caller.expected, "\(answers.map(\.text))")
            for answer in answers where answer.status.code >= 400 {
                #expect(answer.error?.code == ErrorCode(status: answer.status))
            }
            // Everyone lists, files and reads themselves.
            #expect(try await api.send(.get, "/api/v1/tickets", token: token).status == .ok)
            #expect(try await api.send(.get, "/api/v1/auth/me", token: token).status == .ok)
            let filed = try await api.send(
                .post, "/api/v1/tickets", token: token, json: #"{"subject": "My own problem", "description": "Something broke today."}"#)
            #expect(filed.status == .created)
            // The note never reaches a customer, whoever wrote it.
            let thread = try await api.send(.get, path, token: dan)
            #expect(!thread.text.contains("A staff note"))
        }
    }
}

extension ErrorCode {
    /// The code a refusal under `status` carries in this matrix.
    init?(status: HTTPResponse.Status) {
        switch status {
        case .forbidden: self = .forbidden
        case .notFound: self = .notFound
        case .badRequest: self = .validation
        default: return nil
        }
    }
}
