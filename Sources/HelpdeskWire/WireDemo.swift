import HelpdeskCore

/// `demo --json`: where the demo database is and how to log in to it.
public struct WireDemo: Codable, Sendable, Equatable {
    /// The demo database's path.
    public var database: String
    /// Every sample user's password.
    public var password: String
    /// The sample users, staff first.
    public var logins: [WireDemoLogin]

    /// A demo database at `database` with these logins.
    public init(database: String, password: String, logins: [WireDemoLogin]) {
        self.database = database
        self.password = password
        self.logins = logins
    }
}

/// One sample user of the demo: `{"email", "role"}`.
public struct WireDemoLogin: Codable, Sendable, Equatable {
    /// The login.
    public var email: String
    /// `customer`, `agent` or `admin`.
    public var role: Role

    /// A sample login.
    public init(email: String, role: Role) {
        self.email = email
        self.role = role
    }
}
