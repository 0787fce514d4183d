import Foundation
import Testing

struct HostileInputTests {
    @Test func oversizedInputIsRefusedAndNothingIsStored() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let tenMegabytes = String(repeating: "0123456789abcdef", count: 10 * 65_536)
        let description = try cli.run(
            ["ticket", "create", "--subject", "Huge description", "--description", "-", "--json"], as: "dan@x.test", stdin: tenMegabytes)
        #expect(description.status == 2)
        #expect(try description.json()["code"] as? String == "VALIDATION_ERROR")
        let number = try cli.createTicket()
        let lines = String(repeating: "line\n", count: 100_000)
        let comment = try cli.run(["ticket", "comment", number, "--body", "-", "--json"], as: "dan@x.test", stdin: lines)
        #expect(comment.status == 2)
        let list = try cli.json(["ticket", "list"], as: "admin@x.test")
        #expect((list["tickets"] as? [Any])?.count == 1)
        #expect((try cli.json(["ticket", "comments", number], as: "admin@x.test")["comments"] as? [Any])?.isEmpty == true)
    }

    @Test func invalidUTF8AndControlCharactersNeverReachTheTerminal() throws {
        let cli = try CLI()
        try cli.seedUsers()
        var environment = ProcessInfo.processInfo.environment
        environment["HELPDESK_DB"] = cli.database
        environment["HELPDESK_USER"] = "dan@x.test"
        environment["HELPDESK_NOW"] = cli.now
        let created = try Spawned.run(
            "/bin/sh",
            [
                "-c", "\"$0\" ticket create --subject \"$(printf 'Bad \\377\\376 bytes \\033[2J')\" --description \"$(printf 'Control \\001\\002\\233 chars')\" --json",
                CLI.binary.path,
            ], environment: environment)
        #expect(created.status == 0, "invalid UTF-8 is repaired and the ticket created")
        try cli.json(["register", "--email", "eve@x.test", "--name", "Eve\u{1B}]0;owned\u{07}\u{9B}", "--password-stdin"], stdin: "password1\n")
        for command in [["ticket", "list"], ["user", "list"], ["ticket", "show", "TICK-20261129-0001"]] {
            let result = try cli.run(command, as: "admin@x.test")
            #expect(result.status == 0 && result.stdout.contains(command[0] == "user" ? "Eve" : "Bad"), "\(command): \(result.stderr)")
            #expect(!result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }, "\(command)")
        }
        #expect(try cli.run(["register", "--email", "x\u{1B}@y.test", "--name", "X", "--password-stdin"], stdin: "password1\n").status == 2)
        #expect(try cli.json(["check"])["healthy"] as? Bool == true)
    }

    @Test func passwordsAndHashesNeverAppearInOutput() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let outputs = try [
            cli.run(["user", "list", "--json"], as: "admin@x.test"), cli.run(["agents", "list", "--json"], as: "admin@x.test"),
            cli.run(["login", "--email", "dan@x.test", "--password-stdin", "--json"], stdin: "password1\n"),
            cli.run(["login", "--email", "dan@x.test", "--password-stdin", "--json"], stdin: "wrong-password\n"),
            cli.run(["register", "--email", "dan@x.test", "--name", "Dan", "--password-stdin", "--json"], stdin: "password1\n"),
        ]
        for output in outputs {
            for secret in ["password1", "wrong-password", "pbkdf2"] {
                #expect(!output.stdout.contains(secret) && !output.stderr.contains(secret))
            }
        }
    }

    /// A mistyped `--db` creates nothing: only the commands that start a helpdesk create its file.
    @Test func aMistypedDatabasePathCreatesNothing() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let typo = cli.directory.appendingPathComponent("no-such-folder/helpdsk.sqlite").path
        for arguments in [["ticket", "list"], ["ticket", "show", "TICK-20261129-0001"], ["report", "dashboard"], ["check"], ["audit"]] {
            let result = try cli.run(arguments + ["--db", typo, "--json"], as: "admin@x.test")
            #expect(result.status == 2, "\(arguments)")
            let error = try result.json()
            #expect(error["code"] as? String == "VALIDATION_ERROR")
            #expect((error["errors"] as? [String: [String]])?["db"] != nil, "\(arguments): \(result.stdout)")
        }
        let registered = try cli.run(["register", "--email", "zed@x.test", "--name", "Zed", "--password-stdin", "--db", typo], stdin: "password1\n")
        #expect(registered.status == 2, "a customer cannot start a helpdesk")
        #expect(!FileManager.default.fileExists(atPath: (typo as NSString).deletingLastPathComponent), "no folder, no file")
        let started = try cli.run(["init", "--db", typo, "--json"])
        #expect(started.status == 0 && FileManager.default.fileExists(atPath: typo), "init starts one")
    }

    /// SQLite's C strings end at a NUL: text holding one is refused, never stored cut short.
    @Test func aNULIsRefusedNotCutShort() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket()
        for body in ["text\0more", "\0leading"] {
            let result = try cli.run(["ticket", "comment", number, "--body", "-", "--json"], as: "dan@x.test", stdin: body)
            #expect(result.status == 2)
            let error = try result.json()
            #expect((error["errors"] as? [String: [String]])?["body"] == ["must not contain a NUL character"])
        }
        let comments = try cli.json(["ticket", "comments", number], as: "admin@x.test")
        #expect((comments["comments"] as? [[String: Any]])?.isEmpty == true, "nothing stored")
    }

    /// A file whose schema version no helpdesk writes is refused with a clear error, not a crash.
    @Test func aNegativeSchemaVersionIsRefused() throws {
        let cli = try CLI()
        try cli.seedUsers()
        try Spawned.run("/usr/bin/sqlite3", [cli.database, "PRAGMA user_version = -1;"])
        let result = try cli.run(["ticket", "list", "--json"], as: "admin@x.test")
        #expect(result.status == 1)
        #expect((try result.json()["message"] as? String)?.contains("schema version -1") == true)
    }

    /// Clocks the helpdesk cannot store are refused on `now`, given or derived (a due time past
    /// 2999), and nothing unreadable is ever stored.
    @Test func clocksOutsideTheAcceptedRangeAreRefused() throws {
        let cli = try CLI()
        try cli.seedUsers()
        for now in ["9999-12-31T23:59:59-01:00", "9999-12-31T23:59:59Z", "1581-10-14T00:00:00Z", "0000-01-01T00:00:00+14:00", "1999-12-31T23:59:59Z"] {
            let result = try cli.run(["ticket", "create", "--subject", "From another century", "--description", "Filed at an odd time.", "--json"], as: "dan@x.test", now: now)
            #expect(result.status == 2, "\(now)")
            #expect((try result.json()["errors"] as? [String: [String]])?["now"] != nil, "\(now): \(result.stdout)")
        }
        // Accepted itself, but a low-priority ticket's resolution would fall due in the year 3000.
        let late = try cli.run(
            ["ticket", "create", "--subject", "Filed on the last day", "--description", "Due after the range ends.", "--priority", "low", "--json"],
            as: "dan@x.test", now: "2999-12-30T00:00:00Z")
        #expect(late.status == 2)
        #expect((try late.json()["errors"] as? [String: [String]])?["now"] != nil, "\(late.stdout)")
        let list = try cli.run(["ticket", "list", "--json"], as: "admin@x.test")
        #expect(list.status == 0, "every stored row stays readable: \(list.stdout)")
        #expect((try list.json()["tickets"] as? [Any])?.isEmpty == true, "nothing was stored")
        let edge = try cli.run(["ticket", "create", "--subject", "Filed in 2000", "--description", "The first accepted day.", "--json"], as: "dan@x.test", now: "2000-01-01T00:00:00Z")
        #expect(edge.status == 0, "\(edge.stdout)")
    }
}
