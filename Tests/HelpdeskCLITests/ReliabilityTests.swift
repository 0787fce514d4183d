import Foundation
import GRDB
import HelpdeskCore
import HelpdeskSQLite
import Testing

/// Crashes, contention, backups and checks. `HELPDESK_LONG_TESTS=1` runs the long versions.
@Suite(.serialized)
struct ReliabilityTests {
    static let long = ProcessInfo.processInfo.environment["HELPDESK_LONG_TESTS"] == "1"
    static let torture = CLI.binary.deletingLastPathComponent().appendingPathComponent("helpdesk-torture")

    func torture(_ arguments: [String]) throws -> Spawned {
        try Spawned(
            Self.torture, arguments, environment: ProcessInfo.processInfo.environment, directory: nil, input: nil, output: nil, errors: nil)
    }

    @Test func everyAcknowledgedWriteSurvivesSIGKILL() throws {
        let cli = try CLI()
        let setup = try torture(["setup", cli.database])
        setup.waitUntilExit()
        #expect(setup.terminationStatus == 0)
        let acks = cli.directory.appendingPathComponent("acks.log").path
        let kills = Self.long ? 60 : 5
        let seed = TestSeed(default: 2026)
        var random = SplitMix64(seed: seed.value)
        for round in 0..<kills {
            let writer = try torture(["crash-writer", cli.database, acks, "\(seed.value &+ UInt64(round))"])
            // A seeded, reproducible moment to pull the plug: somewhere in the writer's stream.
            usleep(useconds_t(80_000 + random.next(below: 300_000)))
            kill(writer.processIdentifier, SIGKILL)
            writer.waitUntilExit()
            #expect(writer.endedBySignal)
            let report = try HelpdeskDatabase(path: cli.database).check()
            #expect(report.isHealthy, "round \(round): \(report); \(seed)")
        }
        let lines = try String(contentsOfFile: acks, encoding: .utf8).split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.count > kills, "the writer got work done between kills")
        let database = try HelpdeskDatabase(path: cli.database)
        try database.writer.read { db in
            for line in lines {
                switch line[0] {
                case "ticket":
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets WHERE number = ?", arguments: [line[1]]) == 1, "\(line); \(seed)")
                case "comment":
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM comments WHERE id = ?", arguments: [Int64(line[2]) ?? -1]) == 1, "\(line); \(seed)")
                case "assigned":
                    #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets WHERE number = ? AND assignee_id IS NOT NULL", arguments: [line[1]]) == 1, "\(line); \(seed)")
                default:
                    Issue.record("unknown acknowledgement \(line); \(seed)")
                }
            }
            let unrecorded = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.ticket_id = t.id AND h.action = 'created')
                """)
            #expect(unrecorded == 0, "no ticket without its creation history")
            let uncounted = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM comments c WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.ticket_id = c.ticket_id AND h.action = 'commented')
                """)
            #expect(uncounted == 0, "no comment without its history")
        }
        print("crash test: \(kills) SIGKILLs, \(lines.count) acknowledged writes, all present, integrity ok")
    }

    /// Sixteen `login` processes at once, fifteen wrong guesses and the right password at a seeded
    /// place: their outcomes are recorded one after another across processes, so the account ends
    /// locked (failures after the lock never lift it), for exactly the lock's 15 minutes.
    @Test func concurrentLoginProcessesLeaveTheAccountLocked() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let seed = TestSeed(default: 16)
        var random = SplitMix64(seed: seed.value)
        let right = random.next(below: 16)
        let started = try (0..<16).map { index in
            try cli.start(["login", "--email", "dan@x.test", "--password-stdin"], stdin: index == right ? "password1\n" : "guess-number-\(index)\n")
        }
        var answers: [Int32: Int] = [:]
        for process in started { answers[try CLI.finish(process).status, default: 0] += 1 }
        let context = "right password at \(right), \(seed): exit statuses \(answers)"
        #expect(answers[0, default: 0] <= 1 && answers[0, default: 0] + answers[3, default: 0] == 16, "\(context)")
        let login = ["login", "--email", "dan@x.test", "--password-stdin"]
        #expect(try cli.run(login, stdin: "password1\n").status == 3, "the account ends locked; \(context)")
        #expect(try cli.run(login, stdin: "password1\n", now: "2026-11-29T09:14:59Z").status == 3, "\(context)")
        #expect(try cli.run(login, stdin: "password1\n", now: "2026-11-29T09:15:00Z").status == 0, "\(context)")
    }

    @Test func eightProcessesOnTheSameHotTickets() throws {
        let cli = try CLI()
        let setup = try torture(["setup", cli.database])
        setup.waitUntilExit()
        let workers = 8, operations = Self.long ? 250 : 30
        let seed = TestSeed(default: 42)
        let started = Date()
        let processes = try (0..<workers).map { worker in
            try torture(["contend", cli.database, "\(worker)", "\(operations)", "\(seed.value)", cli.directory.appendingPathComponent("worker-\(worker).tsv").path])
        }
        for process in processes { process.waitUntilExit() }
        let elapsed = Date().timeIntervalSince(started)
        #expect(processes.allSatisfy { $0.terminationStatus == 0 }, "\(seed)")
        let rows = try (0..<workers).flatMap { worker in
            try String(contentsOfFile: cli.directory.appendingPathComponent("worker-\(worker).tsv").path, encoding: .utf8)
                .split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        }
        #expect(rows.count == workers * operations)
        let failures = rows.filter { $0[1] != "ok" && $0[1] != "CONFLICT" }
        #expect(failures.isEmpty, "no operation may fail with anything but a CONFLICT: \(failures.prefix(3)); \(seed)")
        let created = rows.filter { $0[0] == "create" && $0[1] == "ok" }.map { $0[3] }
        #expect(Set(created).count == created.count, "distinct numbers")
        let sequences = created.compactMap { Int($0.split(separator: "-").last ?? "") }.sorted()
        #expect(sequences == Array(4..<(4 + created.count)), "dense: the three hot tickets, then every created one; \(seed)")
        let appliedPriorityChanges = rows.filter { $0[0] == "priority" && $0[1] == "ok" }.count
        let conflicts = rows.filter { $0[1] == "CONFLICT" }.count
        let database = try HelpdeskDatabase(path: cli.database)
        let recorded = try database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM history WHERE field = 'priority'") ?? -1
        }
        #expect(recorded == appliedPriorityChanges, "history holds exactly the applied changes; a conflict wrote nothing; \(seed)")
        let comments = rows.filter { $0[0] == "comment" && $0[1] == "ok" }.count
        #expect(try database.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM comments") } == comments)
        let worst = rows.compactMap { Double($0[2]) }.max() ?? 0
        print(String(format: "contention: %d processes, %d operations in %.2f s (%.0f ops/s), %d conflicts, worst wait %.0f ms",
                     workers, rows.count, elapsed, Double(rows.count) / elapsed, conflicts, worst * 1000))
    }

    @Test func backupIsConsistentWhileAnotherProcessWrites() throws {
        let cli = try CLI()
        let setup = try torture(["setup", cli.database])
        setup.waitUntilExit()
        let writer = try torture(["crash-writer", cli.database, cli.directory.appendingPathComponent("acks").path, "9"])
        defer {
            kill(writer.processIdentifier, SIGKILL)
            writer.waitUntilExit()
        }
        let copy = cli.directory.appendingPathComponent("copy.sqlite").path
        let backup = try cli.run(["backup", copy])
        #expect(backup.status == 0, "\(backup.stderr)")
        let check = try cli.json(["check", "--db", copy])
        #expect(check["healthy"] as? Bool == true)
        let attributes = try FileManager.default.attributesOfItem(atPath: copy)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try cli.run(["backup", copy]).status == 2, "an existing file is never overwritten")
    }

    @Test func checkReportsBrokenReferences() throws {
        let cli = try CLI()
        try cli.seedUsers()
        _ = try cli.createTicket()
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        // The comments' search trigger calls the helpdesk's own SQL function.
        configuration.prepareDatabase { HelpdeskDatabase.addFunctions(to: $0) }
        let raw = try DatabaseQueue(path: cli.database, configuration: configuration)
        try raw.write { db in
            try db.execute(sql: "INSERT INTO comments (ticket_id, author_id, body, is_internal, created_at) VALUES (999, 1, 'orphan', 0, '2026-01-01')")
        }
        try raw.close()
        let result = try cli.run(["check"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("foreign keys: 1 broken reference(s)"))
        #expect(result.stdout.contains("comments row"))
    }

    @Test func adminActionsAreAuditedAndSurviveAPurge() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket()
        try cli.json(["user", "set-role", "bob@x.test", "admin"], as: "admin@x.test")
        try cli.json(["user", "deactivate", "alice@x.test"], as: "admin@x.test")
        try cli.json(["ticket", "delete", number], as: "admin@x.test")
        try cli.json(["ticket", "purge", number], as: "admin@x.test")
        let reset = try cli.json(["user", "reset-password", "dan@x.test", "--generate"], as: "admin@x.test")
        let password = try #require(reset["password"] as? String)
        #expect(try cli.run(["login", "--email", "dan@x.test", "--password-stdin"], stdin: password + "\n").status == 0)
        let audit = try cli.json(["audit"], as: "admin@x.test")
        let actions = try #require(audit["audit"] as? [[String: Any]]).map { "\($0["action"] ?? "") \($0["target"] ?? "")" }
        #expect(actions.prefix(5) == [
            "user.password-reset dan@x.test", "ticket.purge \(number)", "ticket.delete \(number)", "user.deactivate alice@x.test",
            "user.role bob@x.test",
        ])
        #expect(try cli.run(["audit", "--json"], as: "dan@x.test").status == 4)
        #expect(!audit.description.contains("password1"))
    }
}
