import Foundation
import HelpdeskCore

/// A guest connection over SSH, as `openSSHGuestSession` admitted it.
public struct SSHGuestEntry: Sendable, Equatable {
    /// The key sshd checked (registered to no one), and its `SHA256:` fingerprint.
    public var key: SSHPublicKey
    public var fingerprint: String
    /// How many guest sessions may be open at once (`settings ssh-guest-limit`).
    public var limit: Int
    /// The client's IP address as sshd saw it (the first field of `SSH_CONNECTION`, which sshd sets
    /// and a client cannot: the README's sshd block accepts no client variable but the locale's);
    /// nil when the session was not started by sshd.
    public var clientAddress: String?

    public init(key: SSHPublicKey, fingerprint: String, limit: Int, clientAddress: String? = nil) {
        self.key = key
        self.fingerprint = fingerprint
        self.limit = limit
        self.clientAddress = clientAddress
    }

    /// Where the guest's logins come from: the client's address (an IPv6 one by its /64), so its
    /// failures lock an account for that client only and a stranger cannot lock anyone out of the
    /// console, the API or another client (`LoginOrigin`). Not the key alone, as issue 13 first
    /// asked: a guest mints a new key in microseconds, and each would bring five fresh guesses at
    /// any account, admins' included (found in review). Without an address (no sshd), the key.
    public var origin: LoginOrigin { clientAddress.map { .address($0) } ?? .sshGuestKey(fingerprint: fingerprint) }
}

extension Helpdesk {
    /// Who the audit log names for what a guest does before logging in.
    public static let guestActor = "(ssh guest)"

    /// Turns guest entry over SSH on or off; admins only. Recorded in the audit log
    /// (`settings.ssh-guests`, detail `on` or `off`).
    /// - Throws: `FORBIDDEN` (not an admin); `UNAUTHORIZED`.
    public func setSSHGuests(_ enabled: Bool, by actor: some ActorReference) async throws -> HelpdeskSettings {
        try await storage.changeSettings(actorId: actor.actorId, at: try now()) { user, current in
            try Permissions.requireAdmin(try Self.acting(user), to: "change settings")
            var changed = current
            changed.sshGuests = enabled
            return (changed, AuditRecord("settings.ssh-guests", target: "ssh_guests", detail: enabled ? "on" : "off"))
        }
    }

    /// Sets how many guest sessions may be open at once; admins only. Recorded in the audit log
    /// (`settings.ssh-guest-limit`, detail the limit).
    /// - Throws: `VALIDATION_ERROR` on `ssh_guest_limit` (`SSHGuestRules.limits`); `FORBIDDEN`
    ///   (not an admin); `UNAUTHORIZED`.
    public func setSSHGuestLimit(_ limit: Int, by actor: some ActorReference) async throws -> HelpdeskSettings {
        let checked = try SSHGuestRules.limit(limit)
        return try await storage.changeSettings(actorId: actor.actorId, at: try now()) { user, current in
            try Permissions.requireAdmin(try Self.acting(user), to: "change settings")
            var changed = current
            changed.sshGuestLimit = checked
            return (changed, AuditRecord("settings.ssh-guest-limit", target: "ssh_guest_limit", detail: String(checked)))
        }
    }

    /// The key sshd offers (`AuthorizedKeysCommand` `%t %k`), if it may enter as a guest: guest
    /// entry is on, the core accepts the key, and no account holds it (a key of a deactivated
    /// user is no stranger's). Nil otherwise, and sshd then refuses it. Trusted like
    /// `sshKeyEntries`: whoever can read the database file may ask.
    public func sshGuestKey(type: String, base64: String) async throws -> SSHPublicKey? {
        guard try await storage.storedSettings().sshGuests, let key = try? SSHPublicKey.parse(type: type, base64: base64) else {
            return nil
        }
        return try await storage.sshKeyIsRegistered(key) ? nil : key
    }

    /// A guest connection (`ssh session --guest`), its key named by its guest line: the setting is
    /// read again now, so a line given out before an admin switched guests off is refused, and a
    /// key registered since is sent to its own line. Recorded in the audit log (`ssh.guest-connect`,
    /// by `(ssh guest)`, detail the key's fingerprint).
    /// - Throws: `UNAUTHORIZED` when guest entry is off or the key is registered now;
    ///   `VALIDATION_ERROR` on `key` for a key the core refuses.
    public func openSSHGuestSession(type: String, base64: String, clientAddress: String? = nil) async throws -> SSHGuestEntry {
        let key = try SSHPublicKey.parse(type: type, base64: base64)
        let settings = try await storage.storedSettings()
        guard settings.sshGuests else { throw HelpdeskError(.unauthorized, "Guest entry over SSH is off") }
        let registered = try await storage.sshKeyIsRegistered(key)
        guard !registered else {
            throw HelpdeskError(.unauthorized, "This SSH key is registered to an account now: connect again to enter as its user")
        }
        let fingerprint = key.fingerprint(using: digest)
        try await storage.appendAudit(AuditRecord("ssh.guest-connect", target: "-", detail: fingerprint), actor: Self.guestActor, at: try now())
        return SSHGuestEntry(key: key, fingerprint: fingerprint, limit: settings.sshGuestLimit, clientAddress: clientAddress)
    }

    /// A login from a guest connection: `login` from the guest's origin (its failures lock the
    /// account for that client only, `SSHGuestEntry.origin`), with the outcome in the audit log by the guest's key (`ssh.guest-login` by the user, or `ssh.guest-login-failed` by `(ssh guest)`; target the
    /// email as given, normalised when it is one; detail the key's fingerprint).
    /// - Throws: as `login`.
    public func guestLogin(email: String, password: String, guest: SSHGuestEntry) async throws -> User {
        let target = (try? Validator.email(email)) ?? "(not an email)"
        do {
            let user = try await login(email: email, password: password, origin: guest.origin)
            try await storage.appendAudit(AuditRecord("ssh.guest-login", target: user.email, detail: guest.fingerprint), actor: user.email, at: try now())
            return user
        } catch let error as HelpdeskError where error.code == .unauthorized {
            try await storage.appendAudit(
                AuditRecord("ssh.guest-login-failed", target: target, detail: guest.fingerprint), actor: Self.guestActor, at: try now())
            throw error
        }
    }

    /// Links a guest connection's key to the customer who just logged in or registered with it, so
    /// that their next connection opens as them with no password. The identity is the key sshd
    /// checked (`guest`) and the password, checked again here (`login`, from the key's origin);
    /// only customers may link (`SSHGuestRules.requireLinkable`). Recorded in the audit log (`ssh-key.link`, by the user,
    /// detail the fingerprint).
    /// - Throws: `UNAUTHORIZED` (as `login`); `FORBIDDEN` (staff); `CONFLICT` (any account holds
    ///   the key already).
    public func linkGuestKey(_ guest: SSHGuestEntry, email: String, password: String) async throws -> SSHKey {
        let user = try await login(email: email, password: password, origin: guest.origin)
        try SSHGuestRules.requireLinkable(user)
        let record = NewSSHKeyRecord(
            ownerEmail: user.email, key: guest.key, fingerprint: guest.fingerprint, linkedCredentialVersion: user.credentialVersion)
        return try await storage.addSSHKey(record, actorId: user.id, at: try now()) { snapshot in
            let me = try Self.acting(snapshot.actor)
            try SSHGuestRules.requireLinkable(me)
            guard snapshot.owner?.id == me.id else { throw HelpdeskError(.unauthorized, "The account changed while the key was being linked") }
            if snapshot.keyTaken {
                throw HelpdeskError(.conflict, "This key is already registered", fieldErrors: ["key": ["is already registered to an account"]])
            }
            return AuditRecord("ssh-key.link", target: me.email, detail: guest.fingerprint)
        }
    }
}
