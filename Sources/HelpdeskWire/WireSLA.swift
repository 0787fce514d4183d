import Foundation
import HelpdeskCore

/// A ticket's two SLA clocks as read at the command's `--now`: `{"first_response": …, "resolution": …}`.
public struct WireSLA: Codable, Sendable, Equatable {
    /// The clock met by staff's first public reply.
    public var firstResponse: WireSLAClock
    /// The clock met by resolving (or closing) the ticket.
    public var resolution: WireSLAClock

    /// Both readings of a ticket.
    public init(_ readings: SLAReadings) {
        firstResponse = WireSLAClock(readings.firstResponse)
        resolution = WireSLAClock(readings.resolution)
    }

    private enum CodingKeys: String, CodingKey {
        case firstResponse = "first_response"
        case resolution
    }
}

/// One SLA clock: `{"state", "due", "seconds_left", "paused"}`.
public struct WireSLAClock: Codable, Sendable, Equatable {
    /// `pending`, `at_risk`, `met` or `breached`.
    public var state: SLAState
    /// When the clock falls due (UTC), moved later by time spent paused.
    public var due: Date
    /// Whole seconds until `due`, negative once overdue; for a finished clock, the margin it finished with.
    public var secondsLeft: Int
    /// True while the ticket waits on the customer and the clock is stopped.
    public var paused: Bool

    /// One reading.
    public init(_ reading: SLAClockReading) {
        state = reading.state
        due = reading.due
        secondsLeft = reading.secondsLeft
        paused = reading.isPaused
    }

    private enum CodingKeys: String, CodingKey {
        case state, due, paused
        case secondsLeft = "seconds_left"
    }
}
