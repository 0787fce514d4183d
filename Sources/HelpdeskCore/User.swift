import Foundation

/// A person who uses the helpdesk. Emails are stored lower-cased and are unique.
public struct User: Sendable, Equatable {
    public var id: Int64
    public var email: String
    public var name: String
    public var role: Role
    public var isActive: Bool
    public var createdAt: Date

    public init(id: Int64, email: String, name: String, role: Role, isActive: Bool = true, createdAt: Date) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.isActive = isActive
        self.createdAt = createdAt
    }
}
