import HelpdeskCore
import HelpdeskWire
import Hummingbird

/// An error the HTTP face answers with: the seed's error object (`WireError`) under the HTTP status
/// of its code, with any extra headers (`Allow` on a 405).
public struct APIError: HTTPResponseError, Sendable {
    /// The domain error whose code, message and field errors make the body.
    public let error: HelpdeskError
    /// Headers added to the response.
    public let headers: HTTPFields

    /// The answer to `error`, with `headers`.
    public init(_ error: HelpdeskError, headers: HTTPFields = [:]) {
        self.error = error
        self.headers = headers
    }

    /// The seed's status for the code: 400, 401, 403, 404, 409 (also `TICKET_CLOSED`: the ticket's
    /// state refuses the reply), 500, and 405, 413 and 429 for the HTTP face's own codes.
    public var status: HTTPResponse.Status { Self.status(for: error.code) }

    /// The HTTP status of `code`.
    public static func status(for code: ErrorCode) -> HTTPResponse.Status {
        switch code {
        case .validation: .badRequest
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict, .ticketClosed: .conflict
        case .internalError: .internalServerError
        case .payloadTooLarge: .contentTooLarge
        case .methodNotAllowed: .methodNotAllowed
        case .rateLimited: .tooManyRequests
        }
    }

    /// The error object as JSON under `status`.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse.make(WireError(error), status: status)
        for field in headers { response.headers.append(field) }
        if error.code == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        return response
    }
}
