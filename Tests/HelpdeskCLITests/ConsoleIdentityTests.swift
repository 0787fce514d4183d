import Foundation
import Testing

/// A console stays logged in for hours; what its user may do can change meanwhile in another
/// process. The real binary in tmux, the change made through the command line.
@Suite(.serialized)
struct ConsoleIdentityTests {
    @Test("a deactivated agent's open console sends nothing", arguments: [("r", "Reply on"), ("i", "Internal note on")])
    func aDeactivatedAgentsConsoleSendsNothing(key: String, editor: String) throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket(subject: "Laptop will not boot")
        try cli.json(["ticket", "assign", number, "alice@x.test"], as: "admin@x.test")
        let tmux = try cli.console(as: "alice@x.test")
        defer { tmux.close() }
        try tmux.waitFor("Laptop will not boot")
        try tmux.send(key)
        try tmux.waitFor("\(editor) \(number)")
        try tmux.type("Written before the deactivation")
        try cli.json(["user", "deactivate", "alice@x.test"], as: "admin@x.test")
        try tmux.send("C-s")
        let screen = try tmux.waitFor("Signed out")
        #expect(screen.contains("alice@x.test is deactivated"))
        #expect(screen.contains("log in"), "back on the login screen")
        let comments = try cli.json(["ticket", "comments", number], as: "admin@x.test")
        #expect((comments["comments"] as? [[String: Any]])?.isEmpty == true, "nothing stored under the deactivated account")
    }

    /// A helpdesk with a second admin, `root@x.test` (so that `admin@x.test` may be demoted), and
    /// the first admin's console open on the dashboard.
    func adminConsoleBesideASecondAdmin() throws -> (CLI, Tmux) {
        let cli = try CLI()
        try cli.seedUsers()
        try cli.json(["user", "add", "--email", "root@x.test", "--name", "Root", "--role", "admin", "--password", "password1"], as: "admin@x.test")
        let tmux = try cli.console(as: "admin@x.test")
        try tmux.waitFor("Backlog by status")
        return (cli, tmux)
    }

    @Test func aDemotedAndDeactivatedAdminCannotRestoreHimself() throws {
        let (cli, tmux) = try adminConsoleBesideASecondAdmin()
        defer { tmux.close() }
        try cli.json(["user", "set-role", "admin@x.test", "customer"], as: "root@x.test")
        try cli.json(["user", "deactivate", "admin@x.test"], as: "root@x.test")
        // What the admin of the old console tries: the admin screen, reactivate, make admin again.
        for key in ["3", "d", "Enter", "r", "Enter"] { try tmux.send(key) }
        let screen = try tmux.waitFor("Signed out")
        #expect(screen.contains("admin@x.test is deactivated"))
        let users = try cli.json(["user", "list"], as: "root@x.test")
        let admin = try #require((users["users"] as? [[String: Any]])?.first { $0["email"] as? String == "admin@x.test" })
        #expect(admin["role"] as? String == "customer")
        #expect(admin["active"] as? Bool == false)
        let audit = try cli.json(["audit"], as: "root@x.test")
        let entries = try #require(audit["audit"] as? [[String: Any]])
        #expect(!entries.contains { $0["actor"] as? String == "admin@x.test" && $0["target"] as? String == "admin@x.test" },
            "the audit log shows no change the demoted admin made to himself: \(entries)")
    }

    @Test func aDemotionClosesTheAdminScreenWithAMessage() throws {
        let (cli, tmux) = try adminConsoleBesideASecondAdmin()
        defer { tmux.close() }
        try tmux.send("3")
        try tmux.waitFor("root@x.test")
        try cli.json(["user", "set-role", "admin@x.test", "agent"], as: "root@x.test")
        let screen = try tmux.waitFor("Your role is now agent: the admin screen closed")
        #expect(screen.contains("Ada (agent)"), "the top bar shows the new role")
        try tmux.send("3")
        try tmux.waitFor("User management is for admins")
    }
}
