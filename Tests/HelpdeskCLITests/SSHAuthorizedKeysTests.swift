import Foundation
import Testing

/// `helpdesk ssh authorized-keys`: the lines sshd reads, from its AuthorizedKeysCommand or a file.
struct SSHAuthorizedKeysTests {
    @Test func eachLineForcesThisBinaryOnThisDatabaseWithTheKeysIdAndSSHKeygenReadsIt() throws {
        let fx = try SSHFixture()
        let dan = try fx.addKey(for: "dan@x.test", named: "dan")
        let erin = try fx.addKey(for: "erin@x.test", named: "erin")
        let all = try fx.cli.run(["ssh", "authorized-keys", "--db", fx.cli.database])
        #expect(all.status == 0, "\(all.stderr)")
        let lines = all.stdout.split(separator: "\n").map(String.init)
        let binary = CLI.binary.resolvingSymlinksInPath().path
        for (line, key) in zip(lines, [dan, erin]) {
            let publicKey = try String(contentsOfFile: key.privateKey + ".pub", encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
            #expect(line == "restrict,pty,command=\"\(binary) --db \(fx.cli.database) ssh session --key-id \(key.id)\" \(publicKey)")
        }
        #expect(lines.count == 2)
        // sshd's own parser (ssh-keygen reads authorized_keys files) takes every line, options and all.
        let file = fx.cli.directory.appendingPathComponent("authorized_keys")
        try all.stdout.write(to: file, atomically: true, encoding: .utf8)
        let read = try Spawned.run(try OpenSSHTools.keygen(), ["-lf", file.path])
        #expect(read.status == 0)
        #expect(read.stdout.contains(dan.fingerprint) && read.stdout.contains(erin.fingerprint), "\(read.stdout)")
    }

    @Test func sshdsQuestionForOneKeyGetsThatLineOrNothing() throws {
        let fx = try SSHFixture()
        let dan = try fx.addKey(for: "dan@x.test", named: "dan")
        _ = try fx.addKey(for: "erin@x.test", named: "erin")
        func ask(_ publicKeyFile: String) throws -> CLI.Result {
            let fields = try String(contentsOfFile: publicKeyFile, encoding: .utf8).split(separator: " ").map(String.init)
            return try fx.cli.run(["ssh", "authorized-keys", "--db", fx.cli.database, "--type", fields[0], "--key", fields[1]])
        }
        let one = try ask(dan.privateKey + ".pub")
        #expect(one.status == 0)
        #expect(one.stdout.split(separator: "\n").count == 1 && one.stdout.contains("--key-id \(dan.id)\" ssh-ed25519 "))
        let stranger = try ask(try OpenSSHTools.makeKey("ed25519", named: "stranger", in: fx.cli.directory))
        #expect(stranger.status == 0 && stranger.stdout.isEmpty, "an unknown key: nothing, and success")
        try fx.cli.json(["user", "deactivate", "dan@x.test"], as: "admin@x.test")
        let deactivated = try ask(dan.privateKey + ".pub")
        #expect(deactivated.status == 0 && deactivated.stdout.isEmpty, "a deactivated user's key: nothing")
    }

    @Test func aDatabasePathNoLineCanNameSafelyIsRefusedAndOneWithSpacesIsQuoted() throws {
        let fx = try SSHFixture()
        _ = try fx.addKey(for: "dan@x.test", named: "dan")
        let quoted = fx.cli.directory.appendingPathComponent("a\"b.sqlite").path
        let spaced = fx.cli.directory.appendingPathComponent("help desk.sqlite").path
        for copy in [quoted, spaced] { try FileManager.default.copyItem(atPath: fx.cli.database, toPath: copy) }
        let refused = try fx.cli.run(["ssh", "authorized-keys", "--db", quoted, "--json"])
        #expect(refused.status == 2)
        #expect((try refused.json()["errors"] as? [String: [String]])?["db"] != nil, "\(refused.stdout)")
        let spacedLine = try fx.cli.run(["ssh", "authorized-keys", "--db", spaced])
        #expect(spacedLine.stdout.contains(" --db '\(spaced)' ssh session --key-id "), "\(spacedLine.stdout)")
    }
}

/// `ssh authorized-keys --write PATH`: the static-file mode, regenerated after every key change.
struct SSHAuthorizedKeysFileTests {
    @Test func writingKeepsForeignLinesAndFollowsKeyChanges() throws {
        let fx = try SSHFixture()
        let dan = try fx.addKey(for: "dan@x.test", named: "dan")
        let erin = try fx.addKey(for: "erin@x.test", named: "erin")
        let file = fx.cli.directory.appendingPathComponent("authorized_keys").path
        let operatorKey = try String(contentsOfFile: try OpenSSHTools.makeKey("ed25519", named: "operator", in: fx.cli.directory), encoding: .utf8)
        try operatorKey.write(toFile: file, atomically: true, encoding: .utf8)
        let written = try fx.cli.json(["ssh", "authorized-keys", "--db", fx.cli.database, "--write", file])
        #expect(written["keys"] as? Int == 2)
        try fx.cli.json(["ssh", "key", "remove", dan.fingerprint], as: "admin@x.test")
        try fx.cli.json(["ssh", "authorized-keys", "--db", fx.cli.database, "--write", file])
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix(operatorKey), "the operator's line is kept first:\n\(text)")
        #expect(text.components(separatedBy: "ssh session --key-id").count == 2, "one helpdesk line left:\n\(text)")
        #expect(text.contains("--key-id \(erin.id)\"") && !text.contains("--key-id \(dan.id)\""))
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // sshd's parser reads the whole file, comments and options included.
        let read = try Spawned.run(try OpenSSHTools.keygen(), ["-lf", file])
        #expect(read.status == 0 && read.stdout.contains(erin.fingerprint) && !read.stdout.contains(dan.fingerprint), "\(read.stdout)")
        let both = try fx.cli.run(["ssh", "authorized-keys", "--db", fx.cli.database, "--write", file, "--type", "ssh-ed25519", "--key", "AAAA"])
        #expect(both.status == 2)
    }
}
