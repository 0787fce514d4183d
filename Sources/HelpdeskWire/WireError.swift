import HelpdeskCore

/// What every command prints with `--json` when it fails: `{"status": "error", "message", "code", "errors"}`.
/// The exit status goes with the code (see `ErrorCode.exitStatus`).
public struct WireError: Codable, Sendable, Equatable {
    /// Always `error`.
    public var status: String
    /// One sentence for a person.
    public var message: String
    /// `VALIDATION_ERROR`, `UNAUTHORIZED`, `FORBIDDEN`, `NOT_FOUND`, `CONFLICT` or `INTERNAL_ERROR`.
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
