import Foundation

/// The input rules. Each returns the cleaned value or throws a `VALIDATION_ERROR` naming the field.
public enum Validator {
    public static let subjectLength = 5...200
    public static let descriptionLength = 10...10_000
    public static let commentLength = 1...10_000
    public static let nameLength = 1...100
    public static let minimumPasswordLength = 8
    public static let maximumPasswordLength = 1024
    public static let maximumEmailLength = 254

    public static func subject(_ value: String) throws -> String {
        try text(value, field: "subject", length: subjectLength)
    }

    public static func description(_ value: String) throws -> String {
        try text(value, field: "description", length: descriptionLength)
    }

    public static func commentBody(_ value: String) throws -> String {
        try text(value, field: "body", length: commentLength)
    }

    public static func name(_ value: String) throws -> String {
        try text(value, field: "name", length: nameLength)
    }

    /// Trims surrounding white space and checks the length in characters (grapheme clusters).
    public static func text(_ value: String, field: String, length: ClosedRange<Int>) throws -> String {
        // SQLite's C strings end at a NUL; a text holding one would be stored cut short, different
        // from what was acknowledged. It is refused instead.
        if value.unicodeScalars.contains("\0") {
            throw HelpdeskError.validation(field, "must not contain a NUL character")
        }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        let count = trimmed.count
        if count < length.lowerBound {
            let unit = length.lowerBound == 1 ? "character" : "characters"
            throw HelpdeskError.validation(field, "must be at least \(length.lowerBound) \(unit) (got \(count))")
        }
        if count > length.upperBound {
            throw HelpdeskError.validation(field, "must be at most \(length.upperBound) characters (got \(count))")
        }
        return trimmed
    }

    /// The one form of an email address the helpdesk stores and compares: surrounding white space
    /// trimmed, Unicode NFC, then full case folding (so `É`, `é` and `e` + U+0301 are one letter, and
    /// `ß` is `ss`), then NFC again (folding may decompose, as `İ` does). Two addresses are the same
    /// account exactly when their normalised forms are equal. Does not check the shape (see `email`).
    public static func normalizedEmail(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespacesAndNewlines)
            .precomposedStringWithCanonicalMapping
            .folding(options: [.caseInsensitive], locale: nil)
            .precomposedStringWithCanonicalMapping
    }

    /// Normalises (`normalizedEmail`) and checks the shape `local@domain.tld`, without spaces or
    /// control characters. Every email the helpdesk accepts, from any face (register, login, `--as`,
    /// a user's or assignee's or requester's address, a ticket's contact address), passes here, so
    /// one person cannot end up with two accounts that look alike.
    /// - Throws: `VALIDATION_ERROR` on `field` when the shape is wrong.
    public static func email(_ value: String, field: String = "email") throws -> String {
        let email = normalizedEmail(value)
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden = email.unicodeScalars.contains {
            CharacterSet.whitespacesAndNewlines.contains($0) || CharacterSet.controlCharacters.contains($0)
                || "<>(),;:\\\"[]".unicodeScalars.contains($0)
        }
        guard email.count <= maximumEmailLength, parts.count == 2, !forbidden,
            let local = parts.first, let domain = parts.last,
            !local.isEmpty, local.count <= 64,
            domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..")
        else {
            throw HelpdeskError.validation(field, "must be a valid email address like name@example.com")
        }
        return email
    }

    public static func password(_ value: String) throws -> String {
        if value.count < minimumPasswordLength {
            throw HelpdeskError.validation("password", "must be at least \(minimumPasswordLength) characters")
        }
        if value.utf8.count > maximumPasswordLength {
            throw HelpdeskError.validation("password", "must be at most \(maximumPasswordLength) bytes")
        }
        return value
    }

    /// Parses a known enum value, naming the allowed ones when it is not.
    public static func choice<T: RawRepresentable & CaseIterable>(_ value: String, field: String, as type: T.Type) throws -> T
    where T.RawValue == String {
        let normalized = value.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
        guard let parsed = T(rawValue: normalized) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw HelpdeskError.validation(field, "must be one of: \(allowed)")
        }
        return parsed
    }
}
