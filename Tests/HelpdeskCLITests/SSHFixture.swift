import Foundation
import Testing

/// A helpdesk with users and `ssh-keygen` keys registered through the real binary, and a way to
/// run `ssh session` exactly as sshd runs a forced command: the line's arguments, the client's
/// request in `SSH_ORIGINAL_COMMAND`, no terminal.
struct SSHFixture {
    let cli: CLI

    /// admin, alice, bob, dan (from `CLI.seedUsers`) and erin, a second customer.
    init() throws {
        cli = try CLI()
        try cli.seedUsers()
        try cli.json(["register", "--email", "erin@x.test", "--name", "Erin", "--password-stdin"], stdin: "password1\n")
    }

    /// Makes an ed25519 key with `ssh-keygen` and registers it for `email`; returns its id, its
    /// fingerprint and the private key file's path.
    func addKey(for email: String, named name: String) throws -> (id: Int, fingerprint: String, privateKey: String) {
        let file = try OpenSSHTools.makeKey("ed25519", named: name, in: cli.directory)
        let added = try cli.json(["ssh", "key", "add", email, "--key-file", file], as: "admin@x.test")
        let id = try #require(added["id"] as? Int)
        return (id, try #require(added["fingerprint"] as? String), String(file.dropLast(".pub".count)))
    }

    /// `helpdesk --db DB ssh session --key-id N` with `request` as `SSH_ORIGINAL_COMMAND` (unset when
    /// nil) and a hostile environment: `HELPDESK_USER` names the admin, `HELPDESK_DB` another file,
    /// `HELPDESK_NOW` another year.
    func session(_ keyId: Int, _ request: String?, stdin: String? = nil, environment: [String: String] = [:]) throws -> CLI.Result {
        var extra = environment
        extra["SSH_ORIGINAL_COMMAND"] = request
        extra["HELPDESK_DB"] = cli.directory.appendingPathComponent("elsewhere.sqlite").path
        extra["HELPDESK_NOW"] = "2031-01-01T00:00:00Z"
        if request == nil { extra.removeValue(forKey: "SSH_ORIGINAL_COMMAND") }
        return try cli.run(
            ["--db", cli.database, "ssh", "session", "--key-id", "\(keyId)"], as: "admin@x.test", stdin: stdin, environment: extra)
    }
}
