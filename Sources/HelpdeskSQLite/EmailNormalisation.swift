import GRDB
import HelpdeskCore

/// Stored emails brought to the one form the core compares (`Validator.normalizedEmail`), and the
/// accounts that could not be: two rows whose addresses differ only in Unicode composition or case
/// belong, by the rule, to one person, and the program cannot choose which of them is that person.
enum EmailNormalisation {
    /// Migration 7: every user's email and every ticket's contact address normalised. Accounts whose
    /// addresses would collide once normalised stay exactly as stored (`collisions` lists them, and
    /// so does `helpdesk check`), so no login, ticket or history row changes owner silently.
    static func migrate(_ db: Database) throws {
        for group in try groups(db) where group.count == 1 {
            let (id, stored) = group[0]
            let normalized = Validator.normalizedEmail(stored)
            // Swift's `==` holds canonically equivalent strings equal; SQLite compares bytes.
            if !normalized.utf8.elementsEqual(stored.utf8) {
                try db.execute(sql: "UPDATE users SET email = ? WHERE id = ?", arguments: [normalized, id])
            }
        }
        for stored in try String.fetchAll(db, sql: "SELECT DISTINCT customer_email FROM tickets") {
            let normalized = Validator.normalizedEmail(stored)
            if !normalized.utf8.elementsEqual(stored.utf8) {
                try db.execute(sql: "UPDATE tickets SET customer_email = ? WHERE customer_email = ?", arguments: [normalized, stored])
            }
        }
    }

    /// Accounts whose stored emails are one address once normalised: each group's emails as stored,
    /// by user id; groups ordered by their first email.
    static func collisions(_ db: Database) throws -> [[String]] {
        try groups(db).filter { $0.count > 1 }.map { $0.map(\.email) }.sorted { $0[0] < $1[0] }
    }

    /// Every account grouped by its normalised email.
    private static func groups(_ db: Database) throws -> [[(id: Int64, email: String)]] {
        var byNormalized: [String: [(id: Int64, email: String)]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, email FROM users ORDER BY id") {
            let email: String = row["email"]
            byNormalized[Validator.normalizedEmail(email), default: []].append((row["id"], email))
        }
        return Array(byNormalized.values)
    }
}
