import Foundation
import Testing

/// A real OpenSSH server on loopback, with no port at all: the client starts `sshd -i` (inetd
/// mode) as its `ProxyCommand`, as OpenSSH's own regression tests do. The test writes its own
/// `sshd_config`, host key, user keys and `authorized_keys` (made by `helpdesk ssh authorized-keys`)
/// in a private temporary folder. sshd missing is a failure that says what to install, never a skip.
@Suite(.serialized)
struct SSHLoopbackTests {
    /// One sshd configuration and the keys to reach it.
    struct Server {
        let fx: SSHFixture
        let folder: URL
        let sshd: String, ssh: String

        /// With `keysCommand`, sshd asks that program for each offered key (`AuthorizedKeysCommand`);
        /// without, it reads the file `writeAuthorizedKeys` writes.
        init(_ fx: SSHFixture, keysCommand: String? = nil) throws {
            self.fx = fx
            sshd = try OpenSSHTools.find(["/usr/sbin/sshd", "/usr/local/sbin/sshd"], package: "openssh-server")
            ssh = try OpenSSHTools.find(["/usr/bin/ssh", "/usr/local/bin/ssh"], package: "openssh-client")
            folder = fx.cli.directory.appendingPathComponent("sshd")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            if getuid() == 0, !FileManager.default.fileExists(atPath: "/run/sshd") {
                // sshd's privilege-separation folder, which systemd would make; outside systemd it must exist.
                try FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
            }
            let host = try OpenSSHTools.makeKey("ed25519", named: "host", in: folder)
            let hostKey = try String(contentsOfFile: host, encoding: .utf8).split(separator: " ").prefix(2).joined(separator: " ")
            try "helpdesk-test \(hostKey)\n".write(to: folder.appendingPathComponent("known_hosts"), atomically: true, encoding: .utf8)
            // The server's side of the README's block; StrictModes off only because the folder is under /tmp.
            try """
                HostKey \(host.dropLast(".pub".count))
                \(keysCommand.map { "AuthorizedKeysFile none\nAuthorizedKeysCommand \($0)\nAuthorizedKeysCommandUser root" }
                    ?? "AuthorizedKeysFile \(folder.appendingPathComponent("authorized_keys").path)")
                StrictModes no
                UsePAM no
                PermitRootLogin forced-commands-only
                AuthenticationMethods publickey
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                DisableForwarding yes
                PermitTTY yes
                PermitUserRC no
                AcceptEnv LANG LC_*
                PidFile none
                LogLevel ERROR

                """.write(to: folder.appendingPathComponent("sshd_config"), atomically: true, encoding: .utf8)
            try writeAuthorizedKeys()
        }

        /// The client's options: this server only, `key` only, sending `LANG` (which sshd accepts, as
        /// Debian's default does) and offering `HELPDESK_USER` (which sshd drops, and the session would
        /// ignore); the last argument is the login.
        func options(with key: String) -> [String] {
            let user = String(cString: getpwuid(getuid()).pointee.pw_name)
            return [
                "-F", "/dev/null", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none", "-i", key,
                "-o", "HostKeyAlias=helpdesk-test", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=\(folder.appendingPathComponent("known_hosts").path)",
                "-o", "ProxyCommand=\(sshd) -i -f \(folder.appendingPathComponent("sshd_config").path)",
                "-o", "SetEnv=HELPDESK_USER=admin@x.test", "-o", "SendEnv=LANG", "\(user)@localhost",
            ]
        }

        /// `authorized_keys` as `helpdesk ssh authorized-keys --write` keeps it (the static-file mode),
        /// beside a line of the operator's own that sshd must go on reading.
        func writeAuthorizedKeys() throws {
            let file = folder.appendingPathComponent("authorized_keys").path
            if !FileManager.default.fileExists(atPath: file) {
                try "# the operator's own lines stay outside the helpdesk's block\n".write(toFile: file, atomically: true, encoding: .utf8)
            }
            let written = try fx.cli.run(["ssh", "authorized-keys", "--db", fx.cli.database, "--write", file])
            #expect(written.status == 0, "\(written.stderr)")
        }

        /// `ssh` with `key` and `request`, as a client on another machine would run it, offering
        /// `HELPDESK_USER` (which sshd drops, and the session would ignore).
        func connect(with key: String, _ request: String) throws -> CLI.Result {
            let arguments = options(with: key) + [request]
            let out = folder.appendingPathComponent("\(UUID().uuidString).out"), err = folder.appendingPathComponent("\(UUID().uuidString).err")
            FileManager.default.createFile(atPath: out.path, contents: nil)
            FileManager.default.createFile(atPath: err.path, contents: nil)
            let process = try Spawned(
                URL(fileURLWithPath: ssh), arguments, environment: ProcessInfo.processInfo.environment, directory: nil,
                input: nil, output: out, errors: err)
            process.waitUntilExit()
            return CLI.Result(
                status: process.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                stderr: try String(contentsOf: err, encoding: .utf8))
        }
    }

    @Test func aKeyRunsACommandAsItsUserOverRealSSHAndARemovedKeyGetsNothing() throws {
        let fx = try SSHFixture()
        let dan = try fx.addKey(for: "dan@x.test", named: "dan")
        let erin = try fx.addKey(for: "erin@x.test", named: "erin")
        let dans = try fx.cli.createTicket(subject: "Dan cannot print", as: "dan@x.test")
        let erins = try fx.cli.createTicket(subject: "Erin cannot print", as: "erin@x.test")
        let server = try Server(fx)

        let asDan = try server.connect(with: dan.privateKey, "ticket list --json")
        #expect(asDan.status == 0, "\(asDan.stderr)")
        #expect(try SSHSessionTests.numbers(asDan) == [dans])
        let asErin = try server.connect(with: erin.privateKey, "ticket list --json")
        #expect(try SSHSessionTests.numbers(asErin) == [erins])
        let hostile = try server.connect(with: dan.privateKey, "ticket list --as admin@x.test; cat /etc/passwd")
        #expect(hostile.status == 2 && hostile.stdout.isEmpty && hostile.stderr.contains("--as is not accepted over SSH"), "\(hostile.stderr)")

        // Removed but still in a stale authorized_keys file: the session refuses it, with no data.
        try fx.cli.json(["ssh", "key", "remove", dan.fingerprint], as: "admin@x.test")
        let stale = try server.connect(with: dan.privateKey, "ticket list")
        #expect(stale.status == 3 && stale.stdout.isEmpty, "\(stale.stdout)")
        #expect(stale.stderr == "error: This SSH key is no longer registered with the helpdesk\n", "\(stale.stderr)")
        // Once the file is written again, sshd itself refuses the key.
        try server.writeAuthorizedKeys()
        let refused = try server.connect(with: dan.privateKey, "ticket list --json")
        #expect(refused.status == 255 && refused.stdout.isEmpty)
        #expect(refused.stderr.contains("Permission denied (publickey)"), "\(refused.stderr)")
        #expect(try SSHSessionTests.numbers(try server.connect(with: erin.privateKey, "ticket list --json")) == [erins])
    }

    @Test func aKeyOpensTheConsoleAsItsUserThroughSSHWithATerminal() throws {
        let fx = try SSHFixture()
        let erin = try fx.addKey(for: "erin@x.test", named: "erin")
        _ = try fx.cli.createTicket(subject: "Dan cannot print", as: "dan@x.test")
        _ = try fx.cli.createTicket(subject: "Erin cannot print", as: "erin@x.test")
        let server = try Server(fx)
        let tmux = try Tmux(command: [server.ssh, "-tt"] + server.options(with: erin.privateKey), environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
        defer { tmux.close() }
        let screen = try tmux.waitFor("Erin cannot print")
        #expect(screen.contains("Erin (customer)"), "logged in as the key's user:\n\(screen)")
        #expect(!screen.contains("Dan cannot print"))
        // 120 columns: the ticket beside the list. A resize travels through ssh and sshd to the
        // console, which lays out again: at 80 columns the ticket goes under the list.
        #expect(screen.split(separator: "\n").contains { $0.contains("┐┌") }, "side by side:\n\(screen)")
        try tmux.run(["resize-window", "-t", tmux.session, "-x", "80", "-y", "30"], capture: false)
        let deadline = Date().addingTimeInterval(10)
        var narrow = try tmux.screen()
        while Date() < deadline, narrow.split(separator: "\n").contains(where: { $0.contains("┐┌") }) {
            Thread.sleep(forTimeInterval: 0.05)
            narrow = try tmux.screen()
        }
        let lines = narrow.split(separator: "\n")
        #expect(!lines.contains { $0.contains("┐┌") } && lines.allSatisfy { $0.count <= 80 }, "stacked at 80 columns:\n\(narrow)")
        #expect(narrow.contains("Erin cannot print"))
        try tmux.send("q")
        try tmux.waitFor("EXITED 0")
    }

    /// The deployment the README recommends: sshd asks `helpdesk ssh authorized-keys --type %t --key %k`
    /// for each offered key, so a removed key is refused by sshd itself at once. sshd runs such a
    /// program only from a folder no one but root may write, up to `/`: the test puts a two-line
    /// wrapper in a private folder under `/run` (root's) and removes it afterwards.
    @Test func sshdAsksTheHelpdeskForEachKeyAndARemovedKeyIsRefusedAtOnce() throws {
        try #require(getuid() == 0, "this test runs sshd as root (AuthorizedKeysCommandUser root, a wrapper under /run)")
        let fx = try SSHFixture()
        let dan = try fx.addKey(for: "dan@x.test", named: "dan")
        let dans = try fx.cli.createTicket(subject: "Dan cannot print", as: "dan@x.test")
        let wrapper = try KeysCommandWrapper()
        defer { wrapper.remove() }
        let server = try Server(fx, keysCommand: wrapper.command(fx))

        let asDan = try server.connect(with: dan.privateKey, "ticket list --json")
        #expect(asDan.status == 0, "\(asDan.stderr)")
        #expect(try SSHSessionTests.numbers(asDan) == [dans])
        let stranger = String(try OpenSSHTools.makeKey("ed25519", named: "stranger", in: fx.cli.directory).dropLast(".pub".count))
        let unknown = try server.connect(with: stranger, "ticket list --json")
        #expect(unknown.status == 255 && unknown.stdout.isEmpty && unknown.stderr.contains("Permission denied (publickey)"), "\(unknown.stderr)")
        try fx.cli.json(["ssh", "key", "remove", dan.fingerprint], as: "admin@x.test")
        let removed = try server.connect(with: dan.privateKey, "ticket list --json")
        #expect(removed.status == 255 && removed.stdout.isEmpty && removed.stderr.contains("Permission denied (publickey)"), "\(removed.stderr)")
    }

    /// Guest entry end to end: a stranger's key (with `ssh-guests` on) runs no command, gets the
    /// registration screen with a terminal, registers, links the key when asked; the next
    /// connection with the same key opens the console as that customer, with no password.
    @Test func aGuestRegistersLinksTheKeyAndTheNextConnectionIsTheirs() throws {
        try #require(getuid() == 0, "this test runs sshd as root (AuthorizedKeysCommandUser root, a wrapper under /run)")
        let fx = try SSHFixture()
        try fx.cli.json(["settings", "ssh-guests", "on"], as: "admin@x.test")
        let wrapper = try KeysCommandWrapper()
        defer { wrapper.remove() }
        let server = try Server(fx, keysCommand: wrapper.command(fx))
        let stranger = String(try OpenSSHTools.makeKey("ed25519", named: "stranger", in: fx.cli.directory).dropLast(".pub".count))
        let command = try server.connect(with: stranger, "ticket list --json")
        #expect(command.status == 4 && command.stdout.isEmpty && command.stderr.contains("Guests cannot run commands over SSH"), "\(command.stderr)")

        let environment = ["TERM": "xterm-256color", "LANG": "C.UTF-8"]
        let guest = try Tmux(command: [server.ssh, "-tt"] + server.options(with: stranger), environment: environment)
        defer { guest.close() }
        try guest.waitFor("Helpdesk · log in")
        try guest.send("C-n")
        try guest.waitFor("Create an account")
        try guest.type("fay@x.test")
        try guest.send("Enter")
        try guest.type("Fay Farmer")
        try guest.send("Enter")
        try guest.type("password1")
        try guest.send("Enter")
        try guest.type("password1")
        try guest.send("C-s")
        try guest.waitFor("Link this SSH key to fay@x.test?", timeout: 30)
        try guest.send("Down", "Enter")
        try guest.waitFor("This key is linked to your account", timeout: 30)
        try guest.send("q")
        try guest.waitFor("EXITED 0")

        let again = try Tmux(command: [server.ssh, "-tt"] + server.options(with: stranger), environment: environment)
        defer { again.close() }
        let screen = try again.waitFor("Fay Farmer (customer)")
        #expect(!screen.contains("Helpdesk · log in"), "no password asked:\n\(screen)")
        try again.send("q")
        try again.waitFor("EXITED 0")
        let audit = try #require(try fx.cli.json(["audit"], as: "admin@x.test")["audit"] as? [[String: Any]])
        let fingerprint = try OpenSSHTools.fingerprint(of: stranger + ".pub")
        let mine = audit.filter { $0["detail"] as? String == fingerprint }.compactMap { $0["action"] as? String }
        #expect(mine == ["ssh.connect", "ssh-key.link", "ssh.guest-login", "ssh.guest-connect", "ssh.guest-connect"], "\(mine)")
    }

    /// sshd runs an `AuthorizedKeysCommand` only from a folder no one but root may write, up to
    /// `/`: a two-line wrapper around the built binary in a private folder under `/run` (root's).
    struct KeysCommandWrapper {
        let folder = "/run/helpdesk-test-\(UUID().uuidString.prefix(8))"
        var path: String { folder + "/helpdesk" }

        /// Written through a descriptor opened close-on-exec: a process that another test forks
        /// meanwhile must not inherit it open for writing, or sshd's exec of the wrapper fails
        /// ("Text file busy") and the key is refused.
        init() throws {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
            let script = Array("#!/bin/sh\nexec \(Tmux.quote(CLI.binary.path)) \"$@\"\n".utf8)
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
            try #require(descriptor >= 0, "cannot write \(path)")
            let written = script.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
            try #require(written == script.count, "cannot write \(path)")
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }

        /// The `AuthorizedKeysCommand` line for the fixture's database.
        func command(_ fx: SSHFixture) -> String { "\(path) ssh authorized-keys --db \(fx.cli.database) --type %t --key %k" }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }
}
