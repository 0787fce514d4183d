import Foundation
import HelpdeskCore

/// A user as `user add`, `user set-role`, `user activate`/`deactivate`, `register` and `login` print one.
public struct WireUser: Codable, Sendable, Equatable {
    /// The login, lower-cased; unique in the helpdesk.
    public var email: String
    /// The display name.
    public var name: String
    /// `customer`, `agent` or `admin`.
    public var role: Role
    /// False once deactivated: the user can neither log in nor act.
    public var active: Bool
    /// When the account was made (UTC).
    public var createdAt: Date
    /// The IANA zone the user's times are shown in by the command line and the console; null when
    /// unset (then `TZ`, else UTC). JSON times stay UTC whatever it is.
    @ExplicitNull public var timeZone: String?

    /// A user.
    public init(_ user: User) {
        email = user.email
        name = user.name
        role = user.role
        active = user.isActive
        createdAt = user.createdAt
        timeZone = user.timeZone
    }

    private enum CodingKeys: String, CodingKey {
        case email, name, role, active
        case createdAt = "created_at"
        case timeZone = "time_zone"
    }
}

/// What `login` prints: the user whose email and password matched.
public typealias WireLoginResult = WireUser
