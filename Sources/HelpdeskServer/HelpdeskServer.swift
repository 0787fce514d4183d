import HelpdeskCore
import HelpdeskUseCases
import Hummingbird
import Logging

/// The HTTP face of the helpdesk (`helpdesk serve`): the seed's JSON API over the use cases, with
/// access tokens. No rule lives here: every route checks the token, then calls a use case, which
/// re-reads the user; answers are HelpdeskWire's shapes and errors the seed's object.
public enum HelpdeskServer {
    /// The router of every endpoint, behind the request log and the error mapping; `clientAddress`
    /// says who the client is for lockouts, rate limits and the audit log (the socket's peer; tests
    /// of the in-process router inject their own); `rateLimit` limits each address's requests to
    /// `/api/v1/auth/*` (429 `RATE_LIMITED`).
    public static func router(
        helpdesk: Helpdesk, tokens: AccessTokens, logger: Logger, clientAddress: ClientAddressSource = .socketPeer,
        rateLimit: AuthRateLimit = AuthRateLimit()
    ) -> Router<APIRequestContext> {
        let served = endpoints(helpdesk: helpdesk, tokens: tokens, logger: logger)
        var table = RouteTable()
        for endpoint in served { table.add(endpoint.method, endpoint.path) }
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: ClientAddressMiddleware(source: clientAddress))
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.add(middleware: ErrorMiddleware(routes: table))
        router.add(middleware: AuthRateLimitMiddleware(limit: rateLimit))
        for endpoint in served {
            router.on(RouterPath(endpoint.path), method: endpoint.method, use: endpoint.handler)
        }
        return router
    }

    /// Every endpoint the router serves, in order: the API's, then the OpenAPI document and the
    /// reference page made from them (and from themselves).
    static func endpoints(helpdesk: Helpdesk, tokens: AccessTokens, logger: Logger) -> [Endpoint] {
        let auth = Authentication(helpdesk: helpdesk, tokens: tokens)
        let api =
            HealthRoutes.endpoints()
            + AuthRoutes.endpoints(helpdesk: helpdesk, auth: auth)
            + TicketRoutes.endpoints(helpdesk: helpdesk, auth: auth)
            + TicketThreadRoutes.endpoints(helpdesk: helpdesk, auth: auth)
            + TicketWorkflowRoutes.endpoints(helpdesk: helpdesk, auth: auth)
            + ReportRoutes.endpoints(helpdesk: helpdesk, auth: auth)
        do {
            return api + (try DocsRoutes.endpoints(documenting: api))
        } catch {
            // Not expected (OpenAPIDocumentTests writes the document); the API itself still works.
            logger.error("the OpenAPI document could not be written: \(String(reflecting: type(of: error)))")
            return api
        }
    }

    /// How long a connection may stay without a byte of a request (a half-sent head or body, or an
    /// idle keep-alive) before it is closed: 30 seconds. Without it a client holding thousands of
    /// half-open connections exhausts the server's file descriptors (found by an attack on the API).
    public static let idleTimeout: Duration = .seconds(30)

    /// The application listening on `host`:`port`; `onRunning` is told the port once it listens
    /// (the one the system chose when `port` is 0). Connections idle for `idleTimeout` (by default
    /// `HelpdeskServer.idleTimeout`) are closed; `rateLimit` limits each address on `/api/v1/auth/*`.
    public static func application(
        helpdesk: Helpdesk, tokens: AccessTokens, host: String, port: Int, logger: Logger,
        idleTimeout: Duration = idleTimeout, rateLimit: AuthRateLimit = AuthRateLimit(),
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(helpdesk: helpdesk, tokens: tokens, logger: logger, rateLimit: rateLimit),
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(
                idleTimeout.components.seconds * 1_000_000_000 + idleTimeout.components.attoseconds / 1_000_000_000))),
            configuration: .init(address: .hostname(host, port: port), serverName: "helpdesk"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}
