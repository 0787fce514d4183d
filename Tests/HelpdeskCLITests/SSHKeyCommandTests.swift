import Foundation
import Testing

/// `helpdesk ssh key add|list|remove` through the real binary, against keys and fingerprints of the
/// real `ssh-keygen`.
struct SSHKeyCommandTests {
    @Test func fingerprintsAreExactlySSHKeygensForEveryTypeItMakes() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let kinds: [(String, Int?)] = [("ed25519", nil), ("ecdsa", 256), ("ecdsa", 384), ("ecdsa", 521), ("rsa", 2048), ("rsa", 3072)]
        for (index, (type, bits)) in kinds.enumerated() {
            let file = try OpenSSHTools.makeKey(type, bits: bits, named: "key\(index)", in: cli.directory)
            let expected = try OpenSSHTools.fingerprint(of: file)
            let added = try cli.json(["ssh", "key", "add", "dan@x.test", "--key-file", file], as: "admin@x.test")
            #expect(added["fingerprint"] as? String == expected, "\(type) \(bits ?? 0)")
        }
        // People read it too: the human line names the fingerprint.
        let file = try OpenSSHTools.makeKey("ed25519", named: "human", in: cli.directory)
        let human = try cli.run(["ssh", "key", "add", "bob@x.test", "--key-file", file], as: "admin@x.test")
        #expect(human.status == 0)
        let bobs = try OpenSSHTools.fingerprint(of: file)
        #expect(human.stdout.contains(bobs))
        let listed = try cli.json(["ssh", "key", "list", "dan@x.test"], as: "admin@x.test")
        #expect((listed["keys"] as? [[String: Any]])?.count == kinds.count)
        // For people: every fingerprint whole, on its own line, and nothing wider than 80 columns.
        let table = try cli.run(["ssh", "key", "list"], as: "admin@x.test")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count == 2 * (kinds.count + 1), "\(table.stdout)")
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(table.stdout)")
        #expect(lines.contains { $0 == bobs })
        #expect(table.stdout.contains("  bob@x.test  ssh-ed25519  added 2026-11-29 09:00 UTC  last used never"), "\(table.stdout)")
    }

    @Test func aWeakRSAKeyAnOptionPrefixOrASecondLineIsRefusedOnKey() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let weak = try OpenSSHTools.makeKey("rsa", bits: 1024, named: "weak", in: cli.directory)
        let good = try String(contentsOfFile: try OpenSSHTools.makeKey("ed25519", named: "good", in: cli.directory), encoding: .utf8)
        let other = try String(contentsOfFile: try OpenSSHTools.makeKey("ed25519", named: "other", in: cli.directory), encoding: .utf8)
        let refused: [([String], String?, String)] = [
            (["--key-file", weak], nil, "at least 2048 bits"),
            (["--key", "command=\"/bin/sh\",no-pty " + good], nil, "option prefix"),
            (["--key", "-"], good + other, "second line"),
        ]
        for (arguments, stdin, rule) in refused {
            let result = try cli.run(["ssh", "key", "add", "dan@x.test"] + arguments + ["--json"], as: "admin@x.test", stdin: stdin)
            #expect(result.status == 2, "\(rule): \(result.stdout)")
            let errors = try result.json()["errors"] as? [String: [String]]
            #expect(errors?["key"]?.first?.contains(rule) == true, "\(rule): \(result.stdout)")
        }
        #expect(try cli.run(["ssh", "key", "add", "dan@x.test", "--key", "-"], as: "admin@x.test", stdin: good).status == 0)
        let again = try cli.run(["ssh", "key", "add", "bob@x.test", "--key", good, "--json"], as: "admin@x.test")
        #expect(again.status == 6)
        #expect(try again.json()["code"] as? String == "CONFLICT")
        let customer = try cli.run(["ssh", "key", "add", "dan@x.test", "--key", other, "--json"], as: "dan@x.test")
        #expect(customer.status == 4)
        #expect(try customer.json()["code"] as? String == "FORBIDDEN")
    }

    @Test func aUserListsAndRemovesTheirOwnKeyAndTheAuditLogSaysWho() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let file = try OpenSSHTools.makeKey("ed25519", named: "dan", in: cli.directory)
        let fingerprint = try OpenSSHTools.fingerprint(of: file)
        try cli.json(["ssh", "key", "add", "dan@x.test", "--key-file", file], as: "admin@x.test")
        let mine = try #require(try cli.json(["ssh", "key", "list"], as: "dan@x.test")["keys"] as? [[String: Any]])
        #expect(mine.map { $0["fingerprint"] as? String } == [fingerprint])
        #expect(mine.first?["last_used_at"] is NSNull)
        let bobs = try cli.run(["ssh", "key", "remove", fingerprint, "--json"], as: "bob@x.test")
        #expect(bobs.status == 5, "someone else's key is not found: \(bobs.stdout)")
        try cli.json(["ssh", "key", "remove", fingerprint], as: "dan@x.test")
        #expect((try cli.json(["ssh", "key", "list"], as: "admin@x.test")["keys"] as? [Any])?.isEmpty == true)
        let audit = try #require(try cli.json(["audit"], as: "admin@x.test")["audit"] as? [[String: Any]])
        let actions = audit.prefix(2).map { [$0["actor"] as? String, $0["action"] as? String, $0["detail"] as? String] }
        #expect(actions == [["dan@x.test", "ssh-key.remove", fingerprint], ["admin@x.test", "ssh-key.add", fingerprint]])
    }
}
