import Foundation

/// A person who uses the helpdesk. Emails are stored normalised (`Validator.normalizedEmail`: NFC and
/// case-folded) and are unique.
public struct User: Sendable, Equatable {
    public var id: Int64
    public var email: String
    public var name: String
    public var role: Role
    public var isActive: Bool
    public var createdAt: Date
    /// Bumped whenever what this user may do changes under them: a password reset, a deactivation or
    /// reactivation, a role change. A credential issued at an older version (an API token, an SSH
    /// session) is stale and must be refused; starts at 1.
    public var credentialVersion: Int
    /// The IANA zone the user's times are shown in (`DisplayZone`); nil for the `TZ` variable's, or UTC.
    public var timeZone: String?

    public init(
        id: Int64, email: String, name: String, role: Role, isActive: Bool = true, createdAt: Date, credentialVersion: Int = 1,
        timeZone: String? = nil
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.isActive = isActive
        self.createdAt = createdAt
        self.credentialVersion = credentialVersion
        self.timeZone = timeZone
    }
}

/// Who a use case acts for, as a face knows it after checking a credential: an id, nothing more.
/// Every use case re-reads that user inside its own transaction, refuses an unknown or deactivated
/// one with `UNAUTHORIZED`, and applies the role the user has *now*, so a role change or a
/// deactivation made by another process takes effect on the very next action. A `User` value is a
/// reference too, but only its `id` is read: its role and active flag may be out of date.
public protocol ActorReference: Sendable {
    /// The acting user's row id.
    var actorId: Int64 { get }
}

extension User: ActorReference {
    /// The user's id; nothing else of this (possibly stale) value is trusted by a use case.
    public var actorId: Int64 { id }
}
