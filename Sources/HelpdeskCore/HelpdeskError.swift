/// The seed's error codes. What each means to a process or a client (an exit status, an HTTP
/// status) is the business of each face.
public enum ErrorCode: String, Codable, Sendable, CaseIterable {
    case validation = "VALIDATION_ERROR"
    case unauthorized = "UNAUTHORIZED"
    case forbidden = "FORBIDDEN"
    case notFound = "NOT_FOUND"
    case conflict = "CONFLICT"
    /// A requester's reply to a ticket closed longer ago than `Workflow.reopenWindow`: it can no
    /// longer be reopened, and the reply is not stored (a face offers to file a new ticket with it).
    case ticketClosed = "TICKET_CLOSED"
    case internalError = "INTERNAL_ERROR"
    /// A request body larger than the HTTP face accepts (only `helpdesk serve` answers with it).
    case payloadTooLarge = "PAYLOAD_TOO_LARGE"
    /// A path that exists but not with the request's method (only `helpdesk serve` answers with it).
    case methodNotAllowed = "METHOD_NOT_ALLOWED"
    /// Too many requests from one client address (only `helpdesk serve` answers with it, on `auth/*`).
    case rateLimited = "RATE_LIMITED"
}

/// An error a person can act on: a code, one human sentence, and every field's problems.
public struct HelpdeskError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: ErrorCode
    public var message: String
    /// Field name (snake_case, as in the JSON) to the rules it broke.
    public var fieldErrors: [String: [String]]

    public init(_ code: ErrorCode, _ message: String, fieldErrors: [String: [String]] = [:]) {
        self.code = code
        self.message = message
        self.fieldErrors = fieldErrors
    }

    public var description: String {
        guard !fieldErrors.isEmpty else { return message }
        let details = fieldErrors.keys.sorted().map { "\($0): \(fieldErrors[$0, default: []].joined(separator: "; "))" }
        return "\(message) (\(details.joined(separator: ", ")))"
    }

    public static func validation(_ field: String, _ rule: String) -> HelpdeskError {
        HelpdeskError(.validation, "Validation failed", fieldErrors: [field: [rule]])
    }

    public static func notFound(_ what: String) -> HelpdeskError {
        HelpdeskError(.notFound, "\(what) not found")
    }

    public static func forbidden(_ message: String) -> HelpdeskError {
        HelpdeskError(.forbidden, message)
    }

    public static func conflict(_ message: String) -> HelpdeskError {
        HelpdeskError(.conflict, message)
    }
}

/// Collects every field's errors before failing, so a form shows all of them at once.
public struct FieldErrors: Sendable {
    public private(set) var errors: [String: [String]] = [:]

    public init() {}

    public mutating func add(_ field: String, _ rule: String) {
        errors[field, default: []].append(rule)
    }

    /// Runs `validate`, keeping what it throws as problems instead of failing: a `HelpdeskError`'s
    /// field problems as they are, a decoding error as the rule it broke on `field` ("has the wrong
    /// type", "is required", "is malformed"), anything else as "is not valid" (never a Swift
    /// description, which would reach API clients).
    public mutating func check(_ field: String, _ validate: () throws -> Void) {
        do {
            try validate()
        } catch let error as HelpdeskError {
            for (key, rules) in error.fieldErrors {
                errors[key == field ? field : key, default: []].append(contentsOf: rules)
            }
        } catch let error as DecodingError {
            // A decoder's own description names Swift types and debug text; the client gets the rule.
            add(field, Self.rule(brokenBy: error))
        } catch {
            add(field, "is not valid")
        }
    }

    /// The rule a decoding error says a value broke: "has the wrong type" (a mismatched or null
    /// value), "is required" (a missing key), else "is malformed". The one wording for every face.
    public static func rule(brokenBy error: DecodingError) -> String {
        switch error {
        case .typeMismatch, .valueNotFound: "has the wrong type"
        case .keyNotFound: "is required"
        default: "is malformed"
        }
    }

    public var isEmpty: Bool { errors.isEmpty }

    public func throwIfAny() throws {
        guard errors.isEmpty else {
            throw HelpdeskError(.validation, "Validation failed", fieldErrors: errors)
        }
    }
}
