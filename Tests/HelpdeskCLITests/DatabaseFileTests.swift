import Foundation
import Testing

/// Every database or backup path is a file path taken literally: no SQLite URI, no in-memory
/// database, no creation through a symbolic link, nothing overwritten, and only the documented modes.
struct DatabaseFileTests {
    func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The error object of a failed command, checked for its code, exit status and field.
    func expectRefused(_ result: CLI.Result, field: String, status: Int32 = 2, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(result.status == status, "\(result.stdout) \(result.stderr)", sourceLocation: sourceLocation)
        let object = try result.json()
        #expect(object["code"] as? String == "VALIDATION_ERROR", "\(object)", sourceLocation: sourceLocation)
        #expect((object["errors"] as? [String: [String]])?[field] != nil, "a problem with \(field): \(object)", sourceLocation: sourceLocation)
    }

    @Test func aDanglingSymbolicLinkIsNeverCreatedThrough() throws {
        let cli = try CLI()
        let link = cli.directory.appendingPathComponent("link.sqlite").path
        let target = cli.directory.appendingPathComponent("missing.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        for mode in ["600", "660"] {
            try expectRefused(cli.run(["init", "--db", link, "--json"], environment: ["HELPDESK_DB_MODE": mode]), field: "db")
            try expectRefused(cli.run(["demo", "--db", link, "--tickets", "1", "--json"], environment: ["HELPDESK_DB_MODE": mode]), field: "db")
        }
        #expect(!exists(target) && !exists(target + "-wal") && !exists(target + "-shm"), "nothing was created at the link's target")
        try FileManager.default.removeItem(atPath: link)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: cli.database)
        try cli.json(["init"])
        #expect(try cli.json(["check", "--db", link])["healthy"] as? Bool == true, "a link to an existing database is followed")
    }

    @Test func namesSQLiteWouldReadAsSpecialAreOrdinaryFiles() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let old = cli.directory.appendingPathComponent("old.sqlite").path
        try cli.json(["init", "--db", old])
        let before = try Data(contentsOf: URL(fileURLWithPath: old))
        try cli.json(["backup", "file:old.sqlite"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: old)) == before, "old.sqlite is untouched")
        let copy = cli.directory.appendingPathComponent("file:old.sqlite").path
        #expect(try mode(copy) == 0o600)
        #expect(try cli.json(["user", "list", "--db", "file:old.sqlite"], as: "admin@x.test")["users"] as? [Any] != nil,
                "the backup went to the file named file:old.sqlite")
        try cli.json(["user", "add", "--email", "root@x.test", "--name", "Root", "--role", "admin", "--password", "password1",
                      "--db", ":memory:"])
        #expect(try mode(cli.directory.appendingPathComponent(":memory:").path) == 0o600)
        let users = try cli.json(["user", "list", "--db", ":memory:"], as: "root@x.test")["users"] as? [[String: Any]]
        #expect(users?.map { $0["email"] as? String } == ["root@x.test"], "a write to :memory: is kept in a file of that name")
    }

    @Test func anAddressIsRefusedAndCreatesNothing() throws {
        let cli = try CLI()
        for address in ["postgres://helpdesk@localhost/helpdesk", "postgresql://localhost/x", "https://example.test/db"] {
            try expectRefused(cli.run(["init", "--db", address, "--json"]), field: "db")
            try expectRefused(cli.run(["ticket", "list", "--db", address, "--json"], as: "admin@x.test"), field: "db")
        }
        let refusal = try cli.run(["init", "--db", "postgres://localhost/helpdesk"])
        #expect(refusal.stderr.contains("PostgreSQL"), "the message says why: \(refusal.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).allSatisfy { !$0.hasPrefix("postgres") && !$0.hasPrefix("https") })
    }

    @Test func aBackupNeverOverwritesNorFollowsALink() throws {
        let cli = try CLI()
        try cli.json(["init"])
        let existing = cli.directory.appendingPathComponent("existing.sqlite").path
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: existing))
        try expectRefused(cli.run(["backup", existing, "--json"]), field: "path")
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me")
        let link = cli.directory.appendingPathComponent("link.sqlite").path
        let target = cli.directory.appendingPathComponent("target.sqlite").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try expectRefused(cli.run(["backup", link, "--json"]), field: "path")
        #expect(!exists(target))
    }

    @Test(arguments: ["4660", "2660", "1600", "700", "670", "666", "6O0"])
    func aModeWithSpecialOrExecuteBitsIsRefused(mode: String) throws {
        let cli = try CLI()
        try expectRefused(cli.run(["init", "--json"], environment: ["HELPDESK_DB_MODE": mode]), field: "mode")
        #expect(!exists(cli.database), "nothing created with mode \(mode)")
    }

    /// A folder made for a group mode is set-group-ID, so every file later made in it (any member's
    /// -wal and -shm) belongs to the folder's group; one made for the owner alone is owner-only.
    @Test func aFolderMadeForAGroupModeIsSetGroupID() throws {
        let cli = try CLI()
        let shared = cli.directory.appendingPathComponent("shared/helpdesk").path
        try cli.json(["init", "--db", shared + "/helpdesk.sqlite"], environment: ["HELPDESK_DB_MODE": "660"])
        var info = stat()
        #expect(stat(shared, &info) == 0 && info.st_mode & 0o7777 == 0o2770, "drwxrws---: \(String(info.st_mode & 0o7777, radix: 8))")
        #expect(try mode(shared + "/helpdesk.sqlite") == 0o660)
        let own = cli.directory.appendingPathComponent("own/helpdesk").path
        try cli.json(["init", "--db", own + "/helpdesk.sqlite"])
        #expect(stat(own, &info) == 0 && info.st_mode & 0o7777 == 0o700)
        #expect(stat(cli.directory.appendingPathComponent("own").path, &info) == 0 && info.st_mode & 0o7777 == 0o700, "intermediate folders too")
    }
}
