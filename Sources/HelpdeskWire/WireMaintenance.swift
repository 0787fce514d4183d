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

/// `check`: the database's integrity, foreign keys, stored values, counters and accounts sharing an address.
public struct WireCheck: Codable, Sendable, Equatable {
    /// True when `integrity` is `["ok"]` and every other list is empty.
    public var healthy: Bool
    /// SQLite's integrity check: `["ok"]`, or one line per problem.
    public var integrity: [String]
    /// One line per broken reference; empty when none.
    public var foreignKeys: [String]
    /// One line per stored value the program's readers would refuse (`table.column of row N is …`).
    public var storedValues: [String]
    /// One line per counter or record that disagrees with the tickets (tallies, per-day counts,
    /// creation history, ticket sequences).
    public var consistency: [String]
    /// Accounts whose emails are one address once normalised (NFC, case-folded): each group's
    /// emails as stored. Empty when none.
    public var emailCollisions: [[String]]

    /// A check's findings. A check that could not run lists `could not finish: …` in its own list.
    public init(
        healthy: Bool, integrity: [String], foreignKeys: [String], storedValues: [String], consistency: [String],
        emailCollisions: [[String]]
    ) {
        self.healthy = healthy
        self.integrity = integrity
        self.foreignKeys = foreignKeys
        self.storedValues = storedValues
        self.consistency = consistency
        self.emailCollisions = emailCollisions
    }

    private enum CodingKeys: String, CodingKey {
        case healthy, integrity, consistency
        case foreignKeys = "foreign_keys"
        case storedValues = "stored_values"
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
