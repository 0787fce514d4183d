import Foundation
import GRDB
import HelpdeskCore
import HelpdeskUseCases
import Testing
@testable import HelpdeskSQLite

struct DatabaseTests {
    @Test func passwordsAreHashedWithSaltAndNeverStoredInClear() async throws {
        let fx = try await StoreFixture()
        let hashes = try await fx.database.writer.read { try String.fetchAll($0, sql: "SELECT password_hash FROM users") }
        #expect(hashes.count == 5)
        #expect(Set(hashes).count == 5, "same password, different salts")
        #expect(hashes.allSatisfy { $0.hasPrefix("pbkdf2-sha256$1000$") && !$0.contains("password1") })
        #expect(PBKDF2PasswordHasher().rounds == 600_000)
    }

    @Test func newDatabaseFilesAreOwnerOnly() async throws {
        let fx = try await StoreFixture()
        _ = try await fx.file()
        for suffix in ["", "-wal", "-shm"] {
            let path = fx.directory.appendingPathComponent("test.sqlite\(suffix)").path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "test.sqlite\(suffix)")
        }
    }

    @Test func aGroupModeCanBeChosenForSharedHelpdesks() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-mode-\(UUID().uuidString)")
        let path = directory.appendingPathComponent("shared.sqlite").path
        let database = try HelpdeskDatabase(path: path, fileMode: 0o660)
        try await database.writer.write { try $0.execute(sql: "INSERT INTO settings (key, value) VALUES ('x', 'y')") }
        for suffix in ["", "-wal", "-shm"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: path + suffix)
            #expect((attributes[.posixPermissions] as? Int) == 0o660, "shared.sqlite\(suffix)")
        }
        expectError(.validation, field: "mode") { try HelpdeskDatabase(path: path + "2", fileMode: 0o666) }
    }

    @Test func walAndFullSynchronousAreOn() async throws {
        let fx = try await StoreFixture()
        let (journal, synchronous, foreignKeys) = try await fx.database.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journal == "wal")
        #expect(synchronous == 2)
        #expect(foreignKeys == 1)
    }

    @Test func aFailingMigrationLeavesTheDatabaseAsItWas() async throws {
        let fx = try await StoreFixture()
        let number = try await fx.file()
        let path = try fx.database.path
        let broken = Schema.migrations + [
            Migration("2-adds-a-column") { db in try db.execute(sql: "ALTER TABLE tickets ADD COLUMN mood TEXT") },
            Migration("3-fails") { db in try db.execute(sql: "THIS IS NOT SQL") },
        ]
        expectError(.internalError) { try HelpdeskDatabase(path: path, migrations: broken) }
        let reopened = try HelpdeskDatabase(path: path)
        let (version, hasMood, stored) = try await reopened.writer.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"), try db.columns(in: "tickets").contains { $0.name == "mood" },
             try String.fetchOne(db, sql: "SELECT number FROM tickets"))
        }
        #expect(version == Schema.migrations.count)
        #expect(!hasMood)
        #expect(stored == number)
    }

    /// Migration 6 fills in the clock times the reports read for tickets stored before it, by the
    /// core's rule (waiting excluded). The file is taken back to the schema before it by hand.
    @Test func theClockTimesMigrationFillsInExistingTickets() async throws {
        let fx = try await StoreFixture()
        let number = try await fx.file(priority: "urgent")
        _ = try await fx.at(0.1).assign(number: number, to: "alice@x.test", by: fx.admin)
        _ = try await fx.at(0.2).changeStatus(number: number, to: "in_progress", by: fx.alice)
        _ = try await fx.at(1).changeStatus(number: number, to: "waiting", by: fx.alice)
        _ = try await fx.at(4).changeStatus(number: number, to: "in_progress", by: fx.alice)
        _ = try await fx.at(5).addComment(number: number, body: "Answer", isInternal: false, by: fx.alice)
        _ = try await fx.at(6).changeStatus(number: number, to: "resolved", by: fx.alice)
        let before = try #require(Schema.migrations.firstIndex { $0.name == "6-sla-clock-times" })
        try await fx.database.writer.writeWithoutTransaction { db in
            try db.execute(sql: """
                DROP INDEX tickets_created_report;
                DROP INDEX tickets_finished_report;
                ALTER TABLE tickets DROP COLUMN sla_first_response_seconds;
                ALTER TABLE tickets DROP COLUMN sla_resolution_seconds;
                CREATE INDEX tickets_created_report ON tickets(created_at, deleted_at, assignee_id, sla_first_response_met,
                    sla_resolution_met, first_response_at, resolved_at, closed_at);
                CREATE INDEX tickets_finished_report ON tickets(COALESCE(resolved_at, closed_at), deleted_at, assignee_id,
                    sla_resolution_met, created_at, resolved_at, closed_at);
                PRAGMA user_version = \(before);
                """)
        }
        // Only the migration under test runs: the later ones' changes are already in the file.
        let migrated = try HelpdeskDatabase(path: try fx.database.path, migrations: Array(Schema.migrations[...before]))
        let (version, firstResponse, resolution) = try await migrated.writer.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA user_version"),
             try Double.fetchOne(db, sql: "SELECT sla_first_response_seconds FROM tickets"),
             try Double.fetchOne(db, sql: "SELECT sla_resolution_seconds FROM tickets"))
        }
        #expect(version == before + 1)
        #expect(firstResponse == 2 * 3600.0, "answered at 5 h, 3 h of it waiting")
        #expect(resolution == 3 * 3600.0)
    }

    /// Migration 7 normalises stored emails (NFC, case-folded); accounts that would become one
    /// address stay as stored, and `check` lists them.
    @Test func theEmailMigrationNormalisesAndLeavesCollisionsForCheck() async throws {
        let fx = try await StoreFixture()
        let number = try await fx.file()
        let before = try #require(Schema.migrations.firstIndex { $0.name == "7-normalised-emails" })
        let precomposed = "jos\u{E9}@c.test", decomposed = "jose\u{301}@c.test"
        try await fx.database.writer.writeWithoutTransaction { db in
            for email in ["Mixed@X.Test", precomposed, decomposed] {
                try db.execute(
                    sql: "INSERT INTO users (email, name, role, created_at) VALUES (?, 'Legacy', 'customer', '2026-01-01T00:00:00.000Z')",
                    arguments: [email])
            }
            try db.execute(sql: "UPDATE tickets SET customer_email = 'Contact@Y.Test' WHERE number = ?", arguments: [number])
            try db.execute(sql: "PRAGMA user_version = \(before)")
        }
        // Only the migration under test runs: the later ones' changes are already in the file.
        let migrated = try HelpdeskDatabase(path: try fx.database.path, migrations: Array(Schema.migrations[...before]))
        let (emails, contact) = try await migrated.writer.read { db in
            (try String.fetchAll(db, sql: "SELECT email FROM users WHERE name = 'Legacy' ORDER BY id"),
             try String.fetchOne(db, sql: "SELECT customer_email FROM tickets"))
        }
        // Swift's `==` holds canonically equivalent strings equal; SQLite compares bytes, so do we.
        #expect(emails.map { Array($0.utf8) } == ["mixed@x.test", precomposed, decomposed].map { Array($0.utf8) }, "the colliding pair stays as stored")
        #expect(contact == "contact@y.test")
        let report = try migrated.check()
        #expect(report.emailCollisions.map { $0.map { Array($0.utf8) } } == [[Array(precomposed.utf8), Array(decomposed.utf8)]])
        #expect(!report.isHealthy)
        #expect(try fx.database.check().isHealthy == false)
    }

    /// A file written at schema 5 (before issue 11) upgrades in one go: clock times filled in by the
    /// core's rule, emails normalised, each ticket's submitter taken from its creation history.
    @Test func aFileFromBeforeIssue11Upgrades() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-upgrade-\(UUID().uuidString)")
        let path = directory.appendingPathComponent("old.sqlite").path
        let five = try #require(Schema.migrations.firstIndex { $0.name == "5-credential-version" })
        let old = try HelpdeskDatabase(path: path, migrations: Array(Schema.migrations[...five]))
        try await old.writer.write { db in
            try db.execute(sql: """
                INSERT INTO users (id, email, name, role, created_at) VALUES
                    (1, 'Dan@X.Test', 'Dan', 'customer', '2026-11-01 00:00:00.000'),
                    (2, 'alice@x.test', 'Alice', 'agent', '2026-11-01 00:00:00.000');
                INSERT INTO tickets (id, number, subject, description, status, priority, priority_rank, category, requester_id,
                    customer_email, assignee_id, created_at, updated_at, first_response_at, resolved_at, version,
                    sla_first_response_due, sla_resolution_due, sla_paused_at, sla_next_due, sla_next_risk)
                VALUES (1, 'TICK-20261120-0001', 'Printer on fire', 'It is really on fire.', 'resolved', 'urgent', 0, 'general', 1,
                    'Dan@X.Test', 2, '2026-11-20 08:00:00.000', '2026-11-20 12:00:00.000', '2026-11-20 10:00:00.000',
                    '2026-11-20 12:00:00.000', 4, '2026-11-20 10:00:00.000', '2026-11-21 08:00:00.000', '2026-11-20 12:00:00.000',
                    '4001-01-01 00:00:00.000', '4001-01-01 00:00:00.000');
                INSERT INTO history (ticket_id, actor_id, at, action) VALUES (1, 2, '2026-11-20 08:00:00.000', 'created');
                INSERT INTO ticket_sequences (day, last) VALUES ('20261120', 1);
                """)
        }
        let upgraded = try HelpdeskDatabase(path: path)
        let storage = SQLiteStorage(database: upgraded)
        let service = Helpdesk(storage: storage, clock: FixedTimeSource(Date(timeIntervalSince1970: 1_795_600_000)), hasher: StoreFixture.hasher, digest: SHA256Digester())
        let alice = try await service.actor(email: "alice@x.test")
        let listing = try await service.ticket(number: "TICK-20261120-0001", by: alice)
        #expect(listing.requester.email == "dan@x.test")
        #expect(listing.ticket.customerEmail == "dan@x.test")
        #expect(listing.submitter.id == alice.id)
        #expect(listing.ticket.sla.firstResponseSeconds == 2 * 3600.0)
        #expect(listing.ticket.sla.resolutionSeconds == 4 * 3600.0)
        #expect(listing.ticket.sla.firstResponseMet == true)
        #expect(try await upgraded.writer.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == Schema.migrations.count)
        #expect(try upgraded.check().isHealthy)
    }

    @Test func aDatabaseNewerThanTheProgramIsRefusedUntouched() async throws {
        let fx = try await StoreFixture()
        try await fx.database.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 99") }
        do {
            _ = try HelpdeskDatabase(path: try fx.database.path)
            Issue.record("opened a database from the future")
        } catch let error as HelpdeskError {
            #expect(error.code == .internalError)
            #expect(error.message.contains("schema version 99"))
        }
        #expect(try await fx.database.writer.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 99)
    }

    @Test func locationFollowsFlagThenEnvironmentThenXDG() {
        #expect(DatabaseLocation.resolve(explicit: "/a.db", environment: ["HELPDESK_DB": "/b.db"]) == "/a.db")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["HELPDESK_DB": "/b.db"]) == "/b.db")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/xdg"]) == "/xdg/helpdesk/helpdesk.sqlite")
        #expect(DatabaseLocation.resolve(explicit: nil, environment: ["HOME": "/home/u"]) == "/home/u/.local/share/helpdesk/helpdesk.sqlite")
    }
}

/// What only the SQLite engine's own tables can show.
struct SQLiteTableTests {
    @Test func aPurgeLeavesNoCommentHistoryOrSearchRowBehind() async throws {
        let fx = try await StoreFixture()
        let number = try await fx.file()
        _ = try await fx.service.addComment(number: number, body: "hello from the thread", isInternal: false, by: fx.dan)
        _ = try await fx.service.deleteTicket(number: number, by: fx.admin)
        #expect(try await fx.count("SELECT COUNT(*) FROM comments") == 1)
        try await fx.service.purgeTicket(number: number, by: fx.admin)
        for table in ["tickets", "comments", "history", "ticket_reads"] {
            #expect(try await fx.count("SELECT COUNT(*) FROM \(table)") == 0, "\(table)")
        }
        #expect(try await fx.count("SELECT COUNT(*) FROM comment_fts WHERE comment_fts MATCH 'hello'") == 0)
        #expect(try await fx.count("SELECT COUNT(*) FROM ticket_fts WHERE ticket_fts MATCH 'printer'") == 0)
    }

    @Test func theDaysSequenceGrowsPastFourDigits() async throws {
        let fx = try await StoreFixture(start: ISO8601DateFormatter().date(from: "2026-11-29T12:00:00Z")!)
        #expect(try await fx.file() == "TICK-20261129-0001")
        try await fx.database.writer.write { try $0.execute(sql: "UPDATE ticket_sequences SET last = 9998 WHERE day = '20261129'") }
        #expect(try await fx.file() == "TICK-20261129-9999")
        #expect(try await fx.file() == "TICK-20261129-10000")
    }
}
