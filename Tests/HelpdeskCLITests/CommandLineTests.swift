import Foundation
import Testing

struct CommandLineTests {
    @Test func ticketLifecycleThroughTheCommandLine() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let created = try cli.json(
            ["ticket", "create", "--subject", "Cannot log in", "--description", "Every login attempt fails.", "--priority", "high"],
            as: "dan@x.test")
        let number = try #require(created["number"] as? String)
        #expect(number == "TICK-20261129-0001")
        let keys: Set<String> = [
            "number", "subject", "description", "status", "priority", "category", "requester", "customer_email", "assignee",
            "created_at", "updated_at", "first_response_at", "resolved_at", "closed_at", "version", "sla",
        ]
        #expect(keys.isSubset(of: Set(created.keys)))
        #expect(created["assignee"] is NSNull)
        #expect(created["created_at"] as? String == "2026-11-29T09:00:00Z")
        let sla = try #require(created["sla"] as? [String: [String: Any]])
        #expect(sla["first_response"]?["state"] as? String == "pending")
        #expect(sla["first_response"]?["due"] as? String == "2026-11-29T13:00:00Z")
        #expect(sla["first_response"]?["seconds_left"] as? Int == 4 * 3600)

        try cli.json(["ticket", "assign", number, "alice@x.test"], as: "admin@x.test")
        try cli.json(["ticket", "status", number, "in_progress"], as: "alice@x.test")
        try cli.json(["ticket", "comment", number, "--body", "Looking now"], as: "alice@x.test", now: "2026-11-29T14:00:00Z")
        let shown = try cli.json(["ticket", "show", number], as: "dan@x.test", now: "2026-11-29T15:00:00Z")
        #expect(shown["status"] as? String == "in_progress")
        #expect(shown["assignee"] as? String == "alice@x.test")
        let clocks = try #require(shown["sla"] as? [String: [String: Any]])
        #expect(clocks["first_response"]?["state"] as? String == "breached")
        #expect(clocks["first_response"]?["seconds_left"] as? Int == -3600)
        let history = try cli.json(["ticket", "history", number], as: "dan@x.test")
        let actions = try #require(history["history"] as? [[String: Any]]).map { "\($0["action"] ?? "")/\($0["field"] ?? "")" }
        #expect(actions == ["created/<null>", "assigned/assignee", "changed/status", "changed/status", "commented/comment"])

        let list = try cli.json(["ticket", "list", "--status", "in_progress"], as: "alice@x.test")
        #expect((list["tickets"] as? [[String: Any]])?.count == 1)
        #expect(list["next_cursor"] is NSNull)
    }

    @Test func internalNotesReachNoCustomerThroughAnyCommand() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket()
        try cli.json(["ticket", "assign", number, "alice@x.test"], as: "admin@x.test")
        let marker = "MARKER\(UUID().uuidString.prefix(8))"
        try cli.json(["ticket", "comment", number, "--body", "internal \(marker) note", "--internal"], as: "alice@x.test")
        try cli.json(["ticket", "comment", number, "--body", "public reply"], as: "alice@x.test")
        let reads: [[String]] = [
            ["ticket", "show", number], ["ticket", "comments", number], ["ticket", "history", number],
            ["ticket", "list"], ["ticket", "list", "--search", marker], ["report", "dashboard"], ["report", "sla"],
            ["report", "agents"], ["report", "volume"], ["agents", "list"],
        ]
        for read in reads {
            for json in [true, false] {
                let result = try cli.run(read + (json ? ["--json"] : []), as: "dan@x.test")
                #expect(!result.stdout.contains(marker) && !result.stderr.contains(marker), "\(read)")
                #expect(!result.stdout.contains("internal note"), "\(read)")
            }
        }
        let staff = try cli.run(["ticket", "list", "--search", marker, "--json"], as: "alice@x.test")
        #expect(staff.stdout.contains(number), "staff find internal notes")
        let search = try cli.json(["ticket", "list", "--search", marker], as: "dan@x.test")
        #expect((search["tickets"] as? [Any])?.isEmpty == true)
    }

    @Test func errorsCarryTheSeedsCodeAndExitStatus() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let invalid = try cli.run(["ticket", "create", "--subject", "Hi", "--description", "short", "--priority", "huge", "--json"], as: "dan@x.test")
        #expect(invalid.status == 2)
        let error = try invalid.json()
        #expect(error["status"] as? String == "error")
        #expect(error["code"] as? String == "VALIDATION_ERROR")
        let fields = try #require(error["errors"] as? [String: [String]])
        #expect(Set(fields.keys) == ["subject", "description", "priority"])

        let missing = try cli.run(["ticket", "show", "TICK-20261129-0999", "--json"], as: "dan@x.test")
        #expect(missing.status == 5)
        #expect(try missing.json()["code"] as? String == "NOT_FOUND")

        let anonymous = try cli.run(["ticket", "list"])
        #expect(anonymous.status == 3)
        #expect(anonymous.stderr.hasPrefix("error: No user given"))
        #expect(anonymous.stdout.isEmpty)

        let number = try cli.createTicket()
        let forbidden = try cli.run(["ticket", "priority", number, "urgent", "--json"], as: "dan@x.test")
        #expect(forbidden.status == 4)
        #expect(try forbidden.json()["code"] as? String == "FORBIDDEN")

        let othersTicket = try cli.createTicket(as: "alice@x.test")
        let hidden = try cli.run(["ticket", "show", othersTicket, "--json"], as: "dan@x.test")
        #expect(hidden.status == 5, "a customer must not learn that someone else's ticket exists")

        try cli.json(["ticket", "priority", number, "high", "--if-version", "1"], as: "admin@x.test")
        let stale = try cli.run(["ticket", "priority", number, "low", "--if-version", "1", "--json"], as: "admin@x.test")
        #expect(stale.status == 6)
        #expect(try stale.json()["code"] as? String == "CONFLICT")

        let badTransition = try cli.run(["ticket", "status", number, "resolved"], as: "admin@x.test")
        #expect(badTransition.status == 2)
        #expect(badTransition.stderr.contains("allowed: assigned, closed"))
    }

    @Test func concurrentCreatorsInSeparateProcessesGetDistinctDenseNumbers() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let started = try (0..<12).map { index in
            try cli.start(
                ["ticket", "create", "--subject", "Parallel ticket \(index)", "--description", "Created at the same time", "--json"],
                as: index % 2 == 0 ? "dan@x.test" : "alice@x.test")
        }
        let results = try started.map(CLI.finish)
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.stderr))")
        let numbers = try results.map { try #require($0.json()["number"] as? String) }
        #expect(Set(numbers).count == 12)
        #expect(Set(numbers) == Set((1...12).map { String(format: "TICK-20261129-%04d", $0) }))
    }

    @Test func bodiesFromStandardInputAndOversizedInput() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket()
        let comment = try cli.json(["ticket", "comment", number, "--body", "-"], as: "dan@x.test", stdin: "line one\nline two\n")
        #expect(comment["body"] as? String == "line one\nline two")
        let huge = String(repeating: "word ", count: 3000)
        let refused = try cli.run(["ticket", "comment", number, "--body", "-", "--json"], as: "dan@x.test", stdin: huge)
        #expect(refused.status == 2)
        #expect(try refused.json()["code"] as? String == "VALIDATION_ERROR")
        let comments = try cli.json(["ticket", "comments", number], as: "dan@x.test")
        #expect((comments["comments"] as? [Any])?.count == 1, "nothing was stored")
    }

    @Test func humanOutputFitsEightyColumnsAndCannotDriveTheTerminal() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let hostile = "Help \u{1B}]0;pwned\u{07}\u{1B}[2J please, this subject is long enough to need cutting short"
        _ = try cli.createTicket(subject: hostile)
        let list = try cli.run(["ticket", "list"], as: "dan@x.test")
        #expect(list.status == 0)
        #expect(!list.stdout.contains("\u{1B}") && !list.stdout.contains("\u{07}"))
        #expect(list.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(list.stdout.contains("Help ^[]0;pwned^G"))
        let number = try #require(list.stdout.split(separator: "\n").dropFirst().first?.split(separator: " ").first)
        let show = try cli.run(["ticket", "show", String(number)], as: "dan@x.test")
        #expect(!show.stdout.contains("\u{1B}"))
        #expect(show.stdout.contains("First response: pending"))
        #expect(show.stdout.contains("UTC"), "times are labelled")
    }

    @Test func loginChecksPasswordsAndLocksOut() throws {
        let cli = try CLI()
        try cli.seedUsers()
        #expect(try cli.run(["login", "--email", "dan@x.test", "--password-stdin"], stdin: "password1\n").status == 0)
        for _ in 0..<5 {
            #expect(try cli.run(["login", "--email", "dan@x.test", "--password-stdin"], stdin: "nope-nope\n").status == 3)
        }
        let locked = try cli.run(["login", "--email", "dan@x.test", "--password-stdin"], stdin: "password1\n")
        #expect(locked.status == 3)
        #expect(locked.stderr.contains("locked"))
        #expect(!locked.stderr.contains("password1"))
        let later = try cli.run(["login", "--email", "dan@x.test", "--password-stdin"], stdin: "password1\n", now: "2026-11-29T09:16:00Z")
        #expect(later.status == 0)
    }

    @Test func demoBuildsASampleHelpdesk() throws {
        let cli = try CLI()
        let demo = try cli.json(["demo", "--db", cli.database, "--tickets", "40"])
        #expect((demo["logins"] as? [[String: String]])?.contains { $0["email"] == "admin@demo.test" } == true)
        let list = try cli.json(["ticket", "list", "--limit", "500"], as: "admin@demo.test")
        #expect((list["tickets"] as? [Any])?.count == 40)
        let again = try cli.json(["demo", "--db", cli.database, "--tickets", "40"])
        #expect(again["database"] as? String == cli.database)
        #expect((try cli.json(["ticket", "list", "--limit", "500"], as: "admin@demo.test")["tickets"] as? [Any])?.count == 40,
                "running the demo again keeps the existing data")
    }
}

struct ReportExportTests {
    @Test func csvCarriesTheSameFiguresAsJSON() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket()
        try cli.json(["ticket", "assign", number, "alice@x.test"], as: "admin@x.test")
        try cli.json(["ticket", "status", number, "in_progress"], as: "alice@x.test")
        try cli.json(["ticket", "comment", number, "--body", "On it"], as: "alice@x.test", now: "2026-11-29T10:00:00Z")
        try cli.json(["ticket", "status", number, "resolved"], as: "alice@x.test", now: "2026-11-29T12:00:00Z")
        try cli.json(["user", "set-role", "bob@x.test", "agent"], as: "admin@x.test")
        try cli.json(["user", "add", "--email", "eve@x.test", "--name", "=HYPERLINK(\"x\")", "--role", "agent", "--password", "password1"], as: "admin@x.test")
        let range = ["--from", "2026-11-28", "--to", "2026-11-29"]
        let volumeJSON = try cli.json(["report", "volume"] + range, as: "admin@x.test")
        let volumeCSV = try cli.run(["report", "volume", "--csv"] + range, as: "admin@x.test").stdout
        #expect(volumeCSV == "date,created,resolved\r\n2026-11-28,0,0\r\n2026-11-29,1,1\r\n")
        #expect((volumeJSON["days"] as? [[String: Any]])?.last?["resolved"] as? Int == 1)
        let sla = try cli.run(["report", "sla", "--csv"] + range, as: "admin@x.test").stdout
        #expect(sla.split(separator: "\r\n").count == 3)
        #expect(sla.contains("first_response,2026-11-28,2026-11-29,1,1,0,100,3600,3600"))
        let slaJSON = try cli.json(["report", "sla"] + range, as: "admin@x.test")
        #expect((slaJSON["first_response"] as? [String: Any])?["mean_seconds"] as? Double == 3600)
        let agents = try cli.run(["report", "agents", "--csv"] + range, as: "admin@x.test").stdout
        #expect(agents.contains("alice@x.test,Alice,0,1,10800,100"))
        #expect(agents.contains("'=HYPERLINK(\"\"x\"\")"), "formulas are neutralised and quotes escaped")
    }

    /// `--password-stdin` reads the first line and answers, without waiting for the end of input
    /// (a script may keep its end of the pipe open).
    @Test func passwordStdinAnswersAfterTheFirstLine() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["login", "--email", "dan@x.test", "--password-stdin", "--json"]
        var environment = ProcessInfo.processInfo.environment
        environment["HELPDESK_DB"] = cli.database
        environment["HELPDESK_TEST_PASSWORD_ROUNDS"] = "1000"
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("password1\n".utf8))
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let answered = !process.isRunning
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(answered, "the login answered with the pipe still open")
        #expect(process.terminationStatus == 0)
    }

    /// Issue 11, §8: a customer's reply to a ticket closed more than 7 days ago exits 7 with
    /// `TICKET_CLOSED`, in JSON and in words; within the week it reopens the ticket.
    @Test func aReplyToALongClosedTicketIsRefusedWithItsOwnCode() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket()
        try cli.json(["ticket", "status", number, "closed"], as: "admin@x.test")
        let late = "2026-12-07T09:00:01Z"
        let refused = try cli.run(["ticket", "comment", number, "--body", "Still broken", "--json"], as: "dan@x.test", now: late)
        #expect(refused.status == 7)
        let error = try refused.json()
        #expect(error["code"] as? String == "TICKET_CLOSED")
        #expect((error["message"] as? String)?.contains("more than 7 days ago") == true)
        let words = try cli.run(["ticket", "comment", number, "--body", "Still broken"], as: "dan@x.test", now: late)
        #expect(words.status == 7)
        #expect(words.stderr.contains("File a new ticket"))
        try cli.json(["ticket", "comment", number, "--body", "Still broken"], as: "dan@x.test", now: "2026-12-06T09:00:00Z")
        let shown = try cli.json(["ticket", "show", number], as: "dan@x.test", now: "2026-12-06T09:00:00Z")
        #expect(shown["status"] as? String == "reopened")
    }

    /// Issue 11, §10: an agent files for a registered customer with `--customer-email` and can
    /// read it; `submitter` names them, in JSON and in words.
    @Test func anAgentFilingForACustomerCanReadItAndIsNamedAsSubmitter() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket(subject: "Phoned in: login fails", as: "alice@x.test", extra: ["--customer-email", "dan@x.test"])
        let shown = try cli.json(["ticket", "show", number], as: "alice@x.test")
        #expect(shown["requester"] as? String == "dan@x.test")
        #expect(shown["submitter"] as? String == "alice@x.test")
        let words = try cli.run(["ticket", "show", number], as: "alice@x.test")
        #expect(words.status == 0)
        #expect(words.stdout.contains("Filed by: Alice <alice@x.test>"))
        #expect(try cli.run(["ticket", "show", number], as: "bob@x.test").status == 4)
    }

    /// Issue 11, §10: a locked account and an unknown email get the same exit status, the same
    /// words on stderr and the same JSON.
    @Test func aLockedAccountAndAnUnknownEmailLookTheSame() throws {
        let cli = try CLI()
        try cli.seedUsers()
        for _ in 0..<5 {
            #expect(try cli.run(["login", "--email", "dan@x.test", "--password-stdin"], stdin: "nope-nope\n").status == 3)
        }
        for json in [false, true] {
            let extra = json ? ["--json"] : []
            let locked = try cli.run(["login", "--email", "dan@x.test", "--password-stdin"] + extra, stdin: "password1\n")
            let unknown = try cli.run(["login", "--email", "nobody@x.test", "--password-stdin"] + extra, stdin: "password1\n")
            #expect(locked.status == 3 && unknown.status == 3)
            #expect(locked.stdout == unknown.stdout)
            #expect(locked.stderr == unknown.stderr)
            #expect((json ? locked.stdout : locked.stderr).contains("Wrong email or password"))
        }
    }

    /// Issue 11, §10: times for people show in the user's zone (set with `user set-time-zone`),
    /// else `TZ`, else UTC, labelled; `--json` stays UTC; the clock and category words are the
    /// console's.
    @Test func timesShowInTheUsersZoneLabelledAndJSONStaysUTC() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket(extra: ["--category", "feature_request"])
        let utc = try cli.run(["ticket", "show", number], as: "dan@x.test")
        #expect(utc.stdout.contains("Created: 2026-11-29 09:00 UTC"))
        #expect(utc.stdout.contains("First response: pending, 8h00m left, due 2026-11-29 17:00 UTC"))
        #expect(utc.stdout.contains("Category: feature request"))
        let fromTZ = try cli.run(["ticket", "show", number], as: "dan@x.test", environment: ["TZ": "America/New_York"])
        #expect(fromTZ.stdout.contains("Created: 2026-11-29 04:00 UTC-5"))
        let set = try cli.json(["user", "set-time-zone", "dan@x.test", "Asia/Kolkata"], as: "dan@x.test")
        #expect(set["time_zone"] as? String == "Asia/Kolkata")
        let own = try cli.run(["ticket", "show", number], as: "dan@x.test", environment: ["TZ": "America/New_York"])
        #expect(own.stdout.contains("Created: 2026-11-29 14:30 UTC+5:30"), "the user's own zone wins over TZ")
        let json = try cli.json(["ticket", "show", number], as: "dan@x.test")
        #expect(json["created_at"] as? String == "2026-11-29T09:00:00Z")
        let refused = try cli.run(["user", "set-time-zone", "dan@x.test", "GMT+1", "--json"], as: "dan@x.test")
        #expect(refused.status == 2)
        #expect((try refused.json()["errors"] as? [String: [String]])?["time_zone"] != nil)
        #expect(try cli.run(["user", "set-time-zone", "alice@x.test", "UTC"], as: "dan@x.test").status == 4)
        try cli.json(["user", "set-time-zone", "dan@x.test", "none"], as: "admin@x.test")
        let back = try cli.run(["ticket", "show", number], as: "dan@x.test")
        #expect(back.stdout.contains("Created: 2026-11-29 09:00 UTC"))
    }
}
