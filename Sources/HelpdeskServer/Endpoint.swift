import Hummingbird

/// One route of the API: a method, a path (`:id` for a parameter) and what answers it.
struct Endpoint: Sendable {
    let method: HTTPRequest.Method
    let path: String
    let handler: @Sendable (Request, APIRequestContext) async throws -> Response

    init(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping @Sendable (Request, APIRequestContext) async throws -> Response) {
        self.method = method
        self.path = path
        self.handler = handler
    }
}
