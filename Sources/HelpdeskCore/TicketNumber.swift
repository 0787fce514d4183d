import Foundation

/// Ticket numbers `TICK-YYYYMMDD-NNNN`: the UTC creation day and that day's sequence from 0001,
/// zero-padded to four digits and growing past 9999.
public enum TicketNumber {
    /// The day key (`YYYYMMDD`, UTC) a ticket created at `date` numbers within.
    public static func day(of date: Date) -> String {
        let f = UTCTimestamp.fields(date)
        return UTCTimestamp.pad(f.year, 4) + UTCTimestamp.pad(f.month, 2) + UTCTimestamp.pad(f.day, 2)
    }

    public static func format(day: String, sequence: Int) -> String {
        "TICK-\(day)-\(UTCTimestamp.pad(sequence, 4))"
    }

    /// Accepts a number in any letter case; refuses anything that is not a ticket number.
    public static func parse(_ value: String) throws -> String {
        let upper = value.trimmingCharacters(in: .whitespaces).uppercased()
        let parts = upper.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "TICK", parts[1].count == 8, parts[2].count >= 4,
            parts[1].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isNumber),
            parts[2].allSatisfy(\.isASCII), parts[2].allSatisfy(\.isNumber)
        else {
            throw HelpdeskError.validation("number", "must look like TICK-YYYYMMDD-NNNN")
        }
        return upper
    }
}

extension Calendar {
    /// The Gregorian calendar in UTC: ticket numbers and reports count days in UTC.
    public static var utc: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return calendar
    }
}
