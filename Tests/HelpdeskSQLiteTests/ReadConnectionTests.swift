import Foundation
import GRDB
import GRDBSQLite
import HelpdeskCore
import Testing
@testable import HelpdeskSQLite

/// The storage reads on a read-only connection of their own (`HelpdeskDatabase.reader`).
struct ReadConnectionTests {
    /// On the writing connection each read was fenced by `PRAGMA query_only` on and off, and SQLite
    /// expires every prepared statement of a connection when a flag pragma is set: every read
    /// compiled its cached statements again. On the read-only connection they stay compiled.
    @Test func readsKeepTheirStatementsCompiled() async throws {
        let fx = try await StoreFixture()
        let storage = try #require(fx.storage as? SQLiteStorage)
        for _ in 0..<3 { #expect(try await storage.user(id: fx.alice.id)?.email == "alice@x.test") }
        let recompiled = try await storage.database.reader.read { db in
            let statement = try db.cachedStatement(sql: "SELECT \(UserTable.selectColumns) FROM users WHERE id = ?")
            return sqlite3_stmt_status(statement.sqliteStatement, SQLITE_STMTSTATUS_REPREPARE, 0)
        }
        #expect(recompiled == 0, "the cached statement was compiled again \(recompiled) times")
    }

    /// The writer closes last, so that it checkpoints the WAL and removes the sidecar files: a
    /// read-only connection closing last would leave them behind (a demo moved into place without its
    /// rows, a group member shut out by the owner's `-shm`).
    @Test func releasingOrClosingTheDatabaseLeavesNoWriteAheadFiles() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-close-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, explicitly) in [("released", false), ("closed", true)] {
            let path = directory.appendingPathComponent("\(name).sqlite").path
            do {
                let database = try HelpdeskDatabase(path: path)
                try await database.writer.write { try $0.execute(sql: "INSERT INTO settings (key, value) VALUES ('x', 'y')") }
                #expect(try await SQLiteStorage(database: database).user(id: 1) == nil)
                #expect(FileManager.default.fileExists(atPath: path + "-wal"), "open, the database has its WAL")
                if explicitly { try database.close() }
            }
            for suffix in ["-wal", "-shm"] {
                #expect(!FileManager.default.fileExists(atPath: path + suffix), "\(name): \(suffix) is left")
            }
            let reopened = try HelpdeskDatabase(path: path)
            #expect(try await reopened.reader.read { try String.fetchOne($0, sql: "SELECT value FROM settings WHERE key = 'x'") } == "y")
        }
    }

    /// SQLite itself refuses a write on the reading connection, as `query_only` did.
    @Test func theReadingConnectionCannotWrite() async throws {
        let fx = try await StoreFixture()
        let storage = try #require(fx.storage as? SQLiteStorage)
        await #expect(throws: DatabaseError.self) {
            try await storage.database.reader.read { db in
                try db.execute(sql: "UPDATE users SET name = 'Mallory' WHERE id = ?", arguments: [fx.alice.id])
            }
        }
        #expect(try await storage.user(id: fx.alice.id)?.name == fx.alice.name)
    }
}
