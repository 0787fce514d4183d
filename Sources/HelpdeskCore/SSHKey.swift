import Foundation

/// A public key registered for SSH, as stored: the key itself is never needed to act on it, only
/// its fingerprint (to name it) and its id (which the forced command of its `authorized_keys`
/// line carries).
public struct SSHKey: Sendable, Equatable {
    /// The row id: `ssh session --key-id N` names it.
    public var id: Int64
    /// The owner's id and email.
    public var userId: Int64
    public var userEmail: String
    /// The key's type, and its fingerprint as `ssh-keygen -lf` prints it (`SHA256:…`).
    public var type: SSHKeyType
    public var fingerprint: String
    /// When it was added, and when a connection last used it (nil: never).
    public var createdAt: Date
    public var lastUsedAt: Date?
    /// For a key a customer linked from a guest session (proved by their password only): the
    /// owner's credential version then; nil for a key an admin added.
    public var linkedCredentialVersion: Int?

    public init(
        id: Int64, userId: Int64, userEmail: String, type: SSHKeyType, fingerprint: String, createdAt: Date, lastUsedAt: Date?,
        linkedCredentialVersion: Int? = nil
    ) {
        self.linkedCredentialVersion = linkedCredentialVersion
        self.id = id
        self.userId = userId
        self.userEmail = userEmail
        self.type = type
        self.fingerprint = fingerprint
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }

    /// Whether the key may still open a session for `owner` as stored now. A key linked from a
    /// guest session was proved by a password alone, so it lasts only as long as that credential:
    /// a password change or reset, a role change, a deactivation (each moves the credential
    /// version on) ends it, as they end API sessions. Otherwise a stranger who learned a customer's
    /// password and linked a key would keep it after the password changed, or open a staff console
    /// after a promotion (found in review). Keys admins add are not affected.
    public func isCurrent(for owner: User) -> Bool {
        linkedCredentialVersion.map { $0 == owner.credentialVersion } ?? true
    }
}
