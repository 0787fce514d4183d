import Foundation
import HelpdeskCore
import Testing

/// What a client's SSH request may be, how it is split, and the authorized_keys line that forces
/// our program: the rules `ssh session` and `ssh authorized-keys` apply.
struct SSHSessionRulesTests {
    @Test func aRequestIsSplitWithShellQuotingAndNothingElseOfAShell() throws {
        let cases: [(String, [String])] = [
            ("ticket list", ["ticket", "list"]),
            ("  ticket\tlist  --json ", ["ticket", "list", "--json"]),
            ("ticket comment T --body 'It works; thanks $USER'", ["ticket", "comment", "T", "--body", "It works; thanks $USER"]),
            (#"ticket comment T --body "say \"hi\" \$5 \\ \n""#, ["ticket", "comment", "T", "--body", #"say "hi" $5 \ \n"#]),
            (#"a\ b c\'d"#, ["a b", "c'd"]),
            ("ticket list; rm -rf /", ["ticket", "list;", "rm", "-rf", "/"]),
            ("$(id) `id` *.txt ~ a|b a&&b >x", ["$(id)", "`id`", "*.txt", "~", "a|b", "a&&b", ">x"]),
            ("'' \"\"", ["", ""]),
            ("it's' \"a\"'b'c", ["its", "abc"]),
        ]
        for (request, words) in cases {
            #expect(try SSHRequest.words(request) == words, "\(request)")
        }
    }

    @Test func aLineBreakAnUnclosedQuoteOrALoneBackslashIsRefused() throws {
        for request in ["ticket list\nrm -rf /", "ticket list\r", "ticket 'list", "ticket \"list", "ticket list \\", "a\0b"] {
            expectError(.validation, field: "command", Comment(rawValue: request)) { try SSHRequest.words(request) }
        }
    }

    @Test func onlyTheAllowedCommandsRunAndOptionsThatChooseTheServersThingsAreRefused() throws {
        for allowed in [
            ["ticket", "list", "--json"], ["agents", "list"], ["report", "dashboard"], ["user", "list"], ["settings", "show"],
            ["audit"], ["keys", "--keymap", "vim"], ["ssh", "key", "add", "a@x.test", "--key", "-"],
        ] {
            #expect(try SSHCommandPolicy.check(allowed) == allowed)
        }
        let refused: [([String], String)] = [
            ([], "empty"),
            (["demo"], "not available over SSH"), (["init"], "not available"), (["backup", "/tmp/x"], "not available"),
            (["ssh", "session", "--key-id", "1"], "not available"), (["ssh", "authorized-keys"], "not available"),
            (["--db", "/tmp/x", "ticket", "list"], "not available"), (["$(id)"], "not available"),
            (["ticket", "list", "--as", "admin@x.test"], "--as is not accepted"),
            (["ticket", "list", "--as=admin@x.test"], "--as is not accepted"),
            (["ticket", "list", "--db", "/tmp/x"], "--db is not accepted"),
            (["ticket", "list", "--db=/tmp/x"], "--db is not accepted"),
            (["ticket", "list", "--now", "2030-01-01T00:00:00Z"], "--now is not accepted"),
            (["ssh", "key", "add", "a@x.test", "--key-file", "/etc/ssh/ssh_host_ed25519_key.pub"], "--key-file is not accepted"),
            (["keys", "--keymap", "/etc/passwd"], "takes a name"), (["keys", "--keymap=../x"], "takes a name"),
            (["keys", "--theme", "./t.toml"], "takes a name"), (["keys", "--keymap"], "takes a name"),
        ]
        for (words, rule) in refused {
            let error = expectError(.validation, field: "command", Comment(rawValue: "\(words)")) { try SSHCommandPolicy.check(words) }
            #expect(error?.fieldErrors["command"]?.first?.contains(rule) == true, "\(words): \(String(describing: error))")
        }
    }

    @Test func aSessionKeepsNoHelpdeskVariableAndNoEditor() {
        let kept = SSHCommandPolicy.sessionEnvironment([
            "HELPDESK_USER": "admin@x.test", "HELPDESK_DB": "/tmp/x", "HELPDESK_NOW": "2030-01-01T00:00:00Z", "HELPDESK_TEST_PASSWORD_ROUNDS": "1",
            "VISUAL": "vim", "EDITOR": "vi", "TERM": "xterm", "LANG": "C.UTF-8", "SSH_ORIGINAL_COMMAND": "ticket list",
        ])
        #expect(kept == ["TERM": "xterm", "LANG": "C.UTF-8", "SSH_ORIGINAL_COMMAND": "ticket list"])
    }

    @Test func anAuthorizedKeysLineForcesOurProgramAndQuotesPathsForTheShell() throws {
        let key = try SSHPublicKey.parse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBbherc8wXtERFv4BhVI8f7vH6Wk1syY5OW+ECEt69XM k1")
        #expect(
            try AuthorizedKeysLine.line(program: "/usr/local/bin/helpdesk", database: "/srv/help-desk/h.sqlite", keyId: 7, key: key)
                == "restrict,pty,command=\"/usr/local/bin/helpdesk --db /srv/help-desk/h.sqlite ssh session --key-id 7\" " + key.text)
        #expect(
            try AuthorizedKeysLine.line(program: "/opt/my apps/helpdesk", database: "/srv/it's/$h.sqlite", keyId: 1, key: key)
                == "restrict,pty,command=\"'/opt/my apps/helpdesk' --db '/srv/it'\\''s/$h.sqlite' ssh session --key-id 1\" " + key.text)
        expectError(.validation, field: "db") { try AuthorizedKeysLine.line(program: "/bin/h", database: "/srv/a\"b.sqlite", keyId: 1, key: key) }
        expectError(.validation, field: "db") { try AuthorizedKeysLine.line(program: "/bin/h", database: "/srv/a\nb.sqlite", keyId: 1, key: key) }
        expectError(.validation, field: "db") { try AuthorizedKeysLine.line(program: "/bin/h", database: "h.sqlite", keyId: 1, key: key) }
        expectError(.validation, field: "program") { try AuthorizedKeysLine.line(program: "/bin/\"h", database: "/h.sqlite", keyId: 1, key: key) }
    }
}
