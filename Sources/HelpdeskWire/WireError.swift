import HelpdeskCore

/// What every command prints with `--json` when it fails: `{"status": "error", "message", "code", "errors"}`.
/// The exit status goes with the code (see `ErrorCode.exitStatus`).
public struct WireError: Codable, Sendable, Equatable {
    /// Always `error`.
    public var status: String
    /// One sentence for a person.
    public var message: String
    /// `VALIDATION_ERROR`, `UNAUTHORIZED`, `FORBIDDEN`, `NOT_FOUND`, `CONFLICT`, `TICKET_CLOSED` or
    /// `INTERNAL_ERROR`; over HTTP also `PAYLOAD_TOO_LARGE` and `METHOD_NOT_ALLOWED`.
    public var code: ErrorCode
    /// Field name (snake_case) to the rules its value broke; `{}` when no field is at fault.
    public var errors: [String: [String]]

    /// The error object of `error`.
    public init(_ error: HelpdeskError) {
        status = "error"
        message = error.message
        code = error.code
        errors = error.fieldErrors
    }
}
