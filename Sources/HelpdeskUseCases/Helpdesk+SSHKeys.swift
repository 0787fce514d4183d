import Foundation
import HelpdeskCore

extension Helpdesk {
    /// Registers an SSH public key for a user (admins only): whoever connects with it is that user.
    /// The key is parsed and re-serialised by the core (`SSHPublicKey.parse`), so what is stored is
    /// one key and nothing else. Recorded in the audit log (`ssh-key.add`, detail the fingerprint).
    /// - Throws: `VALIDATION_ERROR` on `key` (the rule it breaks) or `email`; `FORBIDDEN` (not an
    ///   admin); `NOT_FOUND` (no user has the email); `CONFLICT` (any account already holds the key);
    ///   `UNAUTHORIZED`.
    public func addSSHKey(email: String, key text: String, by actor: some ActorReference) async throws -> SSHKey {
        var errors = FieldErrors()
        var owner = "", parsed: SSHPublicKey?
        errors.check("email") { owner = try Validator.email(email, field: "email") }
        errors.check("key") { parsed = try SSHPublicKey.parse(text) }
        try errors.throwIfAny()
        guard let key = parsed else { throw HelpdeskError(.internalError, "A key was accepted without being parsed") }
        let fingerprint = key.fingerprint(using: digest), email = owner
        let record = NewSSHKeyRecord(ownerEmail: owner, key: key, fingerprint: fingerprint)
        return try await storage.addSSHKey(record, actorId: actor.actorId, at: try now()) { snapshot in
            try Permissions.requireAdmin(try Self.acting(snapshot.actor), to: "add SSH keys")
            guard snapshot.owner != nil else { throw HelpdeskError.notFound("User \(email)") }
            if snapshot.keyTaken {
                throw HelpdeskError(.conflict, "This key is already registered", fieldErrors: ["key": ["is already registered to an account"]])
            }
            return AuditRecord("ssh-key.add", target: email, detail: fingerprint)
        }
    }

    /// SSH keys with when each was last used. Without `email`: an admin's list holds every key,
    /// anyone else's their own. With `email`: admins name anyone; others only themselves.
    /// - Throws: `VALIDATION_ERROR` on `email`; `FORBIDDEN` (a non-admin naming another account,
    ///   whether or not it exists); `NOT_FOUND` (an admin naming no user); `UNAUTHORIZED`.
    public func sshKeys(email: String?, by actor: some ActorReference) async throws -> [SSHKey] {
        let owner = try email.map { try Validator.email($0, field: "email") }
        return try await storage.sshKeys(ownerEmail: owner, actorId: actor.actorId) { stored, named in
            let me = try Self.acting(stored)
            guard let owner else { return me.role == .admin ? .everyone : .owner(me.id) }
            guard me.role == .admin || named?.id == me.id else {
                throw HelpdeskError.forbidden("Only admins may list another user's SSH keys")
            }
            guard let named else { throw HelpdeskError.notFound("User \(owner)") }
            return .owner(named.id)
        }
    }

    /// Removes an SSH key, named by its fingerprint: admins any key, anyone else their own. The next
    /// connection with it is refused, whatever `authorized_keys` still holds. Recorded in the audit
    /// log (`ssh-key.remove`, target the owner's email, detail the fingerprint).
    /// - Throws: `VALIDATION_ERROR` on `fingerprint` (not `SHA256:…`); `NOT_FOUND` (no such key, or a
    ///   key of someone else for a non-admin, who so learns nothing of other accounts' keys);
    ///   `UNAUTHORIZED`.
    public func removeSSHKey(fingerprint: String, by actor: some ActorReference) async throws -> SSHKey {
        let checked = try SSHFingerprint.validate(fingerprint)
        return try await storage.removeSSHKey(fingerprint: checked, actorId: actor.actorId, at: try now()) { stored, key in
            let me = try Self.acting(stored)
            guard let key, me.role == .admin || key.userId == me.id else { throw HelpdeskError.notFound("SSH key \(checked)") }
            return AuditRecord("ssh-key.remove", target: key.userEmail, detail: checked)
        }
    }
}

extension Helpdesk {
    /// The keys sshd may accept, for `authorized_keys` lines: with `type` and `base64` (sshd's
    /// `AuthorizedKeysCommand` `%t %k`) the one registered key equal to it, or none; without them,
    /// every key. Keys of deactivated users are left out (and refused again by `openSSHSession`).
    /// A key the core refuses (a certificate, `ssh-dss`, malformed) is registered to no one: none.
    /// Trusted like `--as`: whoever can read the database file may list its keys.
    /// - Throws: `VALIDATION_ERROR` on `key` when only one of `type` and `base64` is given.
    public func sshKeyEntries(type: String?, base64: String?) async throws -> [SSHKeyEntry] {
        switch (type, base64) {
        case (nil, nil):
            return try await storage.sshKeyEntries(matching: nil)
        case (let type?, let base64?):
            guard let key = try? SSHPublicKey.parse(type: type, base64: base64) else { return [] }
            return try await storage.sshKeyEntries(matching: key)
        default:
            throw HelpdeskError.validation("key", "give both --type and --key (sshd's %t and %k), or neither")
        }
    }

    /// A connection over SSH with the key `keyId` (the id its `authorized_keys` line names): the key
    /// and its owner are read again now, inside one transaction that also records the key's
    /// `last_used_at` and writes the audit log (`ssh.connect`, by the owner, target their email,
    /// detail the key's fingerprint). The returned user is who the connection acts as.
    /// - Throws: `UNAUTHORIZED` when the key was removed or its user is gone or deactivated
    ///   (nothing is written then); also when the key was linked from a guest session and the
    ///   owner's credential version has moved on since (`SSHKey.isCurrent`): the key is removed then,
    ///   with `ssh-key.unlink` in the audit log, so the next connection is a guest's again.
    public func openSSHSession(keyId: Int64) async throws -> User {
        try await storage.useSSHKey(id: keyId, at: try now()) { key, owner in
            guard let key else { throw HelpdeskError(.unauthorized, "This SSH key is no longer registered with the helpdesk") }
            let user = try Self.acting(owner)
            guard key.isCurrent(for: user) else {
                return .forget(
                    AuditRecord("ssh-key.unlink", target: user.email, detail: "\(key.fingerprint) (the account's credentials changed)"),
                    HelpdeskError(
                        .unauthorized,
                        "This SSH key was linked with a password that has since changed (or the account's role did): connect again to log in"))
            }
            return .admit(AuditRecord("ssh.connect", target: user.email, detail: key.fingerprint))
        }
    }
}
