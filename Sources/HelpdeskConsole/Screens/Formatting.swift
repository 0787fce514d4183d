import Foundation
import HelpdeskCore

/// Short renderings shared by the screens. The words of SLA states, clocks and categories are the
/// core's (`DisplayText`), the same the command line prints.
enum Formatting {
    /// `11-29 09:00` in UTC, unlabelled: the queue's and the trash's columns.
    // The console's rewrite should move these columns to `time(_:in:)`, labelled in the user's zone.
    /// `11-29 10:00`: a time in `zone` without its label, for columns whose header carries it.
    static func time(_ date: Date, unlabelledIn zone: TimeZone) -> String {
        let labelled = DisplayText.time(date, in: zone, year: false)
        return String(labelled.prefix(11))
    }

    /// `11-29 10:00 UTC+1`: a time in `zone`, labelled with it.
    static func time(_ date: Date, in zone: TimeZone) -> String {
        DisplayText.time(date, in: zone, year: false)
    }

    /// The zone the logged-in user's times are shown in: their own, else `environmentTZ` (the `TZ`
    /// variable), else UTC (`DisplayZone.resolve`).
    // The screens do not read the process environment (tests would then depend on the machine's
    // TZ): the configuration carries TZ to them (`ConsoleState.environmentTZ`).
    static func zone(for user: User?, environmentTZ: String? = nil) -> TimeZone {
        DisplayZone.resolve(userZone: user?.timeZone, environmentTZ: environmentTZ)
    }

    /// The SLA column: time left on the next clock to fall due, negative when overdue; `met` or
    /// `missed` once both clocks finished (`DisplayText.nextClock`, as the command line's column).
    static func sla(_ ticket: Ticket, now: Date, glyphs: Glyphs) -> (text: String, scope: String) {
        let next = DisplayText.nextClock(ticket, at: now)
        guard let reading = SLAPolicy.readings(for: ticket, at: now).next else {
            return (next.text, next.text == "met" ? "sla.met" : "sla.breached")
        }
        return (next.text + (next.isPaused ? glyphs.paused : ""), next.isPaused ? "sla.paused" : "sla.\(reading.state.rawValue)")
    }

    /// One clock's line: `First response: at risk, 30m left, due 11-29 13:00 UTC`.
    static func clock(_ name: String, _ reading: SLAClockReading, in zone: TimeZone) -> String {
        DisplayText.clock(name, reading, in: zone, year: false)
    }
}
