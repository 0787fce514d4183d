import Foundation
import Testing

/// The real binary in tmux with a pinned TERM and clock, confirmed through the command line.
@Suite(.serialized)
struct ConsoleEndToEndTests {
    func console(_ cli: CLI, as user: String? = nil, term: String = "xterm-256color", extra: [String] = []) throws -> Tmux {
        var environment = [
            "TERM": term, "HELPDESK_DB": cli.database, "HELPDESK_NOW": cli.now, "HELPDESK_TEST_PASSWORD_ROUNDS": "1000",
            "LANG": "C.UTF-8", "HOME": cli.directory.path, "XDG_CONFIG_HOME": cli.directory.path,
        ]
        if let user { environment["HELPDESK_USER"] = user }
        return try Tmux(command: [CLI.binary.path] + extra, environment: environment)
    }

    @Test func anAgentLogsInRepliesNotesAndResolves() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket(subject: "Laptop will not boot")
        try cli.json(["ticket", "assign", number, "alice@x.test"], as: "admin@x.test")
        try cli.json(["ticket", "status", number, "in_progress"], as: "alice@x.test")
        let tmux = try console(cli)
        try tmux.waitFor("log in")
        try tmux.type("alice@x.test")
        try tmux.send("Enter")
        try tmux.type("password1")
        try tmux.send("Enter")
        try tmux.waitFor("Laptop will not boot")
        try tmux.send("Enter")
        try tmux.send("r")
        try tmux.waitFor("Reply on \(number)")
        try tmux.type("Please hold the power button for ten seconds.")
        try tmux.send("C-s")
        try tmux.waitFor("Reply sent on \(number)")
        try tmux.send("i")
        try tmux.waitFor("Internal note on \(number)")
        try tmux.type("Probably the battery again.")
        try tmux.send("C-s")
        try tmux.waitFor("Internal note added")
        try tmux.send("s")
        try tmux.waitFor("Status of \(number)")
        try tmux.send("j")
        try tmux.send("Enter")
        try tmux.waitFor("\(number) is now resolved")
        let shown = try cli.json(["ticket", "show", number], as: "admin@x.test")
        #expect(shown["status"] as? String == "resolved")
        let comments = try #require(shown["comments"] as? [[String: Any]])
        #expect(comments.map { $0["body"] as? String } == ["Please hold the power button for ten seconds.", "Probably the battery again."])
        #expect(comments.map { $0["internal"] as? Bool } == [false, true])
        #expect(shown["first_response_at"] as? String == "2026-11-29T09:00:00Z")
        try tmux.send("q")
        try tmux.send("q")
        try tmux.waitFor("EXITED 0")
    }

    @Test func anotherProcessesChangeShowsUpInTheOpenConsole() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket(subject: "Printer is jammed")
        try cli.json(["ticket", "assign", number, "alice@x.test"], as: "admin@x.test")
        let tmux = try console(cli, as: "alice@x.test")
        try tmux.waitFor("Printer is jammed")
        try cli.json(["ticket", "comment", number, "--body", "Jam cleared by facilities"], as: "admin@x.test")
        try cli.json(["ticket", "priority", number, "urgent"], as: "admin@x.test")
        let screen = try tmux.waitFor("Jam cleared by facilities")
        #expect(screen.contains("urgent"))
    }

    @Test func hostileSubjectsCannotRetitleOrClearTheTerminal() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let hostile = "Pwn\u{1B}]0;HACKED\u{07}\u{1B}[2J\u{1B}[H\u{1B}]52;c;ZXZpbA==\u{07}end of subject"
        let number = try cli.createTicket(subject: hostile)
        try cli.json(["ticket", "assign", number, "alice@x.test"], as: "admin@x.test")
        let tmux = try console(cli, as: "alice@x.test")
        let before = tmux.title
        let screen = try tmux.waitFor("Pwn^[]0;HACKED^G")
        #expect(screen.contains("My open tickets"), "the screen around the text is intact")
        #expect(tmux.title == before)
        #expect(!tmux.title.contains("HACKED"))
    }

    @Test func worksWithoutColourOrUTF8() throws {
        let cli = try CLI()
        try cli.seedUsers()
        _ = try cli.createTicket(subject: "Plain terminal ticket")
        let tmux = try console(cli, as: "dan@x.test", term: "vt100")
        let screen = try tmux.waitFor("Plain terminal ticket")
        #expect(screen.contains("My tickets"))
    }
}
