/// `init`: `{"database": PATH}`, the database file that is now ready.
public struct WireDatabaseReady: Codable, Sendable, Equatable {
    /// The database file's path.
    public var database: String

    /// A database at `path`.
    public init(database path: String) {
        database = path
    }
}

/// `backup`: `{"backup": PATH}`, the copy that was written.
public struct WireBackup: Codable, Sendable, Equatable {
    /// The new file's path.
    public var backup: String

    /// A backup written to `path`.
    public init(backup path: String) {
        backup = path
    }
}

/// `check`: the database's integrity and foreign keys.
public struct WireCheck: Codable, Sendable, Equatable {
    /// True when `integrity` is `["ok"]` and `foreign_keys` is empty.
    public var healthy: Bool
    /// SQLite's integrity check: `["ok"]`, or one line per problem.
    public var integrity: [String]
    /// One line per broken reference; empty when none.
    public var foreignKeys: [String]
    /// Accounts whose emails are one address once normalised (NFC, case-folded): each group's
    /// emails as stored. Empty when none.
    public var emailCollisions: [[String]]

    /// A check's findings.
    public init(healthy: Bool, integrity: [String], foreignKeys: [String], emailCollisions: [[String]]) {
        self.healthy = healthy
        self.integrity = integrity
        self.foreignKeys = foreignKeys
        self.emailCollisions = emailCollisions
    }

    private enum CodingKeys: String, CodingKey {
        case healthy, integrity
        case foreignKeys = "foreign_keys"
        case emailCollisions = "email_collisions"
    }
}

/// `ticket purge`: `{"purged": NUMBER}`, the ticket erased for good.
public struct WirePurge: Codable, Sendable, Equatable {
    /// The ticket's number, upper-cased.
    public var purged: String

    /// The purge of ticket `number`.
    public init(purged number: String) {
        purged = number
    }
}
