import Foundation
import HelpdeskCore
import Hummingbird

/// `GET /api/v1/openapi.json` (the OpenAPI 3.1 document) and `GET /docs` (the same as a web page),
/// both made once, when the router is built, from the routes it serves, these two included.
enum DocsRoutes {
    /// The two routes, documented like any other.
    static let document = DocumentedRoute(method: .get, path: "/api/v1/openapi.json", operation: .openAPI)
    static let page = DocumentedRoute(method: .get, path: "/docs", operation: .docs)

    /// The two endpoints, serving the document of `others` and themselves.
    /// - Throws: an `EncodingError` if the document cannot be written (none is expected: tested).
    static func endpoints(documenting others: [Endpoint]) throws -> [Endpoint] {
        let json = try APIDocument.json(APIDocument.make(others.map(\.route) + [document, page]))
        let html = try DocsPage.html(documentJSON: json)
        return [
            Endpoint(document) { _, _ in
                var bytes = json
                bytes.append(0x0A)
                return Response(
                    status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
            },
            Endpoint(page) { _, _ in
                Response(
                    status: .ok,
                    headers: [
                        .contentType: "text/html; charset=utf-8",
                        // No script runs and nothing is fetched: the page is text and one inline style sheet.
                        .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'",
                        .xContentTypeOptions: "nosniff",
                    ],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
            },
        ]
    }
}
