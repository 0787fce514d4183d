import Foundation
import HelpdeskCore
import Hummingbird
import Logging

/// Turns every failure into the seed's error object: a domain error under its code's status, a path
/// the API does not have into 404 `NOT_FOUND`, a known path asked with another method into 405
/// `METHOD_NOT_ALLOWED` with `Allow`, Hummingbird's own errors into their code, and anything else
/// into 500 `INTERNAL_ERROR` (logged, never shown).
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as HelpdeskError {
            return try APIError(error).response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            return try translate(error, request: request).response(from: request, context: context)
        } catch {
            context.logger.error("request failed: \(String(reflecting: type(of: error)))")
            return try APIError(HelpdeskError(.internalError, "The server failed to answer")).response(from: request, context: context)
        }
    }

    private func translate(_ error: any HTTPResponseError, request: Request) -> APIError {
        switch error.status {
        case .notFound:
            let allowed = routes.methods(for: request.uri.path)
            guard !allowed.isEmpty else {
                return APIError(HelpdeskError(.notFound, "No such endpoint: \(request.uri.path)"))
            }
            var headers = HTTPFields()
            headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
            return APIError(
                HelpdeskError(.methodNotAllowed, "\(request.method.rawValue) is not allowed here; use \(headers[.allow] ?? "")"),
                headers: headers)
        case .contentTooLarge:
            return JSONBody.tooLarge
        case .unauthorized:
            return APIError(HelpdeskError(.unauthorized, "Authentication required"))
        case .forbidden:
            return APIError(HelpdeskError(.forbidden, "Not allowed"))
        case .conflict:
            return APIError(HelpdeskError(.conflict, "Conflict"))
        case let status where status.code >= 400 && status.code < 500:
            return APIError(HelpdeskError(.validation, "The request is malformed"))
        default:
            return APIError(HelpdeskError(.internalError, "The server failed to answer"))
        }
    }
}

/// Logs one line per request: method, path (never the query, which may hold search text), status
/// and duration in milliseconds. Headers and bodies, where tokens and passwords travel, are never logged.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        logger.info(
            "\(request.method.rawValue) \(request.uri.path) \(response.status.code) \(String(format: "%.1f", milliseconds))ms")
        return response
    }
}
