import Foundation

/// The `authorized_keys` line that maps one key to its user, as gitolite and Gitea write theirs:
///
///     restrict,pty,command="/usr/local/bin/helpdesk --db /srv/helpdesk.sqlite ssh session --key-id 7" ssh-ed25519 AAAA…
///
/// `restrict` turns off every forwarding, the user's rc file and the pty, `pty` gives the pty back
/// (for the console), and `command=` makes sshd run our program whatever the client asks; what the
/// client typed reaches it only as `SSH_ORIGINAL_COMMAND`. So nothing a client sends chooses the
/// program, the database or the identity: the key id is the identity, and the key is the one the
/// core parsed (`SSHPublicKey`), never pasted text.
public enum AuthorizedKeysLine {
    /// The line for `key`, whose id is `keyId`, running `program` on `database`.
    ///
    /// sshd reads the option up to the next unescaped `"`, then hands the command to the account's
    /// shell as `sh -c COMMAND`: a path holding `"`, a line break or another control character is
    /// refused (it could end the option or the line), and a path holding anything but letters,
    /// digits and `/._-+,:@` is put in single quotes for that shell (`'` written `'\''`).
    /// - Throws: `VALIDATION_ERROR` on `program` or `db` when the path is not absolute or holds a
    ///   `"`, a line break or a control character.
    public static func line(program: String, database: String, keyId: Int64, key: SSHPublicKey) throws -> String {
        var errors = FieldErrors()
        var quoted = (program: "", database: "")
        errors.check("program") { quoted.program = try shellWord(program, field: "program") }
        errors.check("db") { quoted.database = try shellWord(database, field: "db") }
        try errors.throwIfAny()
        let command = "\(quoted.program) --db \(quoted.database) ssh session --key-id \(keyId)"
        return "restrict,pty,command=\"\(command)\" \(key.text)"
    }

    /// The guest line for `key`, a key registered to no one (`AuthorizedKeysCommand` mode only,
    /// with guest entry on):
    ///
    ///     restrict,pty,command="/usr/local/bin/helpdesk --db /srv/helpdesk.sqlite ssh session --guest --key-type ssh-ed25519 --key AAAA…" ssh-ed25519 AAAA…
    ///
    /// The forced command carries the key itself, so that the session knows which key it serves
    /// (its fingerprint for the audit log and the guest's lockout, the key for linking). That is
    /// safe because sshd uses a line printed by the `AuthorizedKeysCommand` only for the key the
    /// line names, and only once the client has signed with it: the key in the command is always
    /// the one that signed, and no client can name another. A static file never holds such a
    /// line (it cannot name keys no one registered).
    /// - Throws: `VALIDATION_ERROR` on `program` or `db` as `line` does.
    public static func guestLine(program: String, database: String, key: SSHPublicKey) throws -> String {
        var errors = FieldErrors()
        var quoted = (program: "", database: "")
        errors.check("program") { quoted.program = try shellWord(program, field: "program") }
        errors.check("db") { quoted.database = try shellWord(database, field: "db") }
        try errors.throwIfAny()
        // The type is one of `SSHKeyType`'s names and the base64 the core's own encoding: both plain
        // words but for base64's `=`, which single quotes keep from the shell.
        let command = "\(quoted.program) --db \(quoted.database) ssh session --guest --key-type \(key.type.rawValue) --key '\(key.base64)'"
        return "restrict,pty,command=\"\(command)\" \(key.text)"
    }

    private static let plain = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/._-+,:@")

    /// An absolute path as one word of `sh -c`, safe inside the option's double quotes.
    private static func shellWord(_ path: String, field: String) throws -> String {
        guard path.hasPrefix("/") else { throw HelpdeskError.validation(field, "must be an absolute path (got \(path))") }
        guard !path.contains("\""), !path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) else {
            throw HelpdeskError.validation(field, "must not hold a \" or a line break or control character: no authorized_keys line can name it safely")
        }
        if path.allSatisfy({ plain.contains($0) }) { return path }
        return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
