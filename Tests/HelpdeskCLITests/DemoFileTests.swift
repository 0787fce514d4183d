import Foundation
import Testing

/// The demo is whole or absent: built in a temporary file and moved into place, so a killed build
/// leaves nothing a later run would mistake for a demo; a half demo an older program left is rebuilt.
struct DemoFileTests {
    func buildingFiles(_ cli: CLI) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).filter { $0.contains(".building-") }
    }

    func userEmails(_ cli: CLI, _ path: String, as admin: String) throws -> [String] {
        let users = try cli.json(["user", "list", "--db", path], as: admin)["users"] as? [[String: Any]]
        return (users ?? []).compactMap { $0["email"] as? String }.sorted()
    }

    @Test func aKilledBuildLeavesNoDemoAndTheNextRunBuildsItWhole() throws {
        let cli = try CLI()
        let path = cli.directory.appendingPathComponent("demo.sqlite").path
        let started = try cli.start(["demo", "--db", path, "--tickets", "5000", "--json"])
        let process = started.0
        // Kill it once tickets are being written (its write-ahead log has grown), well before the end.
        var building = false
        for _ in 0..<2000 where !building {
            let log = try buildingFiles(cli).first { $0.hasSuffix("-wal") }
            let size = log.flatMap { try? FileManager.default.attributesOfItem(atPath: cli.directory.appendingPathComponent($0).path)[.size] as? Int }
            building = (size ?? 0) > 200_000
            if !building { usleep(10_000) }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try #require(building, "the demo was building when it was killed")
        #expect(process.endedBySignal)
        #expect(!FileManager.default.fileExists(atPath: path), "no half-built demo at its place")

        let demo = try cli.json(["demo", "--db", path, "--tickets", "12"])
        #expect(demo["database"] as? String == path)
        #expect(try buildingFiles(cli).isEmpty, "the killed build's temporary files are gone")
        #expect(try cli.run(["login", "--db", path, "--email", "alice@demo.test", "--password-stdin"], stdin: "demo-password\n").status == 0,
                "every demo login exists")
        let tickets = try cli.json(["ticket", "list", "--db", path, "--limit", "100"], as: "admin@demo.test")["tickets"] as? [Any]
        #expect(tickets?.count == 12)
    }

    @Test func aDemoAnOlderProgramLeftHalfBuiltIsRebuilt() throws {
        let cli = try CLI()
        let path = cli.directory.appendingPathComponent("demo.sqlite").path
        // What an older program left when killed right after the demo's first account.
        try cli.json(["user", "add", "--db", path, "--email", "admin@demo.test", "--name", "Ada Admin", "--role", "admin", "--password", "demo-password"])
        try cli.json(["demo", "--db", path, "--tickets", "6"])
        #expect(try userEmails(cli, path, as: "admin@demo.test").count == 9, "every demo account")
        #expect((try cli.json(["ticket", "list", "--db", path], as: "admin@demo.test")["tickets"] as? [Any])?.count == 6)
        #expect(try cli.run(["login", "--db", path, "--email", "dan@customer.test", "--password-stdin"], stdin: "demo-password\n").status == 0)
    }

    @Test func aHelpdeskWithTicketsIsNeverReplacedEvenWithADemoLikeAdmin() throws {
        let cli = try CLI()
        let path = cli.directory.appendingPathComponent("real.sqlite").path
        try cli.json(["user", "add", "--db", path, "--email", "admin@demo.test", "--name", "Real", "--role", "admin", "--password", "realadmin1"])
        for index in 1...3 {
            try cli.json(["ticket", "create", "--db", path, "--subject", "Real work \(index)", "--description", "Important data \(index)."],
                         as: "admin@demo.test")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try cli.run(["demo", "--db", path, "--tickets", "3", "--json"])
        #expect(result.status != 0)
        #expect(try result.json()["code"] as? String == "VALIDATION_ERROR")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the real helpdesk is untouched")
    }

    @Test func aHelpdeskThatIsNotADemoIsLeftAlone() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let before = try Data(contentsOf: URL(fileURLWithPath: cli.database))
        try cli.json(["demo", "--db", cli.database, "--tickets", "3"])
        #expect(try userEmails(cli, cli.database, as: "admin@x.test") == ["admin@x.test", "alice@x.test", "bob@x.test", "dan@x.test"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)) == before)
    }
}
