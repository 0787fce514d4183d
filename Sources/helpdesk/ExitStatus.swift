import HelpdeskCore

extension ErrorCode {
    /// The command line's exit status for the code, as the README's "Exit statuses" table lists
    /// them (64 is left to usage errors, which swift-argument-parser reports).
    var exitStatus: Int32 {
        switch self {
        case .validation: 2
        case .unauthorized: 3
        case .forbidden: 4
        case .notFound: 5
        case .conflict: 6
        case .ticketClosed: 7
        case .internalError: 1
        // The HTTP face's own codes; no command fails with them.
        case .payloadTooLarge: 2
        case .methodNotAllowed: 64
        case .rateLimited: 1
        }
    }
}
