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

    public init(
        id: Int64, userId: Int64, userEmail: String, type: SSHKeyType, fingerprint: String, createdAt: Date, lastUsedAt: Date?
    ) {
        self.id = id
        self.userId = userId
        self.userEmail = userEmail
        self.type = type
        self.fingerprint = fingerprint
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }
}
