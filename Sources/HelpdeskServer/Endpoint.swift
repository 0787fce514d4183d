import Hummingbird

/// One route of the API: a method, a path (`:id` for a parameter), its documentation and what
/// answers it. The router and the OpenAPI document are both made from the list of these.
struct Endpoint: Sendable {
    let route: DocumentedRoute
    let handler: @Sendable (Request, APIRequestContext) async throws -> Response

    init(
        _ method: HTTPRequest.Method, _ path: String, _ operation: APIOperation,
        _ handler: @escaping @Sendable (Request, APIRequestContext) async throws -> Response
    ) {
        self.init(DocumentedRoute(method: method, path: path, operation: operation), handler)
    }

    init(_ route: DocumentedRoute, _ handler: @escaping @Sendable (Request, APIRequestContext) async throws -> Response) {
        self.route = route
        self.handler = handler
    }

    var method: HTTPRequest.Method { route.method }
    var path: String { route.path }
}

/// A route as the OpenAPI document describes it.
struct DocumentedRoute: Sendable {
    let method: HTTPRequest.Method
    /// Hummingbird's form, `/api/v1/tickets/:id`.
    let path: String
    let operation: APIOperation
}
