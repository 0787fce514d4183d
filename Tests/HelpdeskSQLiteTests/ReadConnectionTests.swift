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
