import Foundation
import HelpdeskCore
import HelpdeskStore
import Testing

/// Every command-line action by every role in every relation to the ticket, against the seed's table.
struct PermissionMatrixTests {
    enum Relation: String, CaseIterable { case requester, assignee, other }

    /// action -> (CLI arguments after the number, ticket status to start from)
    static let actions: [(name: String, arguments: [String], status: TicketStatus)] = [
        ("show", ["ticket", "show"], .assigned), ("comments", ["ticket", "comments"], .assigned),
        ("history", ["ticket", "history"], .assigned), ("update", ["ticket", "update", "--subject", "A better subject"], .assigned),
        ("status", ["ticket", "status", "-", "in_progress"], .assigned), ("reopen", ["ticket", "status", "-", "reopened"], .resolved),
        ("priority", ["ticket", "priority", "-", "urgent"], .assigned), ("assign", ["ticket", "assign", "-", "bob@x.test"], .assigned),
        ("reply", ["ticket", "comment", "-", "--body", "hello"], .assigned),
        ("note", ["ticket", "comment", "-", "--body", "psst", "--internal"], .assigned),
        ("delete", ["ticket", "delete"], .assigned),
    ]

    /// role -> action -> outcome per relation (requester, assignee, other); "ok", "FORBIDDEN" or "NOT_FOUND".
    static let expected: [String: [String: [String]]] = [
        "customer": [
            "show": ["ok", "-", "NOT_FOUND"], "comments": ["ok", "-", "NOT_FOUND"], "history": ["ok", "-", "NOT_FOUND"],
            "update": ["ok", "-", "NOT_FOUND"], "status": ["FORBIDDEN", "-", "NOT_FOUND"], "reopen": ["ok", "-", "NOT_FOUND"],
            "priority": ["FORBIDDEN", "-", "NOT_FOUND"], "assign": ["FORBIDDEN", "-", "NOT_FOUND"], "reply": ["ok", "-", "NOT_FOUND"],
            "note": ["FORBIDDEN", "-", "NOT_FOUND"], "delete": ["FORBIDDEN", "-", "NOT_FOUND"],
        ],
        "agent": [
            "show": ["ok", "ok", "FORBIDDEN"], "comments": ["ok", "ok", "FORBIDDEN"], "history": ["ok", "ok", "FORBIDDEN"],
            "update": ["ok", "ok", "FORBIDDEN"], "status": ["ok", "ok", "FORBIDDEN"], "reopen": ["ok", "ok", "FORBIDDEN"],
            "priority": ["ok", "ok", "FORBIDDEN"], "assign": ["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"], "reply": ["ok", "ok", "FORBIDDEN"],
            "note": ["ok", "ok", "FORBIDDEN"], "delete": ["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"],
        ],
        "admin": Dictionary(uniqueKeysWithValues: actions.map { ($0.name, ["ok", "ok", "ok"]) }),
    ]

    @Test("every action × role × relation", arguments: ["customer", "agent", "admin"])
    func matrix(role: String) throws {
        let cli = try CLI()
        try cli.seedUsers()
        try cli.json(["register", "--email", "erin@x.test", "--name", "Erin", "--password-stdin"], stdin: "password1\n")
        try cli.json(["user", "add", "--email", "root@x.test", "--name", "Root", "--role", "admin", "--password", "password1"], as: "admin@x.test")
        let actor = ["customer": "dan@x.test", "agent": "alice@x.test", "admin": "admin@x.test"][role] ?? ""
        let service = HelpdeskService(
            database: try HelpdeskDatabase(path: cli.database), clock: FixedTimeSource(ISO8601DateFormatter().date(from: cli.now) ?? Date()),
            hasher: PBKDF2PasswordHasher(rounds: 1_000))
        let root = try service.actor(email: "root@x.test")
        for action in Self.actions {
            for (index, relation) in Relation.allCases.enumerated() {
                let outcome = try #require(Self.expected[role]?[action.name]?[index])
                if outcome == "-" { continue }
                let requester = relation == .requester ? actor : (role == "customer" ? "erin@x.test" : "erin@x.test")
                let assignee = relation == .assignee ? actor : "bob@x.test"
                let number = try service.createTicket(
                    NewTicketInput(subject: "Matrix \(action.name) \(relation)", description: "A ticket for the permission matrix"),
                    by: try service.actor(email: requester)
                ).ticket.number
                if role != "customer" || relation != .assignee {
                    _ = try service.assign(number: number, to: role == "agent" && relation == .requester ? "bob@x.test" : assignee, by: root)
                }
                if action.status == .resolved {
                    _ = try service.changeStatus(number: number, to: "in_progress", by: root)
                    _ = try service.changeStatus(number: number, to: "resolved", by: root)
                }
                var arguments = action.arguments
                if let dash = arguments.firstIndex(of: "-") { arguments[dash] = number } else { arguments.insert(number, at: 2) }
                let result = try cli.run(arguments + ["--json"], as: actor)
                let code = result.status == 0 ? "ok" : ((try? result.json()["code"] as? String) ?? "status \(result.status)")
                #expect(code == outcome, "\(role) \(action.name) as \(relation): \(result.stdout)")
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
