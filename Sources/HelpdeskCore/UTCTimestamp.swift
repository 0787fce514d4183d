import Foundation

/// Formats and parses UTC timestamps by arithmetic on the civil calendar. Foundation's date
/// formatters build an ICU formatter on first use, which costs a command-line process more than its
/// whole query; these texts have one fixed shape, so plain arithmetic does the same work exactly.
public enum UTCTimestamp {
    /// `2026-11-29T09:30:00Z`, with `.123` milliseconds before the `Z` when the time has a fraction.
    public static func iso8601(_ date: Date) -> String {
        let (days, milliseconds) = split(date)
        let base = civilText(days: days, seconds: milliseconds / 1000, dateTimeSeparator: "T")
        let fraction = milliseconds % 1000
        return fraction == 0 ? base + "Z" : base + "." + pad(fraction, 3) + "Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS` with an optional fraction and a `Z` or `±HH:MM` offset; nil
    /// for anything else or for an impossible date.
    public static func parseISO8601(_ text: String) -> Date? {
        var scanner = Scanner(Array(text.utf8))
        guard let (days, seconds) = scanner.civil(dateTimeSeparators: [UInt8(ascii: "T"), UInt8(ascii: "t")]) else { return nil }
        let fraction = scanner.fraction()
        guard let offset = scanner.offset(), scanner.atEnd else { return nil }
        return Date(timeIntervalSince1970: Double(days * 86400 + seconds - offset) + fraction)
    }

    /// The database's text form, `2026-11-29 09:30:00.000` (GRDB's format for dates).
    public static func storage(_ date: Date) -> String {
        let (days, milliseconds) = split(date)
        return civilText(days: days, seconds: milliseconds / 1000, dateTimeSeparator: " ") + "." + pad(milliseconds % 1000, 3)
    }

    /// Parses the database's text form (seconds and the fraction optional); nil for anything else.
    public static func parseStorage(_ text: String) -> Date? {
        var scanner = Scanner(Array(text.utf8))
        guard let (days, seconds) = scanner.civil(dateTimeSeparators: [UInt8(ascii: " "), UInt8(ascii: "T")]) else { return nil }
        let fraction = scanner.fraction()
        guard scanner.atEnd else { return nil }
        return Date(timeIntervalSince1970: Double(days * 86400 + seconds) + fraction)
    }

    /// The UTC calendar fields of a date (to the second), for the few places that lay them out
    /// themselves: ticket numbers, the console's short times.
    public static func fields(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let (days, milliseconds) = split(date)
        let (year, month, day) = civil(fromDays: days)
        let seconds = milliseconds / 1000
        return (year, month, day, seconds / 3600, seconds / 60 % 60, seconds % 60)
    }

    /// `value` in decimal with leading zeros to `width` digits.
    public static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Whole days since 1970 and milliseconds into the day, rounded to the millisecond.
    private static func split(_ date: Date) -> (days: Int, milliseconds: Int) {
        let total = Int((date.timeIntervalSince1970 * 1000).rounded())
        let days = total >= 0 ? total / 86_400_000 : -((-total + 86_399_999) / 86_400_000)
        return (days, total - days * 86_400_000)
    }

    private static func civilText(days: Int, seconds: Int, dateTimeSeparator: String) -> String {
        let (year, month, day) = civil(fromDays: days)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + dateTimeSeparator
            + pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
    }

    /// Howard Hinnant's days-from-civil and its inverse (proleptic Gregorian calendar).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Reads the fixed-width fields of a timestamp.
    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { position == bytes.count }

        mutating func digits(_ count: Int) -> Int? {
            guard position + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[position..<position + count] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            position += count
            return value
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        mutating func take(anyOf options: [UInt8]) -> Bool {
            guard position < bytes.count, options.contains(bytes[position]) else { return false }
            position += 1
            return true
        }

        /// The date and time of day, checked: days since 1970 and seconds into the day.
        mutating func civil(dateTimeSeparators: [UInt8]) -> (Int, Int)? {
            guard let year = digits(4), take(UInt8(ascii: "-")), let month = digits(2), take(UInt8(ascii: "-")),
                let day = digits(2), take(anyOf: dateTimeSeparators), let hour = digits(2), take(UInt8(ascii: ":")),
                let minute = digits(2)
            else { return nil }
            var second = 0
            if take(UInt8(ascii: ":")) {
                guard let value = digits(2) else { return nil }
                second = value
            }
            guard (1...12).contains(month), day >= 1, hour < 24, minute < 60, second < 60 else { return nil }
            let days = UTCTimestamp.days(year: year, month: month, day: day)
            guard UTCTimestamp.civil(fromDays: days) == (year, month, day) else { return nil }
            return (days, hour * 3600 + minute * 60 + second)
        }

        /// `.123…` as a fraction of a second, or 0 when there is none.
        mutating func fraction() -> Double {
            guard take(UInt8(ascii: ".")) else { return 0 }
            var value = 0.0, scale = 0.1
            while position < bytes.count, bytes[position] >= 48 && bytes[position] <= 57 {
                value += Double(bytes[position] - 48) * scale
                scale /= 10
                position += 1
            }
            return value
        }

        /// `Z` or `±HH:MM` in seconds east of UTC; nil when missing or malformed.
        mutating func offset() -> Int? {
            if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) { return 0 }
            let sign: Int
            if take(UInt8(ascii: "+")) { sign = 1 } else if take(UInt8(ascii: "-")) { sign = -1 } else { return nil }
            guard let hours = digits(2), take(UInt8(ascii: ":")), let minutes = digits(2), hours < 24, minutes < 60 else { return nil }
            return sign * (hours * 3600 + minutes * 60)
        }
    }
}
