import Foundation
import Testing

/// A helpdesk shared by a Unix group (`HELPDESK_DB_MODE=660`) in a folder that is not
/// set-group-ID: a member's `-wal` and `-shm` must not shut the owner out. Needs root, to act as
/// two users (uids 40001 and 40002, both in group 4242).
@Suite(.enabled(if: getuid() == 0, "acting as two users needs root"))
struct SharedGroupTests {
    static let group: gid_t = 4242

    /// `command` run as `uid` (its own primary group, and the shared group).
    func start(as uid: uid_t, _ command: [String], cli: CLI, environment more: [String: String] = [:]) throws -> Spawned {
        var environment = ProcessInfo.processInfo.environment
        environment["HELPDESK_NOW"] = nil
        environment.merge(more) { _, given in given }
        return try Spawned(
            URL(fileURLWithPath: "/usr/bin/setpriv"), ["--reuid=\(uid)", "--regid=\(uid)", "--groups=\(Self.group)"] + command,
            environment: environment, directory: cli.directory, input: nil, output: nil, errors: nil)
    }

    func run(as uid: uid_t, _ command: [String], cli: CLI, environment: [String: String] = [:]) throws -> Int32 {
        let process = try start(as: uid, command, cli: cli, environment: environment)
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func aMembersWriteAheadFilesStayOpenToTheOwner() throws {
        let cli = try CLI()
        let owner: uid_t = 40001, member: uid_t = 40002
        let folder = cli.directory.appendingPathComponent("shared").path
        #expect(mkdir(folder, 0o770) == 0 && chmod(folder, 0o770) == 0 && chown(folder, owner, Self.group) == 0, "a group folder, not set-group-ID")
        let path = folder + "/helpdesk.sqlite"
        let helpdesk = CLI.binary.path, torture = CLI.torture.path
        try #require(try run(as: owner, [helpdesk, "init", "--db", path], cli: cli, environment: ["HELPDESK_DB_MODE": "660"]) == 0)
        try #require(try run(as: owner, [torture, "setup", path], cli: cli) == 0)
        #expect(chown(path, owner, Self.group) == 0, "the owner gives the file to the group (chgrp), as the README says")
        let acks = folder + "/acks"
        let writer = try start(as: member, [torture, "crash-writer", path, acks, "7"], cli: cli)
        defer {
            kill(writer.processIdentifier, SIGKILL)
            writer.waitUntilExit()
        }
        // The member holds the database open (its -wal and -shm exist) and has written.
        var acknowledged = ""
        for _ in 0..<400 where acknowledged.isEmpty {
            acknowledged = (try? String(contentsOfFile: acks, encoding: .utf8)) ?? ""
            if acknowledged.isEmpty { usleep(25_000) }
        }
        try #require(!acknowledged.isEmpty, "the member's writer got going")
        for suffix in ["-wal", "-shm"] {
            var info = stat()
            #expect(stat(path + suffix, &info) == 0 && info.st_gid == Self.group, "\(suffix) belongs to the shared group")
        }
        #expect(try run(as: owner, [helpdesk, "ticket", "list", "--db", path, "--as", "admin@t.test", "--json"], cli: cli) == 0,
                "the owner still reads and writes while the member works")
    }
}
