import Foundation
import Testing

/// `helpdesk ssh session`, run exactly as sshd runs the forced command of a key's line, with the
/// client's request in `SSH_ORIGINAL_COMMAND` and a hostile environment (`HELPDESK_USER` naming
/// the admin, `HELPDESK_DB` another file, `HELPDESK_NOW` another year): every command runs as the
/// key's user on the line's database, whatever the request or the environment says.
struct SSHSessionTests {
    static func numbers(_ result: CLI.Result) throws -> Set<String> {
        let tickets = try #require(try result.json()["tickets"] as? [[String: Any]], "\(result.stdout) \(result.stderr)")
        return Set(tickets.compactMap { $0["number"] as? String })
    }

    @Test func aCommandRunsAsTheKeysUserAndSeesOnlyTheirTickets() throws {
        let fx = try SSHFixture()
        let dan = try fx.addKey(for: "dan@x.test", named: "dan")
        let dans = try fx.cli.createTicket(subject: "Dan cannot print", as: "dan@x.test")
        _ = try fx.cli.createTicket(subject: "Erin cannot print", as: "erin@x.test")
        let listed = try fx.session(dan.id, "ticket list --json")
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(try Self.numbers(listed) == [dans])
        // The request's quoting is kept, and its metacharacters are text.
        let body = "Thanks; it's fixed $(id) `id` $HOME | * > x"
        let quoted = try fx.session(dan.id, "ticket comment \(dans) --body \"Thanks; it's fixed \\$(id) \\`id\\` \\$HOME | * > x\" --json")
        #expect(quoted.status == 0, "\(quoted.stderr)")
        #expect(try quoted.json()["body"] as? String == body)
        #expect(try quoted.json()["author"] as? String == "dan@x.test")
        #expect(!FileManager.default.fileExists(atPath: fx.cli.directory.appendingPathComponent("x").path))
        // A customer's key is still a customer's: staff commands are refused by the permissions.
        #expect(try fx.session(dan.id, "user list --json").status == 4)
        // The use is recorded.
        let keys = try #require(try fx.cli.json(["ssh", "key", "list", "dan@x.test"], as: "admin@x.test")["keys"] as? [[String: Any]])
        #expect(keys.first?["last_used_at"] is String)
        let audit = try #require(try fx.cli.json(["audit"], as: "admin@x.test")["audit"] as? [[String: Any]])
        #expect(audit.first.map { [$0["actor"] as? String, $0["action"] as? String, $0["detail"] as? String] } == ["dan@x.test", "ssh.connect", dan.fingerprint])
    }

    @Test func hostileRequestsAreRefusedAndRunNothing() throws {
        let fx = try SSHFixture()
        let dan = try fx.addKey(for: "dan@x.test", named: "dan")
        let marker = fx.cli.directory.appendingPathComponent("pwned").path
        let refused: [(String, Int32, String)] = [
            ("ticket list; touch \(marker)", 64, "unexpected argument"),
            ("ticket list && touch \(marker)", 64, "unexpected argument"),
            ("ticket list | touch \(marker)", 64, "unexpected argument"),
            ("$(touch \(marker))", 2, "is not available over SSH"),
            ("`touch \(marker)`", 2, "is not available over SSH"),
            ("ticket list --as admin@x.test", 2, "--as is not accepted over SSH"),
            ("ticket list --as=admin@x.test", 2, "--as is not accepted over SSH"),
            ("ticket list --db /tmp/x", 2, "--db is not accepted over SSH"),
            ("--db /tmp/x ticket list", 2, "is not available over SSH"),
            ("ticket list --now 2030-01-01T00:00:00Z", 2, "--now is not accepted over SSH"),
            ("ssh key add dan@x.test --key-file /etc/passwd", 2, "--key-file is not accepted over SSH"),
            ("keys --keymap /etc/passwd", 2, "takes a name over SSH"),
            ("ssh session --key-id 1", 2, "is not available over SSH"),
            ("ssh authorized-keys", 2, "is not available over SSH"),
            ("backup \(marker)", 2, "is not available over SSH"),
            ("demo", 2, "is not available over SSH"),
            ("ticket list\ntouch \(marker)", 2, "line breaks are refused"),
        ]
        for (request, status, message) in refused {
            let result = try fx.session(dan.id, request)
            #expect(result.status == status, "\(request): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(request): \(result.stdout)")
            #expect(result.stderr.contains(message), "\(request): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: marker))
        let json = try fx.session(dan.id, "ticket list --json --as admin@x.test")
        #expect(json.status == 2)
        #expect(try json.json()["code"] as? String == "VALIDATION_ERROR")
    }

    @Test func anAdminsKeyAddsAKeyFromStandardInput() throws {
        let fx = try SSHFixture()
        let admin = try fx.addKey(for: "admin@x.test", named: "admin")
        let file = try OpenSSHTools.makeKey("ed25519", named: "erin", in: fx.cli.directory)
        let added = try fx.session(admin.id, "ssh key add erin@x.test --key - --json", stdin: try String(contentsOfFile: file, encoding: .utf8))
        #expect(added.status == 0, "\(added.stderr)")
        #expect(try added.json()["fingerprint"] as? String == (try OpenSSHTools.fingerprint(of: file)))
        let audit = try #require(try fx.cli.json(["audit"], as: "admin@x.test")["audit"] as? [[String: Any]])
        #expect(audit.first?["action"] as? String == "ssh-key.add" && audit.first?["actor"] as? String == "admin@x.test")
    }

    @Test func aRemovedKeyOrADeactivatedUserGetsOneLineAndNoData() throws {
        let fx = try SSHFixture()
        let dan = try fx.addKey(for: "dan@x.test", named: "dan")
        let erin = try fx.addKey(for: "erin@x.test", named: "erin")
        _ = try fx.cli.createTicket(subject: "Dan cannot print", as: "dan@x.test")
        try fx.cli.json(["ssh", "key", "remove", dan.fingerprint], as: "dan@x.test")
        try fx.cli.json(["user", "deactivate", "erin@x.test"], as: "admin@x.test")
        for (key, reason) in [(dan.id, "no longer registered"), (erin.id, "deactivated"), (999, "no longer registered")] {
            for request in ["ticket list --json", nil] {
                let result = try fx.session(key, request)
                #expect(result.status == 3, "\(reason)")
                #expect(result.stdout.isEmpty, "\(reason): \(result.stdout)")
                #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(reason), "\(reason): \(result.stderr)")
            }
        }
    }

    @Test func noTerminalAndNoCommandGetsAShortHelpAndFails() throws {
        let fx = try SSHFixture()
        let dan = try fx.addKey(for: "dan@x.test", named: "dan")
        for request in [nil, "", "   "] as [String?] {
            let result = try fx.session(dan.id, request)
            #expect(result.status == 64)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("ssh -t helpdesk@HOST") && result.stderr.contains("ticket, agents, report"))
        }
    }
}
