import Foundation
import Testing

/// `helpdesk settings token-idle-days N` and `token-max-days N` through the real binary.
struct SessionLifetimeCommandTests {
    @Test func adminsSetTheLifetimesAndSettingsShowPrintsThem() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let set = try cli.run(["settings", "token-idle-days", "7"], as: "admin@x.test")
        #expect(set.status == 0, "\(set.stderr)")
        #expect(set.stdout == "token-idle-days: 7\n")
        let json = try cli.json(["settings", "token-max-days", "60"], as: "admin@x.test")
        #expect(json["token_idle_days"] as? Int == 7 && json["token_max_days"] as? Int == 60)
        #expect(try cli.json(["settings", "show"], as: "alice@x.test")["token_max_days"] as? Int == 60)
        let shown = try cli.run(["settings", "show"], as: "alice@x.test").stdout
        #expect(shown.contains("token-idle-days: 7\ntoken-max-days: 60"), "\(shown)")
    }

    @Test(arguments: [
        (["token-idle-days", "soon"], "token_idle_days"), (["token-max-days", "0"], "token_max_days"),
        (["token-idle-days", "31"], "token_idle_days"), (["token-max-days", "13"], "token_max_days"),
    ])
    func badDaysAreRefusedNamingTheField(arguments: [String], field: String) throws {
        let cli = try CLI()
        try cli.seedUsers()
        let refused = try cli.run(["settings"] + arguments + ["--json"], as: "admin@x.test")
        #expect(refused.status == 2)
        let error = try refused.json()
        #expect(error["code"] as? String == "VALIDATION_ERROR")
        #expect((error["errors"] as? [String: [String]])?[field] != nil, "\(error)")
    }

    @Test func agentsMayNotSetThem() throws {
        let cli = try CLI()
        try cli.seedUsers()
        #expect(try cli.run(["settings", "token-idle-days", "3"], as: "alice@x.test").status == 4)
    }
}
