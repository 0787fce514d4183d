import HelpdeskCore

/// The core's list of finished statuses, written as SQL once. The partial indexes of migration 4
/// spell the same condition out (a shipped migration is never edited); SQLite uses a partial index
/// only when a query repeats its WHERE terms, so `StatusSQLTests` keeps the two equal.
enum StatusSQL {
    /// `('resolved', 'closed')`: the finished statuses as an SQL list of literals (enum raw values,
    /// never user text).
    static let finishedList = "(" + TicketStatus.finished.map { "'\($0.rawValue)'" }.joined(separator: ", ") + ")"

    /// The condition "still active" on the status column `column` (`t.status`, `status`).
    static func active(_ column: String) -> String { "\(column) NOT IN \(finishedList)" }

    /// When a ticket's resolution clock stopped, the instant reports and the SLA clock agree on:
    /// resolved, or closed without passing resolved (`SLAPolicy`'s resolution rule).
    static func resolvedAt(_ alias: String) -> String { "COALESCE(\(alias).resolved_at, \(alias).closed_at)" }
}
