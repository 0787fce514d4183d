import Foundation
import GRDB
import Testing

/// Faults found by attacking the storage, `check` and the command line (issue 12's kinds), each a
/// test: stored values that still trapped or misled, files that could be lost, paths that were not
/// refused, a newer file that was touched.
struct AttackFindingsTests {
    let checks = CheckTests()
    let files = DatabaseFileTests()

    @Test func aDatabaseOrBackupNamedLikeAJournalIsRefused() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let backup = cli.database + "-journal"
        try files.expectRefused(try cli.run(["backup", backup, "--json"]), field: "path")
        #expect(!files.exists(backup))
        let other = cli.directory.appendingPathComponent("j.sqlite-wal").path
        try files.expectRefused(try cli.run(["init", "--db", other, "--json"]), field: "db")
        #expect(!files.exists(other))
    }

    @Test func anEmptyDbIsRefusedAndAnEmptyFileIsNotMadeADatabase() throws {
        let cli = try CLI()
        try cli.seedUsers()
        try files.expectRefused(try cli.run(["ticket", "list", "--db", "", "--json"], as: "admin@x.test"), field: "db")
        let empty = cli.directory.appendingPathComponent("empty.txt").path
        #expect(FileManager.default.createFile(atPath: empty, contents: nil))
        try files.expectRefused(try cli.run(["ticket", "list", "--db", empty, "--json"], as: "admin@x.test"), field: "db")
        #expect(try FileManager.default.attributesOfItem(atPath: empty)[.size] as? Int == 0, "left as it was")
        let fresh = cli.directory.appendingPathComponent("new/first.sqlite").path
        let refused = try cli.run(["user", "add", "--db", fresh, "--email", "bad", "--name", "A", "--role", "admin", "--password", "short", "--json"])
        #expect(try refused.json()["code"] as? String == "VALIDATION_ERROR")
        #expect(!files.exists(fresh) && !files.exists(cli.directory.appendingPathComponent("new").path), "a refused first user creates nothing")
    }

    @Test func aFileOfANewerProgramIsLeftByteForByte() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let newer = cli.directory.appendingPathComponent("newer.sqlite").path
        let raw = try DatabaseQueue(path: newer)
        try raw.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99") }
        try raw.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: newer))
        let result = try cli.run(["ticket", "list", "--db", newer, "--json"], as: "admin@x.test")
        #expect(try result.json()["code"] as? String == "INTERNAL_ERROR")
        #expect(try Data(contentsOf: URL(fileURLWithPath: newer)) == before)
        #expect(!files.exists(newer + "-wal"))
    }

    @Test func plantedCountersAndDurationsAreRefusedByNameNotTrappedOrTrusted() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket()
        try checks.plant(cli, """
            UPDATE ticket_tally SET n = 4611686018427387904 WHERE status = 'open';
            INSERT INTO ticket_tally VALUES (0, 'assigned', 5, 'high', 'general', 4611686018427387904);
            UPDATE ticket_sequences SET last = 'abc';
            UPDATE tickets SET sla_first_response_paused = -31000000000 WHERE number = '\(number)';
            """)
        let dashboard = try cli.run(["report", "dashboard", "--json"], as: "admin@x.test")
        #expect(dashboard.status == 1, "an error, not a trap (status \(dashboard.status))")
        #expect(try dashboard.json()["code"] as? String == "INTERNAL_ERROR")
        let create = try cli.run(["ticket", "create", "--subject", "Another one", "--description", "After the damage.", "--json"], as: "dan@x.test")
        #expect(try create.json()["code"] as? String == "INTERNAL_ERROR", "not a misleading CONFLICT")
        let report = try cli.run(["check", "--json"])
        let stored = try #require(try report.json()["stored_values"] as? [String])
        #expect(stored.contains { $0.hasPrefix("ticket_sequences.last") }, "\(stored)")
        #expect(stored.contains { $0.hasPrefix("tickets.sla_first_response_paused") }, "\(stored)")
    }

    @Test func aVersionAtTheLimitIsNotBumpedPastWhatTheReaderAccepts() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let number = try cli.createTicket()
        try checks.plant(cli, "UPDATE tickets SET version = 9007199254740992 WHERE number = '\(number)'")
        let bump = try cli.run(["ticket", "priority", number, "urgent", "--json"], as: "admin@x.test")
        #expect(try bump.json()["code"] as? String == "INTERNAL_ERROR")
        #expect(try cli.run(["ticket", "show", number, "--json"], as: "admin@x.test").status == 0, "still readable")
    }

    @Test func checkShowsPlantedControlCharactersAsMarks() throws {
        let cli = try CLI()
        try cli.seedUsers()
        try checks.plant(cli, "UPDATE users SET role = char(27) || ']0;PWNED' || char(7) WHERE email = 'bob@x.test'")
        let text = try cli.run(["check"])
        #expect(text.stdout.contains("^[]0;PWNED^G"), "\(text.stdout)")
        #expect(!text.stdout.contains("\u{1B}"))
        let users = try cli.run(["user", "list"], as: "admin@x.test")
        #expect(!users.stderr.contains("\u{1B}") && !users.stdout.contains("\u{1B}"))
    }
}
