import Foundation
import Testing

/// Issues 11 and 12 on a real terminal (tmux): pastes, traps, text that used to crash the fields, and
/// the external editor's file.
@Suite(.serialized)
struct TerminalTrustTests {
    @Test func aTwoLinePasteIntoTheSearchPromptIsSearchedNotRun() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket(subject: "Mailbox is full")
        try cli.json(["ticket", "assign", number, "alice@x.test"], as: "admin@x.test")
        let tmux = try cli.console(as: "alice@x.test")
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
        let tmux = try cli.console(as: "alice@x.test")
        defer { tmux.close() }
        try tmux.waitFor("Printer on fire")
        #expect(try tmux.run(["display-message", "-p", "-t", tmux.session, "#{alternate_on}"]).hasPrefix("1"))
        let pane = try tmux.run(["display-message", "-p", "-t", tmux.session, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try Spawned.run("/usr/bin/pkill", ["-SEGV", "-P", pane, "-x", "helpdesk"])
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
        let tmux = try cli.console()
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

    @Test func anASCIIOnlyTerminalGetsASCIIGlyphsAndDotsForCutText() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket(subject: "Refund please, order 5512 was charged twice and the second charge is still pending")
        try cli.json(["ticket", "assign", number, "alice@x.test"], as: "admin@x.test")
        let tmux = try cli.console(as: "alice@x.test", more: ["LANG": "C", "LC_ALL": "C"])
        defer { tmux.close() }
        let screen = try tmux.waitFor("Refund please")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.contains("Helpdesk . Alice (agent) . My open tickets") == true, "\(lines.first ?? "")")
        #expect(screen.contains("..."), "cut text ends in dots")
        #expect(!screen.contains("?"), "no glyph of the program's own shows as ?:\n\(screen)")
        for line in lines { #expect(line.utf8.allSatisfy { $0 < 0x80 }, "only ASCII reaches the terminal: \(line)") }
    }

    @Test func aLineTheExternalEditorAppendsStaysALineOfItsOwn() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket(subject: "Printer on fire")
        try cli.json(["ticket", "assign", number, "alice@x.test"], as: "admin@x.test")
        let editor = cli.directory.appendingPathComponent("append-a-line.sh")
        try "#!/bin/sh\nprintf 'appended line\\n' >> \"$1\"\n".write(to: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: editor.path)
        let tmux = try cli.console(as: "alice@x.test", more: ["EDITOR": editor.path, "VISUAL": ""])
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

/// Issue 11 §4 on the command line: tables measure with the console's width functions.
struct CommandLineWidthTests {
    /// The display column where `needle` starts in `line`.
    func column(of needle: String, in line: String) -> Int? {
        guard let range = line.range(of: needle) else { return nil }
        return CLIWidth.of(String(line[..<range.lowerBound]))
    }

    @Test func aChineseSubjectKeepsTheListToEightyColumns() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let subject = String(repeating: "打印机无法连接网络", count: 5).prefix(40)
        try cli.createTicket(subject: String(subject))
        let output = try cli.run(["ticket", "list"], as: "dan@x.test").stdout
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count >= 2)
        for line in lines { #expect(CLIWidth.of(line) <= 80, "\(CLIWidth.of(line)) columns: \(line)") }
        #expect(output.contains("打印机"))
    }

    @Test func userListKeepsWideAndCombiningAddressesWholeAndAligned() throws {
        let cli = try CLI()
        try cli.seedUsers()
        try cli.json(["register", "--email", "pärty🎉@c.test", "--name", "Party", "--password-stdin"], stdin: "password1\n")
        try cli.json(["register", "--email", "jose\u{301}@c.test", "--name", "José", "--password-stdin"], stdin: "password1\n")
        let lines = try cli.run(["user", "list"], as: "admin@x.test").stdout.split(separator: "\n").map(String.init)
        let party = try #require(lines.first { $0.contains("Party") })
        #expect(party.contains("pärty🎉@c.test"), "the address is whole: \(party)")
        // The column after the email starts at the same display column on every row.
        let starts = Set(lines.dropFirst().compactMap { line -> Int? in
            ["Party", "José", "Alice", "Bob", "Dan", "Ada"].lazy.compactMap { column(of: $0, in: line) }.first
        })
        #expect(starts.count == 1, "names start at columns \(starts.sorted()):\n\(lines.joined(separator: "\n"))")
    }
}

/// Display width by the C library's `wcwidth` in C.UTF-8 (the terminal's measure), computed here
/// independently of the program's own functions.
enum CLIWidth {
    static func of(_ text: String) -> Int {
        _ = setlocale(LC_CTYPE, "C.UTF-8")
        return text.unicodeScalars.reduce(0) { total, scalar in total + max(0, Int(wcwidthOf(scalar))) }
    }

    private static func wcwidthOf(_ scalar: Unicode.Scalar) -> Int32 {
        typealias Function = @convention(c) (wchar_t) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "wcwidth") else { return 1 }
        return unsafeBitCast(symbol, to: Function.self)(wchar_t(bitPattern: scalar.value))
    }
}
