import Foundation
import Testing

/// Issues 11 and 12 on a real terminal (tmux): pastes, traps, text that used to crash the fields, and
/// the external editor's file.
@Suite(.serialized)
struct TerminalTrustTests {
    func console(_ cli: CLI, as user: String? = nil, more: [String: String] = [:]) throws -> Tmux {
        var environment = more.merging([
            "TERM": "xterm-256color", "HELPDESK_DB": cli.database, "HELPDESK_NOW": cli.now, "HELPDESK_TEST_PASSWORD_ROUNDS": "1000",
            "LANG": "C.UTF-8", "HOME": cli.directory.path, "XDG_CONFIG_HOME": cli.directory.path,
        ]) { mine, _ in mine }
        if let user { environment["HELPDESK_USER"] = user }
        return try Tmux(command: [CLI.binary.path], environment: environment)
    }

    @Test func aTwoLinePasteIntoTheSearchPromptIsSearchedNotRun() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket(subject: "Mailbox is full")
        try cli.json(["ticket", "assign", number, "alice@x.test"], as: "admin@x.test")
        let tmux = try console(cli, as: "alice@x.test")
        defer { tmux.close() }
        try tmux.waitFor("Mailbox is full")
        try tmux.send("/")
        try tmux.waitFor("Search:")
        try tmux.run(["set-buffer", "-b", "paste", "mailbox\nquote: see the earlier mail\n"])
        // -p: with the brackets, as a terminal sends a paste to a program that asked for them.
        try tmux.run(["paste-buffer", "-p", "-b", "paste", "-t", tmux.session])
        try tmux.waitFor("Search: mailbox quote: see the earlier mail")
        let shown = try cli.json(["ticket", "show", number], as: "admin@x.test")
        #expect(shown["subject"] as? String == "Mailbox is full", "no line of the paste ran as keys")
    }

    @Test func aTrapGivesTheTerminalBack() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket(subject: "Printer on fire")
        try cli.json(["ticket", "assign", number, "alice@x.test"], as: "admin@x.test")
        let tmux = try console(cli, as: "alice@x.test")
        defer { tmux.close() }
        try tmux.waitFor("Printer on fire")
        #expect(try tmux.run(["display-message", "-p", "-t", tmux.session, "#{alternate_on}"]).hasPrefix("1"))
        let pane = try tmux.run(["display-message", "-p", "-t", tmux.session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let pgrep = Process()
        pgrep.executableURL = URL(fileURLWithPath: "/usr/bin/pkill")
        pgrep.arguments = ["-SEGV", "-P", pane, "-x", "helpdesk"]
        try pgrep.run()
        pgrep.waitUntilExit()
        try tmux.waitFor("EXITED 139")
        #expect(try tmux.run(["display-message", "-p", "-t", tmux.session, "#{alternate_on}"]).hasPrefix("0"), "out of the alternate screen")
        #expect(try tmux.run(["display-message", "-p", "-t", tmux.session, "#{keypad_cursor_flag}"]).hasPrefix("0"), "keypad mode off")
        // The modes are restored: what is typed now echoes (the pane runs `sleep` after the program).
        try tmux.type("typed after the trap")
        try tmux.waitFor("typed after the trap")
    }

    @Test func combiningMarksAndEmojiModifiersInTheLoginFieldDoNotCrash() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let tmux = try console(cli)
        defer { tmux.close() }
        try tmux.waitFor("log in")
        try tmux.type("👍🏽a")
        try tmux.type("e\u{301}x")
        try tmux.send("BSpace", "BSpace", "BSpace", "Left")
        try tmux.type("ok")
        let screen = try tmux.waitFor("ok")
        #expect(!screen.contains("EXITED"))
        try tmux.send("C-e", "C-u")
        try tmux.type("alice@x.test")
        try tmux.send("Enter")
        try tmux.type("password1")
        try tmux.send("Enter")
        try tmux.waitFor("Alice (agent)")
    }

    @Test func aLineTheExternalEditorAppendsStaysALineOfItsOwn() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket(subject: "Printer on fire")
        try cli.json(["ticket", "assign", number, "alice@x.test"], as: "admin@x.test")
        let editor = cli.directory.appendingPathComponent("append-a-line.sh")
        try "#!/bin/sh\nprintf 'appended line\\n' >> \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: editor.path)
        let tmux = try console(cli, as: "alice@x.test", more: ["EDITOR": editor.path, "VISUAL": ""])
        defer { tmux.close() }
        try tmux.waitFor("Printer on fire")
        try tmux.send("r")
        try tmux.waitFor("Reply on \(number)")
        try tmux.type("first line")
        try tmux.send("C-o")
        try tmux.waitFor("appended line")
        try tmux.send("C-s")
        try tmux.waitFor("Reply sent on \(number)")
        let comments = try #require(try cli.json(["ticket", "show", number], as: "admin@x.test")["comments"] as? [[String: Any]])
        #expect(comments.map { $0["body"] as? String } == ["first line\nappended line"])
    }
}
