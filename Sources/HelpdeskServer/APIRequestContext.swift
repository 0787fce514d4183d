import Hummingbird
import NIOCore

/// The request context of every route: Hummingbird's core storage, the connection's peer address
/// as the socket reports it, and the client address the server keys lockouts, rate limits and the
/// audit log by (set by `ClientAddressMiddleware` before any route runs).
public struct APIRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The TCP peer of the connection; nil when the channel has none (HummingbirdTesting's router).
    public let remoteAddress: SocketAddress?
    /// The client's address as `ClientAddressSource` reads it: the peer's IP (`203.0.113.9`,
    /// `::1`), or `unknown` when the connection has none.
    public var clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        clientAddress = ClientAddressSource.unknown
    }
}

/// Where the client address comes from: in `helpdesk serve` always the socket's peer (`socketPeer`),
/// never a header such as `X-Forwarded-For`, which any client can write. Tests of the in-process
/// router (which has no socket) inject another source.
public struct ClientAddressSource: Sendable {
    /// The address of a connection without a peer; such clients share one lockout and one bucket.
    public static let unknown = "unknown"

    let read: @Sendable (Request, APIRequestContext) -> String?

    /// A source reading `read`; nil reads as `unknown`.
    public init(_ read: @escaping @Sendable (Request, APIRequestContext) -> String?) {
        self.read = read
    }

    /// The socket peer's IP address, without its port.
    public static let socketPeer = ClientAddressSource { _, context in context.remoteAddress?.ipAddress }
}

/// Sets `APIRequestContext.clientAddress` from the injected source, first of all middleware.
struct ClientAddressMiddleware: RouterMiddleware {
    let source: ClientAddressSource

    func handle(
        _ request: Request, context: APIRequestContext, next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.clientAddress = source.read(request, context) ?? ClientAddressSource.unknown
        return try await next(request, context)
    }
}
