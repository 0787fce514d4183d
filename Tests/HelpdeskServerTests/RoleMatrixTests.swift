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
        /// show, thread, history, public reply, internal note, edit, priority, status (to
        /// in_progress), assign, delete.
        var expected: [HTTPResponse.Status] {
            switch self {
            case .requester:
                [.ok, .ok, .ok, .created, .forbidden, .ok, .forbidden, .forbidden, .forbidden, .forbidden]
            case .otherCustomer: Array(repeating: .notFound, count: 10)
            case .unassignedAgent: Array(repeating: .forbidden, count: 10)
            case .assignedAgent: [.ok, .ok, .ok, .created, .created, .ok, .ok, .ok, .forbidden, .forbidden]
            case .admin: [.ok, .ok, .ok, .created, .created, .ok, .ok, .ok, .ok, .noContent]
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
                try await api.send(.get, "\(path)/comments", token: token),
                try await api.send(.get, "\(path)/history", token: token),
                try await api.send(.post, "\(path)/comments", token: token, json: #"{"body": "A public reply"}"#),
                try await api.send(.post, "\(path)/comments", token: token, json: #"{"body": "A staff note", "internal": true}"#),
                try await api.send(.put, path, token: token, json: #"{"subject": "The printer is on fire"}"#),
                try await api.send(.put, "\(path)/priority", token: token, json: #"{"priority": "urgent"}"#),
                try await api.send(.put, "\(path)/status", token: token, json: #"{"status": "in_progress"}"#),
                try await api.send(.post, "\(path)/assign", token: token, json: #"{"assignee": "alice@x.test"}"#),
                try await api.send(.delete, path, token: token),
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
            // The note never reaches a customer, whoever wrote it, by any endpoint.
            for read in ["", "/comments", "/history"] {
                let answer = try await api.send(.get, path + read, token: dan)
                #expect(!answer.text.contains("A staff note"))
            }
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
