import Foundation
import HelpdeskCore

/// Short renderings shared by the screens.
enum Formatting {
    static func time(_ date: Date) -> String {
        let f = UTCTimestamp.fields(date)
        return "\(UTCTimestamp.pad(f.month, 2))-\(UTCTimestamp.pad(f.day, 2)) \(UTCTimestamp.pad(f.hour, 2)):\(UTCTimestamp.pad(f.minute, 2))"
    }

    /// The SLA column: time left on the next clock to fall due, negative when overdue.
    static func sla(_ ticket: Ticket, now: Date, glyphs: Glyphs) -> (text: String, scope: String) {
        guard let next = SLAPolicy.readings(for: ticket, at: now).next else {
            let met = ticket.sla.resolutionMet ?? true
            return (met ? "met" : "missed", met ? "sla.met" : "sla.breached")
        }
        let text = DisplayText.duration(seconds: next.secondsLeft) + (next.isPaused ? glyphs.paused : "")
        return (text, next.isPaused ? "sla.paused" : "sla.\(next.state.rawValue)")
    }

    static func clock(_ name: String, _ reading: SLAClockReading) -> String {
        let detail: String
        if reading.isFinished {
            detail = reading.state == .met
                ? "with \(DisplayText.duration(seconds: reading.secondsLeft)) to spare"
                : "late by \(DisplayText.duration(seconds: -reading.secondsLeft))"
        } else {
            detail = DisplayText.duration(seconds: reading.secondsLeft) + (reading.secondsLeft < 0 ? " overdue" : " left")
                + (reading.isPaused ? " (paused)" : "")
        }
        return "\(name) \(reading.state.rawValue.replacingOccurrences(of: "_", with: " ")) \(detail), due \(time(reading.due))"
    }
}
