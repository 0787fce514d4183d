import Foundation
import Testing

/// Guest entry over SSH through the real binary: `settings ssh-guests`/`ssh-guest-limit`, the guest
/// line `ssh authorized-keys` prints for a key registered to no one, and `ssh session --guest` run
/// as sshd runs a forced command.
struct SSHGuestCommandTests {
    /// A stranger's key made by `ssh-keygen`: its type, its base64, its private key file.
    static func stranger(_ fx: SSHFixture, named name: String = "stranger") throws -> (type: String, base64: String, privateKey: String) {
        let file = try OpenSSHTools.makeKey("ed25519", named: name, in: fx.cli.directory)
        let fields = try String(contentsOfFile: file, encoding: .utf8).split(separator: " ").map(String.init)
        return (fields[0], fields[1], String(file.dropLast(".pub".count)))
    }

    /// `ssh session --guest` with the guest line's arguments, the client's request as `SSH_ORIGINAL_COMMAND`.
    static func guestSession(_ fx: SSHFixture, _ key: (type: String, base64: String, privateKey: String), _ request: String?) throws -> CLI.Result {
        try fx.cli.run(
            ["--db", fx.cli.database, "ssh", "session", "--guest", "--key-type", key.type, "--key", key.base64],
            environment: request.map { ["SSH_ORIGINAL_COMMAND": $0] } ?? [:])
    }

    @Test func adminsSwitchGuestsAndTheirLimitAndSettingsShowsBoth() throws {
        let fx = try SSHFixture()
        #expect(try fx.cli.run(["settings", "show"], as: "alice@x.test").stdout == "auto-assign: off\nssh-guests: off\nssh-guest-limit: 20\ntoken-idle-days: 14\ntoken-max-days: 30\n")
        let agent = try fx.cli.run(["settings", "ssh-guests", "on"], as: "alice@x.test")
        #expect(agent.status == 4, "\(agent.stderr)")
        for bad in ["0", "1001", "twenty"] {
            let refused = try fx.cli.run(["settings", "ssh-guest-limit", bad, "--json"], as: "admin@x.test")
            #expect(refused.status == 2 && refused.stdout.contains("ssh_guest_limit"), "\(bad): \(refused.stdout)")
        }
        #expect(try fx.cli.run(["settings", "ssh-guests", "maybe"], as: "admin@x.test").stderr.contains("ssh_guests"))
        #expect(try fx.cli.run(["settings", "ssh-guests", "on"], as: "admin@x.test").stdout == "ssh-guests: on\n")
        #expect(try fx.cli.run(["settings", "ssh-guest-limit", "5"], as: "admin@x.test").stdout == "ssh-guest-limit: 5\n")
        let shown = try fx.cli.json(["settings", "show"], as: "alice@x.test")
        #expect(shown["ssh_guests"] as? Bool == true && shown["ssh_guest_limit"] as? Int == 5 && shown["auto_assign"] as? Bool == false)
    }

    @Test func anUnknownKeyGetsTheGuestLineOnlyWhileGuestsAreOnAndNeverInTheFile() throws {
        let fx = try SSHFixture()
        let dan = try fx.addKey(for: "dan@x.test", named: "dan")
        let key = try Self.stranger(fx)
        func ask() throws -> String {
            let result = try fx.cli.run(["ssh", "authorized-keys", "--db", fx.cli.database, "--type", key.type, "--key", key.base64])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout
        }
        #expect(try ask().isEmpty, "guests off: nothing, and sshd refuses the key")
        try fx.cli.json(["settings", "ssh-guests", "on"], as: "admin@x.test")
        let binary = CLI.binary.resolvingSymlinksInPath().path
        #expect(try ask() == """
            restrict,pty,command="\(binary) --db \(fx.cli.database) ssh session --guest --key-type \(key.type) --key '\(key.base64)'" \(key.type) \(key.base64)

            """)
        // sshd's own parser reads the line, and it names the stranger's key.
        let file = fx.cli.directory.appendingPathComponent("guest_line")
        try try ask().write(to: file, atomically: true, encoding: .utf8)
        #expect(try Spawned.run(try OpenSSHTools.keygen(), ["-lf", file.path]).stdout.contains(try OpenSSHTools.fingerprint(of: key.privateKey + ".pub")))
        // The static file names registered keys only.
        let all = try fx.cli.run(["ssh", "authorized-keys", "--db", fx.cli.database]).stdout
        #expect(all.split(separator: "\n").count == 1 && all.contains("--key-id \(dan.id)\"") && !all.contains("--guest"))
    }

    @Test func aGuestRunsNoCommandAndIsRefusedOnceGuestsAreOff() throws {
        let fx = try SSHFixture()
        let key = try Self.stranger(fx)
        try fx.cli.json(["settings", "ssh-guests", "on"], as: "admin@x.test")
        let command = try Self.guestSession(fx, key, "ticket list --json")
        #expect(command.status == 4 && command.stdout.isEmpty, "\(command.stdout)")
        #expect(command.stderr == "error: Guests cannot run commands over SSH: connect with a terminal (ssh -t) to log in or register\n")
        let noTerminal = try Self.guestSession(fx, key, nil)
        #expect(noTerminal.status == 64 && noTerminal.stderr.contains("ssh -t helpdesk@HOST"), "\(noTerminal.stderr)")
        let audit = try #require(try fx.cli.json(["audit"], as: "admin@x.test")["audit"] as? [[String: Any]])
        let fingerprint = try OpenSSHTools.fingerprint(of: key.privateKey + ".pub")
        #expect(audit.first.map { [$0["actor"] as? String, $0["action"] as? String, $0["detail"] as? String] } == ["(ssh guest)", "ssh.guest-connect", fingerprint])
        // A guest line given out (or cached) before an admin switched guests off is refused.
        try fx.cli.json(["settings", "ssh-guests", "off"], as: "admin@x.test")
        let off = try Self.guestSession(fx, key, nil)
        #expect(off.status == 3 && off.stdout.isEmpty && off.stderr == "error: Guest entry over SSH is off\n", "\(off.stderr)")
    }

    /// The places are files held with `flock`: while another process holds every one, a guest is
    /// refused with one line; once it lets go (or dies), the place is free again.
    @Test func theGuestLimitCountsSessionsAcrossProcesses() throws {
        let fx = try SSHFixture()
        let key = try Self.stranger(fx)
        try fx.cli.json(["settings", "ssh-guests", "on"], as: "admin@x.test")
        try fx.cli.json(["settings", "ssh-guest-limit", "2"], as: "admin@x.test")
        let folder = fx.cli.database + ".ssh-guests"
        #expect(try Self.guestSession(fx, key, nil).status == 64, "a free place, then the help for want of a terminal")
        var info = stat()
        #expect(lstat(folder, &info) == 0 && info.st_mode & 0o777 == 0o700)
        // Another session's process holds both places (flock on its own open file, as a session does).
        let held = try (0..<2).map { place -> Int32 in
            let descriptor = open("\(folder)/\(place)", O_RDWR | O_CREAT, 0o600)
            try #require(descriptor >= 0 && flock(descriptor, LOCK_EX | LOCK_NB) == 0)
            return descriptor
        }
        let full = try Self.guestSession(fx, key, nil)
        #expect(full.status == 4 && full.stderr == "error: All 2 guest places are taken: try again later\n", "\(full.stderr)")
        close(held[1])
        #expect(try Self.guestSession(fx, key, nil).status == 64, "the place let go is taken")
        close(held[0])
    }
}
