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

    /// `SLAPolicy.resolutionStoppedAt` in SQL: resolved, or closed without passing resolved (a
    /// reopen clears both). The contract suite checks the reports agree with the core.
    static func resolvedAt(_ alias: String) -> String { "COALESCE(\(alias).resolved_at, \(alias).closed_at)" }
}
