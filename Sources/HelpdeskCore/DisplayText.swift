import Foundation

/// Turns stored text into text safe to show on a terminal. Everything a user typed passes through
/// here before it is drawn or printed for a person: control characters (C0, DEL, C1, and so every
/// escape sequence's introducer) become visible `^X` / `<U+XXXX>` marks, and bidirectional overrides
/// and zero-width characters that could disguise text are shown as marks too.
public enum DisplayText {
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        // Most text drawn is printable ASCII, which passes unchanged; check the bytes before building anything.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let value = scalar.value
            if value == 0xFE0F || value == 0xFE0E {
                // Presentation selectors: terminals disagree on the width they give (1 or 2), so the
                // base is drawn in its default presentation, at the width `wcwidth` gives it.
                continue
            } else if value == 0x200D, let before = scalars[..<index].last(where: { !isPresentationSelector($0) }),
                let after = scalars[(index + 1)...].first(where: { !isPresentationSelector($0) }), isPictograph(before), isPictograph(after)
            {
                // A joiner inside an emoji sequence (👩‍👩‍👧): its parts are drawn side by side, as
                // terminals without the joined glyph show them, rather than as a mark.
                continue
            } else if keepNewlines && scalar == "\n" {
                result.unicodeScalars.append(scalar)
            } else if scalar == "\t" {
                result += " "
            } else if value < 0x20 {
                result += "^" + String(UnicodeScalar(UInt8(value + 0x40)))
            } else if value == 0x7F {
                result += "^?"
            } else if (0x80...0x9F).contains(value) || isDisguising(value) {
                result += "<U+" + String(value, radix: 16, uppercase: true) + ">"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isPresentationSelector(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0xFE0F || scalar.value == 0xFE0E
    }

    /// An emoji picture (not a digit or `#`, which are emoji too as keycap bases).
    private static func isPictograph(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x2000 && scalar.properties.isEmoji
    }

    /// Bidi embeddings, overrides and isolates; zero-width and invisible formatting characters.
    private static func isDisguising(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F
            || (0x200B...0x200D).contains(value) || value == 0x2060 || value == 0xFEFF || value == 0x061C
    }

    /// A duration as a queue shows it: `45m`, `1h12m`, `2d03h`, negative when overdue (`-3h05m`).
    public static func duration(seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : ""
        let total = abs(seconds)
        let minutes = total / 60, hours = minutes / 60, days = hours / 24
        if days > 0 { return sign + "\(days)d" + pad(hours % 24) + "h" }
        if hours > 0 { return sign + "\(hours)h" + pad(minutes % 60) + "m" }
        return sign + "\(minutes)m"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    // The words both faces use, so that the console and the command line say the same thing.

    /// A time for people, in `zone` and labelled with it: `2026-11-29 10:00 UTC+1`, or without the
    /// year `11-29 10:00 UTC+1` (the console's columns).
    public static func time(_ date: Date, in zone: TimeZone, year: Bool = true) -> String {
        let f = DisplayZone.fields(date, in: zone)
        let day = pad(f.month ?? 0) + "-" + pad(f.day ?? 0)
        return (year ? "\(f.year ?? 0)-" : "") + day + " " + pad(f.hour ?? 0) + ":" + pad(f.minute ?? 0) + " "
            + DisplayZone.label(zone, at: date)
    }

    /// A clock's state in words: `pending`, `at risk`, `met`, `breached`.
    public static func slaState(_ state: SLAState) -> String {
        state.rawValue.replacingOccurrences(of: "_", with: " ")
    }

    /// How a clock stands: `3h05m left` (`(paused)` while waiting), `late by 1h51m` while overdue,
    /// and once finished `met with 2h00m to spare` or `missed by 1h51m`.
    public static func clockProgress(_ reading: SLAClockReading) -> String {
        if reading.isFinished {
            return reading.state == .met
                ? "met with \(duration(seconds: reading.secondsLeft)) to spare"
                : "missed by \(duration(seconds: -reading.secondsLeft))"
        }
        let progress = reading.secondsLeft < 0 ? "late by \(duration(seconds: -reading.secondsLeft))" : "\(duration(seconds: reading.secondsLeft)) left"
        return progress + (reading.isPaused ? " (paused)" : "")
    }

    /// One clock on one line: `First response: at risk, 30m left, due 2026-11-29 13:00 UTC`.
    public static func clock(_ name: String, _ reading: SLAClockReading, in zone: TimeZone, year: Bool = true) -> String {
        "\(name): \(slaState(reading.state)), \(clockProgress(reading)), due \(time(reading.due, in: zone, year: year))"
    }

    /// A queue's SLA cell without its paused mark: the next clock's time left (`-3h05m` when
    /// overdue), or once both clocks finished `met` or `missed` (the resolution's verdict). The
    /// second value says whether the clock is paused, for the face to add its mark.
    public static func nextClock(_ ticket: Ticket, at now: Date) -> (text: String, isPaused: Bool) {
        guard let next = SLAPolicy.readings(for: ticket, at: now).next else {
            return ((ticket.sla.resolutionMet ?? true) ? "met" : "missed", false)
        }
        return (duration(seconds: next.secondsLeft), next.isPaused)
    }

    /// A category in words: `feature request`.
    public static func category(_ category: TicketCategory) -> String {
        category.rawValue.replacingOccurrences(of: "_", with: " ")
    }
}
