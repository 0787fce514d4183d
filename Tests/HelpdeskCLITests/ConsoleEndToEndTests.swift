import Foundation
import Testing

/// The real binary in tmux with a pinned TERM and clock, confirmed through the command line.
@Suite(.serialized)
struct ConsoleEndToEndTests {
    @Test func anAgentLogsInRepliesNotesAndResolves() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket(subject: "Laptop will not boot")
        try cli.json(["ticket", "assign", number, "alice@x.test"], as: "admin@x.test")
        try cli.json(["ticket", "status", number, "in_progress"], as: "alice@x.test")
        let tmux = try cli.console()
        defer { tmux.close() }
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
        let tmux = try cli.console(as: "alice@x.test")
        defer { tmux.close() }
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
        let tmux = try cli.console(as: "alice@x.test")
        defer { tmux.close() }
        let before = tmux.title
        let screen = try tmux.waitFor("Pwn^[]0;HACKED^G")
        #expect(screen.contains("My open tickets"), "the screen around the text is intact")
        #expect(tmux.title == before)
        #expect(!tmux.title.contains("HACKED"))
    }

    @Test("works under the TERM values of common SSH clients", arguments: ["xterm-256color", "xterm", "screen-256color", "tmux-256color", "linux", "vt100"])
    func worksUnder(term: String) throws {
        let cli = try CLI()
        try cli.seedUsers()
        _ = try cli.createTicket(subject: "Plain terminal ticket")
        let tmux = try cli.console(as: "dan@x.test", term: term)
        defer { tmux.close() }
        let screen = try tmux.waitFor("Plain terminal ticket")
        #expect(screen.contains("My tickets"))
    }

    @Test func anASCIIOnlyLocaleGetsASCIIBoxes() throws {
        let cli = try CLI()
        try cli.seedUsers()
        _ = try cli.createTicket(subject: "Ticket in the C locale")
        let tmux = try cli.console(as: "dan@x.test", more: ["LANG": "C", "LC_ALL": "C"])
        defer { tmux.close() }
        let screen = try tmux.waitFor("Ticket in the C locale")
        #expect(screen.contains("+ My tickets"))
        #expect(!screen.contains("┌") && !screen.contains("│"))
    }

    @Test func repliesCanBeWrittenInTheExternalEditor() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket(subject: "Editor round trip")
        try cli.json(["ticket", "assign", number, "alice@x.test"], as: "admin@x.test")
        let script = cli.directory.appendingPathComponent("fake-editor.sh")
        try "#!/bin/sh\nprintf 'Typed in the external editor' > \"$1\"\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let tmux = try cli.console(as: "alice@x.test", more: ["EDITOR": script.path, "VISUAL": ""])
        defer { tmux.close() }
        try tmux.waitFor("Editor round trip")
        try tmux.send("r")
        try tmux.waitFor("Reply on \(number)")
        try tmux.send("C-o")
        try tmux.waitFor("Typed in the external editor")
        try tmux.send("C-s")
        try tmux.waitFor("Reply sent on \(number)")
        let comments = try cli.json(["ticket", "comments", number], as: "alice@x.test")
        #expect((comments["comments"] as? [[String: Any]])?.first?["body"] as? String == "Typed in the external editor")
    }

    @Test func sigtermGivesTheTerminalBack() throws {
        let cli = try CLI()
        try cli.seedUsers()
        _ = try cli.createTicket(subject: "Signal test ticket")
        let tmux = try cli.console(as: "dan@x.test")
        defer { tmux.close() }
        try tmux.waitFor("Signal test ticket")
        #expect(try tmux.run(["display-message", "-p", "-t", tmux.session, "#{alternate_on}"]).hasPrefix("1"))
        let shell = try tmux.run(["display-message", "-p", "-t", tmux.session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try Spawned.run("/usr/bin/pkill", ["-TERM", "-P", shell])
        let screen = try tmux.waitFor("EXITED 143")
        #expect(!screen.contains("Signal test ticket"), "the console's screen is gone")
        #expect(try tmux.run(["display-message", "-p", "-t", tmux.session, "#{alternate_on}"]).hasPrefix("0"))
    }

    /// The bytes the console writes to the terminal, as an SSH link would carry them (tmux's
    /// pipe-pane copies everything the program writes to its pty).
    @Test func theConsoleIsFrugalOnASlowLink() throws {
        let cli = try CLI()
        let demo = try cli.run(["demo", "--db", cli.database, "--tickets", "80", "--json"])
        #expect(demo.status == 0)
        let flag = cli.directory.appendingPathComponent("go").path
        let bytes = cli.directory.appendingPathComponent("bytes.log").path
        let environment = [
            "TERM": "xterm-256color", "HELPDESK_DB": cli.database, "HELPDESK_NOW": cli.now, "LANG": "C.UTF-8",
            "HOME": cli.directory.path, "XDG_CONFIG_HOME": cli.directory.path, "HELPDESK_USER": "alice@demo.test",
        ]
        let tmux = try Tmux(
            command: ["sh", "-c", "while [ ! -e \"$0\" ]; do sleep 0.02; done; exec \"$1\"", flag, CLI.binary.path],
            environment: environment)
        defer { tmux.close() }
        try tmux.run(["pipe-pane", "-o", "-t", tmux.session, "cat >> \(Tmux.quote(bytes))"])
        FileManager.default.createFile(atPath: flag, contents: nil)
        func size() -> Int { ((try? FileManager.default.attributesOfItem(atPath: bytes))?[.size] as? Int) ?? 0 }
        func settle() throws -> Int {
            var last = -1
            var current = size()
            while current != last {
                last = current
                Thread.sleep(forTimeInterval: 0.3)
                current = size()
            }
            return current
        }
        try tmux.waitFor("TICK-")
        let firstPaint = try settle()
        try tmux.send("j")
        let moved = try settle()
        try tmux.send("Enter")
        let opened = try settle()
        try tmux.send("2")
        try tmux.waitFor("Backlog by status")
        let dashboard = try settle()
        try cli.json(["settings", "auto-assign", "off"], as: "admin@demo.test")
        Thread.sleep(forTimeInterval: 1.5)
        let refreshed = try settle()
        let figures = [
            ("first paint (agent's queue, 120x40)", firstPaint), ("move the selection one row", moved - firstPaint),
            ("open a ticket", opened - moved), ("switch to the dashboard", dashboard - opened),
            ("dashboard refresh with no change", refreshed - dashboard),
        ]
        for (name, count) in figures { print("bytes: \(name): \(count)") }
        // Moving one row rewrites the two rows whose highlight changes and the detail pane, never the screen.
        #expect(moved - firstPaint < firstPaint / 3, "moving one row does not redraw the screen")
        #expect(refreshed - dashboard < 64, "a refresh that changes nothing sends next to nothing")
    }

    @Test func aCustomerRegistersFilesATicketAndNeverSeesAnInternalNote() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let tmux = try cli.console()
        defer { tmux.close() }
        try tmux.waitFor("log in")
        try tmux.send("C-n")
        try tmux.waitFor("Create an account")
        for (text, next) in [("zoe@x.test", "Tab"), ("Zoe", "Tab"), ("long enough", "Tab"), ("long enough", "C-s")] {
            try tmux.type(text)
            try tmux.send(next)
        }
        try tmux.waitFor("Zoe (customer)")
        try tmux.send("n")
        try tmux.waitFor("New ticket")
        try tmux.type("Cannot download my invoice")
        try tmux.send("Tab")
        try tmux.type("The download button does nothing.")
        try tmux.send("C-s")
        try tmux.waitFor("Created TICK-20261129-0001")
        let number = "TICK-20261129-0001"
        try cli.json(["ticket", "assign", number, "alice@x.test"], as: "admin@x.test")
        try cli.json(["ticket", "comment", number, "--body", "INTERNAL-MARKER billing bug", "--internal"], as: "alice@x.test")
        try cli.json(["ticket", "comment", number, "--body", "We are looking into it"], as: "alice@x.test")
        let screen = try tmux.waitFor("We are looking into it")
        #expect(!screen.contains("INTERNAL-MARKER"))
        #expect(!screen.contains("internal"))
        let shown = try cli.json(["ticket", "show", number], as: "zoe@x.test")
        #expect(shown["subject"] as? String == "Cannot download my invoice")
    }

    @Test func anAdminSeesTheDashboardTheReportsComputeAndDeactivatesAnAgent() throws {
        let cli = try CLI()
        try cli.seedUsers()
        for subject in ["First dashboard ticket", "Second dashboard ticket", "Third dashboard ticket"] { _ = try cli.createTicket(subject: subject) }
        try cli.json(["ticket", "assign", "TICK-20261129-0001", "bob@x.test"], as: "admin@x.test")
        let report = try cli.json(["report", "dashboard"], as: "admin@x.test")
        let tmux = try cli.console(as: "admin@x.test")
        defer { tmux.close() }
        let dashboard = try tmux.waitFor("Backlog by status")
        #expect(dashboard.contains("Open \(report["open"] ?? "?")  Unassigned \(report["unassigned"] ?? "?")  Breached \(report["breached_now"] ?? "?")"))
        try tmux.send("3")
        try tmux.waitFor("bob@x.test")
        let users = try cli.json(["user", "list"], as: "admin@x.test")
        let index = try #require((users["users"] as? [[String: Any]])?.firstIndex { $0["email"] as? String == "bob@x.test" })
        for _ in 0..<index { try tmux.send("j") }
        try tmux.send("d")
        try tmux.waitFor("Still assigned: TICK-20261129-0001")
        try tmux.send("j")
        try tmux.send("Enter")
        try tmux.waitFor("Deactivated bob@x.test")
        #expect(try cli.run(["ticket", "list"], as: "bob@x.test").status == 3, "a deactivated agent cannot act")
    }
}
