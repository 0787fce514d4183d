import Foundation
import HelpdeskCore
import HelpdeskUseCases
import HelpdeskSQLite
import Testing

/// Every command-line action by every role in every relation to the ticket, against the README's
/// permission table: "ok" is exit status 0, a refusal must carry its exact code and that code's exit status.
struct PermissionMatrixTests {
    enum Relation: String, CaseIterable { case requester, assignee, other }
    enum Start { case assigned, resolved, trashed }

    /// The README's "Exit statuses" table.
    static let exitStatus: [String: Int32] = [
        "ok": 0, "INTERNAL_ERROR": 1, "VALIDATION_ERROR": 2, "UNAUTHORIZED": 3, "FORBIDDEN": 4, "NOT_FOUND": 5, "CONFLICT": 6,
    ]

    /// action -> (CLI arguments after the number, where the ticket starts)
    static let actions: [(name: String, arguments: [String], start: Start)] = [
        ("show", ["ticket", "show"], .assigned), ("comments", ["ticket", "comments"], .assigned),
        ("history", ["ticket", "history"], .assigned), ("update", ["ticket", "update", "--subject", "A better subject"], .assigned),
        ("update-resolved", ["ticket", "update", "--subject", "A later subject"], .resolved),
        ("status", ["ticket", "status", "-", "in_progress"], .assigned), ("reopen", ["ticket", "status", "-", "reopened"], .resolved),
        ("priority", ["ticket", "priority", "-", "urgent"], .assigned), ("assign", ["ticket", "assign", "-", "root@x.test"], .assigned),
        ("reply", ["ticket", "comment", "-", "--body", "hello"], .assigned),
        ("note", ["ticket", "comment", "-", "--body", "psst", "--internal"], .assigned),
        ("delete", ["ticket", "delete"], .assigned), ("restore", ["ticket", "restore"], .trashed), ("purge", ["ticket", "purge"], .trashed),
    ]

    /// role -> action -> outcome as requester, assignee, other: "ok", "FORBIDDEN" or "NOT_FOUND". A customer
    /// is an assignee only as a demoted agent, and sees such a ticket no more than anyone else's.
    static let expected: [String: [String: [String]]] = [
        "customer": [
            "show": ["ok", "NOT_FOUND", "NOT_FOUND"], "comments": ["ok", "NOT_FOUND", "NOT_FOUND"],
            "history": ["ok", "NOT_FOUND", "NOT_FOUND"], "update": ["ok", "NOT_FOUND", "NOT_FOUND"],
            "update-resolved": ["FORBIDDEN", "NOT_FOUND", "NOT_FOUND"], "status": ["FORBIDDEN", "NOT_FOUND", "NOT_FOUND"],
            "reopen": ["ok", "NOT_FOUND", "NOT_FOUND"], "priority": ["FORBIDDEN", "NOT_FOUND", "NOT_FOUND"],
            "assign": ["FORBIDDEN", "NOT_FOUND", "NOT_FOUND"], "reply": ["ok", "NOT_FOUND", "NOT_FOUND"],
            "note": ["FORBIDDEN", "NOT_FOUND", "NOT_FOUND"], "delete": ["FORBIDDEN", "NOT_FOUND", "NOT_FOUND"],
            "restore": ["NOT_FOUND", "NOT_FOUND", "NOT_FOUND"], "purge": ["NOT_FOUND", "NOT_FOUND", "NOT_FOUND"],
        ],
        "agent": [
            "show": ["ok", "ok", "FORBIDDEN"], "comments": ["ok", "ok", "FORBIDDEN"], "history": ["ok", "ok", "FORBIDDEN"],
            "update": ["ok", "ok", "FORBIDDEN"], "update-resolved": ["ok", "ok", "FORBIDDEN"], "status": ["ok", "ok", "FORBIDDEN"],
            "reopen": ["ok", "ok", "FORBIDDEN"], "priority": ["ok", "ok", "FORBIDDEN"], "assign": ["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
            "reply": ["ok", "ok", "FORBIDDEN"], "note": ["ok", "ok", "FORBIDDEN"], "delete": ["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
            // A ticket in the trash is gone for everyone but admins: NOT_FOUND, as for customers.
            "restore": ["NOT_FOUND", "NOT_FOUND", "NOT_FOUND"], "purge": ["NOT_FOUND", "NOT_FOUND", "NOT_FOUND"],
        ],
        "admin": Dictionary(uniqueKeysWithValues: actions.map { ($0.name, ["ok", "ok", "ok"]) }),
    ]

    @Test("every action × role × relation", arguments: ["customer", "agent", "admin"])
    func matrix(role: String) async throws {
        let cli = try CLI()
        try cli.seedUsers(extra: ["customer:erin@x.test:Erin", "admin:root@x.test:Root"])
        let actor = try #require(["customer": "dan@x.test", "agent": "bob@x.test", "admin": "admin@x.test"][role])
        let service = Helpdesk(
            storage: SQLiteStorage(database: try HelpdeskDatabase(path: cli.database)),
            clock: FixedTimeSource(ISO8601DateFormatter().date(from: cli.now) ?? Date()),
            hasher: PBKDF2PasswordHasher(rounds: 1_000), digest: SHA256Digester())
        let root = try await service.actor(email: "root@x.test")
        #expect(Set(Self.expected[role]?.keys ?? [:].keys) == Set(Self.actions.map(\.name)))
        for action in Self.actions {
            for (index, relation) in Relation.allCases.enumerated() {
                let outcome = try #require(Self.expected[role]?[action.name]?[index])
                let requester = relation == .requester ? actor : "erin@x.test"
                let assignee = relation == .assignee ? actor : "alice@x.test"
                let number = try await service.createTicket(
                    NewTicketInput(subject: "Matrix \(action.name) \(relation)", description: "A ticket for the permission matrix"),
                    by: try await service.actor(email: requester)
                ).ticket.number
                let demoted = role == "customer" && relation == .assignee
                if demoted { _ = try await service.setRole(email: actor, role: "agent", by: root) }
                _ = try await service.assign(number: number, to: assignee, by: root)
                if demoted { _ = try await service.setRole(email: actor, role: "customer", by: root) }
                if action.start == .resolved {
                    _ = try await service.changeStatus(number: number, to: "in_progress", by: root)
                    _ = try await service.changeStatus(number: number, to: "resolved", by: root)
                }
                if action.start == .trashed { _ = try await service.deleteTicket(number: number, by: root) }
                var arguments = action.arguments
                if let dash = arguments.firstIndex(of: "-") { arguments[dash] = number } else { arguments.insert(number, at: 2) }
                let result = try cli.run(arguments + ["--json"], as: actor)
                let code = result.status == 0 ? "ok" : try result.json()["code"] as? String
                #expect(code == outcome, "\(role) \(action.name) as \(relation): \(result.stdout)")
                #expect(result.status == Self.exitStatus[outcome], "\(role) \(action.name) as \(relation): exit status")
            }
        }
    }

    @Test func reportsFollowTheTable() throws {
        let cli = try CLI()
        try cli.seedUsers()
        for report in ["dashboard", "volume", "agents", "sla"] {
            #expect(try cli.run(["report", report, "--json"], as: "dan@x.test").status == 4)
            #expect(try cli.run(["report", report, "--json"], as: "alice@x.test").status == 0)
            #expect(try cli.run(["report", report, "--json"], as: "admin@x.test").status == 0)
        }
        let agents = try cli.json(["report", "agents"], as: "alice@x.test")
        #expect((agents["agents"] as? [[String: Any]])?.map { $0["email"] as? String } == ["alice@x.test"], "agents see their own figures")
        #expect(try cli.run(["user", "list", "--json"], as: "alice@x.test").status == 4)
        #expect(try cli.run(["agents", "tickets", "bob@x.test", "--json"], as: "alice@x.test").status == 4)
        #expect(try cli.run(["agents", "list", "--json"], as: "dan@x.test").status == 4)
    }
}
