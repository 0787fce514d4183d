import Foundation
import GRDB
import HelpdeskSQLite
import Testing

/// The shipped binary hashes at full cost whatever its environment says, and upgrades a cheaper
/// stored hash (an older policy, or the tests' fixtures) at its next successful login.
struct PasswordCostTests {
    func storedHash(_ cli: CLI, _ email: String) throws -> String? {
        let database = try HelpdeskDatabase(path: cli.database)
        return try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT password_hash FROM users WHERE email = ?", arguments: [email])
        }
    }

    @Test func aTestOnlyKnobDoesNotLowerTheShippedBinarysCost() throws {
        let cli = try CLI()
        let knob = ["HELPDESK_TEST_PASSWORD_ROUNDS": "1"]
        try #require(try cli.run(
            ["user", "add", "--email", "admin@x.test", "--name", "Ada", "--role", "admin", "--password", "password1"], environment: knob
        ).status == 0)
        #expect(try storedHash(cli, "admin@x.test")?.hasPrefix("pbkdf2-sha256$600000$") == true)
        try #require(try cli.run(["register", "--email", "dan@x.test", "--name", "Dan", "--password-stdin"], stdin: "password1\n", environment: knob).status == 0)
        #expect(try storedHash(cli, "dan@x.test")?.hasPrefix("pbkdf2-sha256$600000$") == true)
    }

    @Test func aCheaperStoredHashIsReplacedAtItsNextSuccessfulLogin() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let cheap = try #require(try storedHash(cli, "dan@x.test"))
        #expect(cheap.hasPrefix("pbkdf2-sha256$1000$"), "the fixture's hash")
        #expect(try cli.run(["login", "--email", "dan@x.test", "--password-stdin"], stdin: "wrong-password\n").status == 3)
        #expect(try storedHash(cli, "dan@x.test") == cheap, "a wrong password changes no hash")
        #expect(try cli.run(["login", "--email", "dan@x.test", "--password-stdin"], stdin: "password1\n").status == 0)
        let strong = try #require(try storedHash(cli, "dan@x.test"))
        #expect(strong.hasPrefix("pbkdf2-sha256$600000$"), "rehashed at full cost: \(strong.prefix(22))")
        #expect(try cli.run(["login", "--email", "dan@x.test", "--password-stdin"], stdin: "password1\n").status == 0, "the new hash verifies")
        #expect(try storedHash(cli, "dan@x.test") == strong, "a full-cost hash is kept")
    }
}
