import Foundation
import HelpdeskCore

/// A key to insert: parsed and re-serialised by the core (`SSHPublicKey`), with its fingerprint.
public struct NewSSHKeyRecord: Sendable {
    /// The owner's normalised email; the key; its `SHA256:` fingerprint.
    public var ownerEmail: String
    public var key: SSHPublicKey
    public var fingerprint: String
    /// For a key linked from a guest session, the owner's credential version at the link (`SSHKey.isCurrent`).
    public var linkedCredentialVersion: Int?

    public init(ownerEmail: String, key: SSHPublicKey, fingerprint: String, linkedCredentialVersion: Int? = nil) {
        self.ownerEmail = ownerEmail
        self.key = key
        self.fingerprint = fingerprint
        self.linkedCredentialVersion = linkedCredentialVersion
    }
}

/// What a connection with a key comes to (`SSHKeyStorage.useSSHKey`).
public enum SSHKeyUse: Sendable {
    /// The session opens; the record goes to the audit log.
    case admit(AuditRecord)
    /// The key is removed (a guest-linked key whose credential has changed), the record goes to the
    /// audit log, and the connection is refused with the error.
    case forget(AuditRecord, HelpdeskError)
}

/// What the decision to add a key reads.
public struct NewSSHKeySnapshot: Sendable {
    /// The acting user as stored now; the owner named (nil when no account has the email); whether
    /// any account already holds the key.
    public var actor: User?
    public var owner: User?
    public var keyTaken: Bool

    public init(actor: User?, owner: User?, keyTaken: Bool) {
        self.actor = actor
        self.owner = owner
        self.keyTaken = keyTaken
    }
}

/// Whose keys a list holds, as the decision allows.
public enum SSHKeyScope: Sendable, Equatable {
    /// Every key (admins).
    case everyone
    /// The keys of the user with this id.
    case owner(Int64)
}

/// A key with what its `authorized_keys` line needs: its id and the key itself.
public struct SSHKeyEntry: Sendable, Equatable {
    /// The row id the line's forced command names, and the key.
    public var id: Int64
    public var key: SSHPublicKey

    public init(id: Int64, key: SSHPublicKey) {
        self.id = id
        self.key = key
    }
}

/// SSH public keys: each maps to one user, who is whoever connects with it.
public protocol SSHKeyStorage: Sendable {
    /// Adds a key in one transaction: loads the snapshot, calls `decide` (which throws to refuse and
    /// returns the audit record), inserts the key and the audit row. A concurrent insert of the same
    /// key is `CONFLICT`.
    func addSSHKey(
        _ record: NewSSHKeyRecord, actorId: Int64, at now: Date,
        decide: @escaping @Sendable (NewSSHKeySnapshot) throws -> AuditRecord
    ) async throws -> SSHKey
    /// The keys in the scope `decide` returns (it sees the acting user and, when `ownerEmail` is
    /// given, the account with that email or nil), by owner's email and then id.
    func sshKeys(
        ownerEmail: String?, actorId: Int64, decide: @escaping @Sendable (User?, User?) throws -> SSHKeyScope
    ) async throws -> [SSHKey]
    /// Removes a key in one transaction: `decide` sees the acting user and the key with the
    /// fingerprint (nil when there is none), throws to refuse, and returns the audit record.
    func removeSSHKey(
        fingerprint: String, actorId: Int64, at now: Date,
        decide: @escaping @Sendable (User?, SSHKey?) throws -> AuditRecord
    ) async throws -> SSHKey
    /// Whether any account, active or not, holds `key` (matched on its type and wire encoding).
    func sshKeyIsRegistered(_ key: SSHPublicKey) async throws -> Bool
    /// The keys of active users, every one or only `key` (matched on its type and wire encoding), by id.
    func sshKeyEntries(matching key: SSHPublicKey?) async throws -> [SSHKeyEntry]
    /// A connection with the key `id`: in one transaction `decide` sees the key (nil when removed)
    /// and its owner as stored now and throws to refuse; `.admit` sets `last_used_at` to `now` and
    /// writes its audit record (actor the owner) and returns the owner; `.forget` removes the key,
    /// writes its audit record, commits, and then throws its error.
    func useSSHKey(
        id: Int64, at now: Date, decide: @escaping @Sendable (SSHKey?, User?) throws -> SSHKeyUse
    ) async throws -> User
}
