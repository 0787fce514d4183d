import Foundation
import GRDB
import Testing

/// `check` always reports (text, or JSON with `--json`) and exits 1 when anything is wrong: damaged
/// pages, stored values its readers would refuse, counters that disagree with the tickets; and a
/// backup that cannot be written says why.
struct CheckTests {
    /// Writes `sql` into the database as a hand-edit or an older program would.
    func plant(_ cli: CLI, _ sql: String) throws {
        let raw = try DatabaseQueue(path: cli.database)
        try raw.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: sql)
        }
        try raw.close()
    }

    @Test func storedValuesTheReadersWouldRefuseAreNamedNotTrapped() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let first = try cli.createTicket(), second = try cli.createTicket(subject: "Second ticket here")
        try plant(cli, """
            UPDATE tickets SET created_at = '1999-12-31 23:59:59.000' WHERE number = '\(first)';
            UPDATE tickets SET status = 'pending' WHERE number = '\(second)';
            UPDATE users SET role = 'superuser', created_at = 'soon' WHERE email = 'bob@x.test';
            """)
        let list = try cli.run(["ticket", "list", "--json"], as: "admin@x.test")
        #expect(list.status == 1, "an error, not a crash: \(list.status) \(list.stderr)")
        let error = try list.json()
        #expect(error["code"] as? String == "INTERNAL_ERROR")
        #expect((error["message"] as? String)?.contains("tickets.created_at of row 1") == true, "\(error)")
        let users = try cli.run(["user", "list"], as: "admin@x.test")
        #expect(users.status == 1 && users.stderr.contains("users.role of row 3"), "\(users.stderr)")

        let text = try cli.run(["check"])
        #expect(text.status == 1)
        #expect(text.stdout.contains("stored values: 3 problem(s)"), "\(text.stdout)")
        #expect(text.stdout.contains("tickets.status of row 2 is \"pending\""))
        let report = try cli.run(["check", "--json"])
        #expect(report.status == 1)
        let json = try report.json()
        #expect(json["healthy"] as? Bool == false)
        let stored = try #require(json["stored_values"] as? [String])
        #expect(stored.map { $0.prefix { $0 != " " } }.sorted() == ["tickets.created_at", "tickets.status", "users.role"], "\(stored)")
    }

    /// What a deleted `-wal` under a running writer leaves: a sound file whose counters and records
    /// disagree with its tickets.
    @Test func countersThatDisagreeWithTheTicketsAreReported() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let first = try cli.createTicket()
        _ = try cli.createTicket(subject: "Second ticket here")
        #expect(try cli.json(["check"])["healthy"] as? Bool == true)
        try plant(cli, """
            UPDATE ticket_tally SET n = n + 1;
            UPDATE ticket_days SET created = created + 2;
            DELETE FROM history WHERE action = 'created' AND ticket_id = (SELECT id FROM tickets WHERE number = '\(first)');
            UPDATE ticket_sequences SET last = 1;
            """)
        let result = try cli.run(["check", "--json"])
        #expect(result.status == 1)
        let found = try #require(try result.json()["consistency"] as? [String])
        #expect(found.contains { $0.hasPrefix("ticket_tally counts 3 tickets (live, status open, assignee id 0") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("ticket_days counts 4 created") }, "\(found)")
        #expect(found.contains("tickets row 1 (\(first)) has no creation history"), "\(found)")
        #expect(found.contains { $0.hasPrefix("ticket_sequences for ") && $0.hasSuffix("is 1 but ticket number 2 of that day exists") }, "\(found)")
        #expect(try cli.run(["check"]).stdout.contains("consistency: 4 problem(s)"))
    }

    @Test func aDamagedIndexIsReportedNotRaised() throws {
        let cli = try CLI()
        try cli.seedUsers()
        for index in 0..<20 { _ = try cli.createTicket(subject: "Ticket number \(index)") }
        let raw = try DatabaseQueue(path: cli.database)
        let (pageSize, root) = try raw.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096,
             try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'tickets_created'") ?? 0)
        }
        try raw.close()
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: cli.database))
        try handle.seek(toOffset: UInt64((root - 1) * pageSize))
        try handle.write(contentsOf: Data(repeating: 0xFF, count: pageSize))
        try handle.close()
        let text = try cli.run(["check"])
        #expect(text.status == 1)
        #expect(text.stdout.hasPrefix("integrity: 1 problem(s)\n  could not finish: the file is damaged"), "\(text.stdout) \(text.stderr)")
        #expect(text.stdout.contains("stored values: ok"), "the other checks still ran")
        let json = try cli.run(["check", "--json"])
        #expect(json.status == 1)
        #expect(try json.json()["healthy"] as? Bool == false, "a report, not an error: \(json.stdout)")
    }

    /// A file-size limit stands in for a full disk: the write fails the same way (SQLite's I/O error).
    @Test func aBackupThatCannotBeWrittenSaysWhyAndLeavesNothing() throws {
        let cli = try CLI()
        try cli.seedUsers()
        for index in 0..<10 { _ = try cli.createTicket(subject: "Ticket number \(index)") }
        let copy = cli.directory.appendingPathComponent("copy.sqlite").path
        var environment = ProcessInfo.processInfo.environment
        environment["HELPDESK_DB"] = cli.database
        // 64 blocks of 512 bytes: less than the database.
        let (status, stdout) = try Spawned.run(
            "/bin/sh", ["-c", "trap '' XFSZ; ulimit -f 64; exec \"$0\" backup \"$1\" --json", CLI.binary.path, copy], environment: environment)
        #expect(status == 1, "\(stdout)")
        let error = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        #expect(error["code"] as? String == "INTERNAL_ERROR")
        let message = try #require(error["message"] as? String)
        #expect(message.contains("Backup to \(copy) failed") && message.contains("writing the file failed"), "\(message)")
        #expect(!message.contains("not an error"), "\(message)")
        for suffix in ["", "-journal", "-wal"] {
            #expect(!FileManager.default.fileExists(atPath: copy + suffix), "no partial copy\(suffix) is left")
        }
    }

    /// A real full disk (a 64 KB tmpfs; needs root and the right to mount, else it says so and stops).
    @Test(.enabled(if: getuid() == 0, "mounting a small file system needs root"))
    func aBackupOntoAFullDiskSaysTheDiskIsFull() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let small = cli.directory.appendingPathComponent("small").path
        try FileManager.default.createDirectory(atPath: small, withIntermediateDirectories: true)
        guard try Spawned.run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", small]).status == 0 else {
            print("aBackupOntoAFullDiskSaysTheDiskIsFull: cannot mount a tmpfs here; the file-size-limit test covers the failure path")
            return
        }
        defer { _ = try? Spawned.run("/bin/umount", [small]) }
        let copy = small + "/copy.sqlite"
        let result = try cli.run(["backup", copy, "--json"])
        #expect(result.status == 1)
        let message = try #require(try result.json()["message"] as? String)
        #expect(message == "Backup to \(copy) failed: the disk is full (SQLite result code 13); nothing was left behind")
        #expect(try FileManager.default.contentsOfDirectory(atPath: small).isEmpty, "no partial copy is left")
    }
}
