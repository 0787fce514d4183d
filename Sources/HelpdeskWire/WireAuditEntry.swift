import Foundation

/// One admin action in `audit`: role changes, (de)activations, deletions, restores, purges, password resets;
/// and SSH keys added and removed (`ssh-key.add`, `ssh-key.remove`) and SSH connections (`ssh.connect`).
public struct WireAuditEntry: Codable, Sendable, Equatable {
    /// When it was done (UTC).
    public var at: Date
    /// Who did it, by email (`(first admin)` for the admin who created themselves).
    public var actor: String
    /// What was done, like `user.role` or `ticket.delete`.
    public var action: String
    /// The user's email or the ticket's number it was done to.
    public var target: String
    /// More about it, like `customer -> agent` or a deleted ticket's subject; null when there is nothing more.
    @ExplicitNull public var detail: String?

    /// One entry.
    public init(at: Date, actor: String, action: String, target: String, detail: String?) {
        self.at = at
        self.actor = actor
        self.action = action
        self.target = target
        self.detail = detail
    }
}

/// `audit`: `{"audit": [...]}`, newest first.
public struct WireAuditLog: Codable, Sendable, Equatable {
    /// The entries, at most the `--limit` asked for.
    public var audit: [WireAuditEntry]

    /// The log.
    public init(audit: [WireAuditEntry]) {
        self.audit = audit
    }
}
