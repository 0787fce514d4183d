import Foundation
import Testing

/// `helpdesk password` through the real binary, fed by standard input as a script would.
struct PasswordCommandTests {
    @Test func aUserChangesTheirOwnPasswordFromStandardInput() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let changed = try cli.run(["password"], as: "dan@x.test", stdin: "password1\na brand new secret\n")
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(changed.stdout.contains("Password changed for dan@x.test"))
        #expect(!changed.stdout.contains("a brand new secret") && !changed.stderr.contains("a brand new secret"))
        #expect(try cli.run(["login", "--email", "dan@x.test", "--password-stdin"], stdin: "a brand new secret\n").status == 0)
        #expect(try cli.run(["login", "--email", "dan@x.test", "--password-stdin"], stdin: "password1\n").status == 3)
    }

    @Test func aWrongCurrentPasswordIsTheLoginsRefusalAndCountsTowardTheLockout() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let refused = try cli.run(["password", "--json"], as: "dan@x.test", stdin: "wrong-guess\na brand new secret\n")
        #expect(refused.status == 3)
        let error = try refused.json()
        #expect(error["code"] as? String == "UNAUTHORIZED")
        #expect((error["message"] as? String)?.hasPrefix("Wrong email or password") == true)
        for _ in 0..<4 { _ = try cli.run(["password"], as: "dan@x.test", stdin: "wrong-guess\na brand new secret\n") }
        #expect(try cli.run(["password"], as: "dan@x.test", stdin: "password1\na brand new secret\n").status == 3, "locked after five")
    }

    @Test func aShortNewPasswordIsRefusedNamingTheField() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let refused = try cli.run(["password", "--json"], as: "dan@x.test", stdin: "password1\nshort\n")
        #expect(refused.status == 2)
        #expect((try refused.json()["errors"] as? [String: [String]])?["new_password"] != nil, "\(refused.stdout)")
        #expect(try cli.run(["login", "--email", "dan@x.test", "--password-stdin"], stdin: "password1\n").status == 0, "unchanged")
    }
}
