import Foundation

/// The seed's status workflow, exactly: every pair not listed here is refused.
public enum Workflow {
    public static let transitions: [TicketStatus: [TicketStatus]] = [
        .open: [.assigned, .closed],
        .assigned: [.inProgress, .closed],
        .inProgress: [.waiting, .resolved, .closed],
        .waiting: [.inProgress],
        .resolved: [.closed, .reopened],
        .closed: [.reopened],
        .reopened: [.inProgress],
    ]

    /// A closed ticket may be reopened for this long after it was closed.
    public static let reopenWindow: TimeInterval = 7 * 24 * 3600

    /// Whether a closed ticket may still be reopened at `now` (true for a ticket that is not closed).
    public static func isWithinReopenWindow(_ ticket: Ticket, at now: Date) -> Bool {
        guard ticket.status == .closed else { return true }
        let closedAt = ticket.closedAt ?? ticket.updatedAt
        return now.timeIntervalSince(closedAt) <= reopenWindow
    }

    /// The refusal of a requester's reply to a ticket closed longer ago than the reopen window.
    /// Its code, `TICKET_CLOSED`, lets a face offer to file a new ticket with the text kept.
    public static func reopenWindowPassed(_ ticket: Ticket) -> HelpdeskError {
        let closed = ReportPeriod.isoDay(ticket.closedAt ?? ticket.updatedAt)
        return HelpdeskError(
            .ticketClosed,
            "Ticket \(ticket.number) was closed on \(closed), more than 7 days ago, and can no longer be reopened; your reply was not sent. File a new ticket instead.")
    }

    public static func targets(from status: TicketStatus) -> [TicketStatus] {
        transitions[status] ?? []
    }

    public static func isAllowed(from: TicketStatus, to: TicketStatus) -> Bool {
        targets(from: from).contains(to)
    }

    /// Refuses a move the workflow does not list, naming the moves it does allow, and a reopen of a
    /// ticket closed more than seven days ago.
    public static func check(_ ticket: Ticket, to target: TicketStatus, at now: Date) throws {
        guard isAllowed(from: ticket.status, to: target) else {
            let allowed = targets(from: ticket.status).map(\.rawValue).joined(separator: ", ")
            throw HelpdeskError(
                .validation,
                "Cannot change status from \(ticket.status.rawValue) to \(target.rawValue); allowed: \(allowed.isEmpty ? "none" : allowed)",
                fieldErrors: ["status": ["must be one of: \(allowed)"]])
        }
        if ticket.status == .closed, target == .reopened {
            if !isWithinReopenWindow(ticket, at: now) {
                throw HelpdeskError(
                    .validation, "A closed ticket can be reopened only within 7 days of closing",
                    fieldErrors: ["status": ["closed more than 7 days ago"]])
            }
        }
    }
}
