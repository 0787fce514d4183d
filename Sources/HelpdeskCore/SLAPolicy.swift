import Foundation

/// The state of one SLA clock as a person reads it.
public enum SLAState: String, Codable, Sendable {
    /// Running, with more than a quarter of the target left.
    case pending
    /// Running, with less than a quarter of the target left.
    case atRisk = "at_risk"
    /// Finished within the target.
    case met
    /// Past the target, running or finished.
    case breached
}

/// One clock's reading at an instant.
public struct SLAClockReading: Sendable, Equatable {
    public var state: SLAState
    public var due: Date
    /// Time left until due; negative when overdue. For a finished clock, the margin it finished with.
    public var secondsLeft: Int
    /// True while the clock is stopped waiting on the customer (its time left is frozen).
    public var isPaused: Bool
    /// True once the clock has stopped for good (responded, resolved or closed).
    public var isFinished: Bool
}

/// The two readings shown for a ticket.
public struct SLAReadings: Sendable, Equatable {
    public var firstResponse: SLAClockReading
    public var resolution: SLAClockReading

    /// The open clock that falls due first, the one a queue shows; nil when both have finished.
    public var next: SLAClockReading? {
        [firstResponse, resolution].filter { !$0.isFinished }.min { $0.secondsLeft < $1.secondsLeft }
    }
}

/// The SLA rules: first response is met by the first public comment of staff, resolution by reaching
/// Resolved (or Closed without passing Resolved). Time in Waiting (and, after a reopen, time spent
/// resolved or closed) does not count against a clock that is still open.
public enum SLAPolicy {
    /// A running clock with less than this fraction of its target left is at risk.
    public static let atRiskFraction = 0.25

    /// When the resolution clock stopped for good: at resolved, or at closed for a ticket closed
    /// without passing resolved; nil while the ticket is active. The clocks finish here and the
    /// reports measure resolution times to here (an engine writes it in its query language, e.g.
    /// SQLite's `COALESCE(resolved_at, closed_at)`; the contract suite checks they agree).
    public static func resolutionStoppedAt(_ ticket: Ticket) -> Date? {
        ticket.status.isActive ? nil : ticket.resolvedAt ?? ticket.closedAt
    }

    /// When the first-response clock stopped for good: at the first response, or (without one) when
    /// the resolution clock stopped; nil while it runs.
    public static func firstResponseStoppedAt(_ ticket: Ticket) -> Date? {
        ticket.firstResponseAt ?? resolutionStoppedAt(ticket)
    }

    /// Recomputes due times, finished flags, clock times and the sort keys from the ticket's fields.
    ///
    /// A clock that had already finished before this change (its verdict is stored) keeps its due
    /// time and verdict: README, "a finished clock keeps the margin it finished with", so a later
    /// priority change does not turn a met clock into a breached one. A running or paused clock's due
    /// time follows the current priority and the paused time.
    public static func refresh(_ ticket: inout Ticket) {
        let targets = ticket.priority.targets
        var sla = ticket.sla
        let created = ticket.createdAt
        if let stop = firstResponseStoppedAt(ticket) {
            if sla.firstResponseMet == nil {
                sla.firstResponseDue = created.addingTimeInterval(targets.firstResponse + sla.firstResponsePausedSeconds)
                sla.firstResponseMet = stop <= sla.firstResponseDue
            }
        } else {
            sla.firstResponseDue = created.addingTimeInterval(targets.firstResponse + sla.firstResponsePausedSeconds)
            sla.firstResponseMet = nil
        }
        sla.firstResponseSeconds = ticket.firstResponseAt.map {
            max(0, $0.timeIntervalSince(created) - sla.firstResponsePausedSeconds).rounded()
        }
        if let stop = resolutionStoppedAt(ticket) {
            if sla.resolutionMet == nil {
                sla.resolutionDue = created.addingTimeInterval(targets.resolution + sla.resolutionPausedSeconds)
                sla.resolutionMet = stop <= sla.resolutionDue
            }
            sla.resolutionSeconds = max(0, stop.timeIntervalSince(created) - sla.resolutionPausedSeconds).rounded()
        } else {
            sla.resolutionDue = created.addingTimeInterval(targets.resolution + sla.resolutionPausedSeconds)
            sla.resolutionMet = nil
            sla.resolutionSeconds = nil
        }
        if sla.pausedAt != nil {
            sla.nextDue = nil
            sla.nextRisk = nil
        } else {
            var dues: [(due: Date, risk: Date)] = [
                (sla.resolutionDue, sla.resolutionDue.addingTimeInterval(-targets.resolution * atRiskFraction))
            ]
            if ticket.firstResponseAt == nil {
                dues.append((sla.firstResponseDue, sla.firstResponseDue.addingTimeInterval(-targets.firstResponse * atRiskFraction)))
            }
            sla.nextDue = dues.map(\.due).min()
            sla.nextRisk = dues.map(\.risk).min()
        }
        ticket.sla = sla
    }

    /// Stops the first-response clock at a staff reply, if it still runs. A reply while the clocks
    /// are paused (waiting on the customer) is measured at the pause: the paused time so far does
    /// not count (README, "time spent in waiting does not count against either clock"), so the clock
    /// keeps the margin it had when it paused. Returns whether the clock stopped here.
    static func recordFirstResponse(_ ticket: inout Ticket, at now: Date) -> Bool {
        guard firstResponseStoppedAt(ticket) == nil else { return false }
        if let pausedAt = ticket.sla.pausedAt {
            ticket.sla.firstResponsePausedSeconds += max(0, now.timeIntervalSince(pausedAt))
        }
        ticket.firstResponseAt = now
        refresh(&ticket)
        return true
    }

    /// Applies the pause or resume that a move between statuses implies. On resuming, the paused
    /// time moves the due time of every clock still open later (a first-response clock already met
    /// is left as it finished).
    static func applyStatusChange(_ ticket: inout Ticket, from old: TicketStatus, at now: Date) {
        if !old.pausesSLA && ticket.status.pausesSLA {
            ticket.sla.pausedAt = now
        } else if old.pausesSLA && !ticket.status.pausesSLA, let pausedAt = ticket.sla.pausedAt {
            let paused = max(0, now.timeIntervalSince(pausedAt))
            if ticket.firstResponseAt == nil {
                ticket.sla.firstResponsePausedSeconds += paused
            }
            ticket.sla.resolutionPausedSeconds += paused
            ticket.sla.pausedAt = nil
        }
        refresh(&ticket)
    }

    /// Both clocks as read at `now`.
    public static func readings(for ticket: Ticket, at now: Date) -> SLAReadings {
        let targets = ticket.priority.targets
        let sla = ticket.sla
        let finishedAt = resolutionStoppedAt(ticket)
        let firstResponse = reading(
            due: sla.firstResponseDue, target: targets.firstResponse, met: sla.firstResponseMet,
            finishedAt: firstResponseStoppedAt(ticket), pausedAt: sla.pausedAt, now: now)
        let resolution = reading(
            due: sla.resolutionDue, target: targets.resolution, met: sla.resolutionMet,
            finishedAt: finishedAt, pausedAt: sla.pausedAt, now: now)
        return SLAReadings(firstResponse: firstResponse, resolution: resolution)
    }

    private static func reading(
        due: Date, target: TimeInterval, met: Bool?, finishedAt: Date?, pausedAt: Date?, now: Date
    ) -> SLAClockReading {
        if let met, let finishedAt {
            let margin = Int(due.timeIntervalSince(finishedAt).rounded(.down))
            return SLAClockReading(state: met ? .met : .breached, due: due, secondsLeft: margin, isPaused: false, isFinished: true)
        }
        let effectiveNow = pausedAt ?? now
        let left = due.timeIntervalSince(effectiveNow)
        let state: SLAState = left < 0 ? .breached : (left < target * atRiskFraction ? .atRisk : .pending)
        return SLAClockReading(state: state, due: due, secondsLeft: Int(left.rounded(.down)), isPaused: pausedAt != nil,
            isFinished: false)
    }
}
