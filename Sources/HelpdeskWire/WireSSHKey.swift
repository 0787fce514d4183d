import Foundation
import HelpdeskCore

/// An SSH key in `ssh key add`, `ssh key list` and `ssh key remove`.
public struct WireSSHKey: Codable, Sendable, Equatable {
    /// The key's id (what its `authorized_keys` line's `--key-id` names).
    public var id: Int64
    /// The owner's email.
    public var email: String
    /// The key's type, like `ssh-ed25519`.
    public var type: String
    /// `SHA256:…`, exactly as `ssh-keygen -lf` prints it.
    public var fingerprint: String
    /// When it was added (UTC).
    public var createdAt: Date
    /// When a connection last used it (UTC); null when never.
    @ExplicitNull public var lastUsedAt: Date?

    /// The wire shape of `key`.
    public init(_ key: SSHKey) {
        id = key.id
        email = key.userEmail
        type = key.type.rawValue
        fingerprint = key.fingerprint
        createdAt = key.createdAt
        lastUsedAt = key.lastUsedAt
    }

    private enum CodingKeys: String, CodingKey {
        case id, email, type, fingerprint
        case createdAt = "created_at"
        case lastUsedAt = "last_used_at"
    }
}

/// `ssh key list`: `{"keys": [...]}`, by owner's email, then in the order they were added.
public struct WireSSHKeyList: Codable, Sendable, Equatable {
    /// The keys the acting user may see.
    public var keys: [WireSSHKey]

    /// The list.
    public init(keys: [WireSSHKey]) {
        self.keys = keys
    }
}
