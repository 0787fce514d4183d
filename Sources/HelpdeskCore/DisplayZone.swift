import Foundation

/// Which time zone times are shown in to a person, and how a zone is named. Machine output (`--json`)
/// and report days stay UTC whatever the zone; only the words for people follow it.
public enum DisplayZone {
    /// A zone name as stored for a user: an IANA name (`Europe/Paris`, `America/Argentina/Salta`) or
    /// `UTC`. Offsets and abbreviations (`GMT+1`, `CET`) are refused: they do not follow daylight saving.
    /// - Throws: `VALIDATION_ERROR` on `field` for anything else.
    public static func validate(_ name: String, field: String = "time_zone") throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed == "UTC" { return trimmed }
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        let wellFormed = parts.count >= 2 && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "_-+".unicodeScalars.contains($0) }
        }
        guard wellFormed, trimmed.unicodeScalars.allSatisfy(\.isASCII), TimeZone(identifier: trimmed) != nil else {
            throw HelpdeskError.validation(field, "must be an IANA time zone name like Europe/Paris, or UTC")
        }
        return trimmed
    }

    /// The zone a person's times are shown in: their own (`User.timeZone`) wins over the `TZ`
    /// environment variable (an IANA name, with or without a leading `:`), which wins over UTC. An
    /// unusable value falls through to the next.
    public static func resolve(userZone: String?, environmentTZ: String?) -> TimeZone {
        for candidate in [userZone, environmentTZ.map { $0.hasPrefix(":") ? String($0.dropFirst()) : $0 }] {
            if let candidate, let name = try? validate(candidate), let zone = TimeZone(identifier: name) { return zone }
        }
        return utc
    }

    /// Coordinated Universal Time.
    public static let utc = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? .current

    /// The label shown after a time: `UTC`, or the offset from it at that instant (`UTC+1`,
    /// `UTC-3:30`), so that a time read in a zone with daylight saving is never ambiguous.
    public static func label(_ zone: TimeZone, at date: Date) -> String {
        let offset = zone.secondsFromGMT(for: date)
        guard offset != 0 else { return "UTC" }
        let minutes = abs(offset) / 60
        return "UTC" + (offset < 0 ? "-" : "+") + "\(minutes / 60)" + (minutes % 60 == 0 ? "" : ":" + pad(minutes % 60))
    }

    /// The wall-clock fields of `date` in `zone`.
    static func fields(_ date: Date, in zone: TimeZone) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
