import GRDB
import HelpdeskCore

/// One step of the schema, numbered by its position in the list.
public struct Migration: Sendable {
    /// `N-what-it-does`, unique; recorded so that a step runs once.
    public let name: String
    /// The step, run inside the migrating transaction.
    public let apply: @Sendable (Database) throws -> Void

    /// A step named `name`.
    public init(_ name: String, apply: @escaping @Sendable (Database) throws -> Void) {
        self.name = name
        self.apply = apply
    }
}

/// Brings a database to the newest schema. `PRAGMA user_version` holds how many migrations have been
/// applied; all pending ones run in one transaction, so a failing step leaves the file as it was.
struct Migrator {
    let migrations: [Migration]

    func migrate(_ writer: DatabaseQueue) throws {
        try writer.writeWithoutTransaction { db in
            // Every process opens the file; an up-to-date one needs no write lock to find that out.
            if try Int.fetchOne(db, sql: "PRAGMA user_version") == migrations.count { return }
            try db.inTransaction(.immediate) {
                let applied = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if applied < 0 {
                    throw HelpdeskError(
                        .internalError, "The database has schema version \(applied), which no helpdesk writes; the file was left untouched")
                }
                if applied > migrations.count {
                    throw HelpdeskError(
                        .internalError,
                        "The database has schema version \(applied) but this program knows only \(migrations.count); use a newer helpdesk. The file was left untouched.")
                }
                for migration in migrations[applied...] {
                    do {
                        try migration.apply(db)
                    } catch {
                        throw HelpdeskError(.internalError, "Migration \(migration.name) failed: \(error)")
                    }
                }
                if applied < migrations.count {
                    try db.execute(sql: "PRAGMA user_version = \(migrations.count)")
                }
                return .commit
            }
        }
    }
}
