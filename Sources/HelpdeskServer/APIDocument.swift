// The API's OpenAPI 3.1 document, made from the endpoints the router is built from.
//
// Why OpenAPIKit (mattpolzin/OpenAPIKit 6.4.0, its `OpenAPIKit` module) rather than JSON built by
// hand: its types are the specification's (an operation cannot be put where a schema goes, a
// response needs a description, a link names an operation), it writes the JSON, and its
// `validate()` checks the whole document (unique operation ids, declared path parameters, links
// that name real operations, security schemes that exist) in a test. Hand-built dictionaries would
// give none of that, and the reference page (`DocsPage`) reads the same typed values back.

import Foundation
import HelpdeskCore
import HelpdeskWire
import Hummingbird
import OpenAPIKit

/// The OpenAPI document: one path item per route path, one operation per endpoint, the wire
/// shapes as `components.schemas`, and the bearer scheme.
enum APIDocument {
    /// The name of the security scheme every authenticated operation requires.
    static let bearerScheme = "bearerAuth"

    /// The document of `routes`, in their order.
    static func make(_ routes: [DocumentedRoute]) -> OpenAPI.Document {
        var paths: OpenAPI.PathItem.Map = [:]
        for route in routes {
            let path = OpenAPI.Path(rawValue: openAPIPath(route.path))
            var item = paths[path]?.b ?? OpenAPI.PathItem()
            item.set(operation: operation(route.operation), for: OpenAPI.HttpMethod(stringLiteral: route.method.rawValue))
            paths[path] = .b(item)
        }
        var tags: [String] = []
        for route in routes where !tags.contains(route.operation.tag) { tags.append(route.operation.tag) }
        return OpenAPI.Document(
            openAPIVersion: .v3_1_1,
            info: .init(title: "Helpdesk API", description: overview, version: "1"),
            servers: [],
            paths: paths,
            components: .init(
                schemas: WireSchemas.components,
                securitySchemes: [
                    OpenAPI.ComponentKey(stringLiteral: bearerScheme): .b(
                        .http(
                            scheme: "bearer", bearerFormat: "JWT",
                            description: "The `access_token` of `POST /api/v1/auth/login` (or of `/auth/refresh`), valid 15 minutes."))
                ]),
            tags: tags.map { OpenAPI.Tag(name: $0) })
    }

    /// The document as JSON: keys sorted, so the same routes always give the same bytes.
    /// - Throws: an `EncodingError` if a value cannot be written (none is expected: tested).
    static func json(_ document: OpenAPI.Document) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document)
    }

    /// `/api/v1/tickets/:id` as OpenAPI writes it: `/api/v1/tickets/{id}`.
    static func openAPIPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
    }

    /// How to log in and stay logged in, and the rules every answer follows.
    static let overview = """
        The seed's ticket API over the helpdesk's use cases: the same rules as the console and the command line.

        **Logging in.** `POST /api/v1/auth/login` with `{"email", "password"}` answers a grant: an `access_token` (a JWT, \
        15 minutes) to send as `Authorization: Bearer …`, and a `refresh_token` to trade once at `POST /api/v1/auth/refresh` \
        for a new grant (each refresh token is used once; a reused one ends the session). `POST /api/v1/auth/logout` ends the session.

        **Errors** are always the seed's object `{"status": "error", "message", "code", "errors"}`: `VALIDATION_ERROR` 400 \
        (`errors` names each field and its rule), `UNAUTHORIZED` 401, `FORBIDDEN` 403, `NOT_FOUND` 404 (also an unknown path), \
        `METHOD_NOT_ALLOWED` 405 (with `Allow`), `CONFLICT` and `TICKET_CLOSED` 409, `PAYLOAD_TOO_LARGE` 413 (bodies over 1 MiB).

        **Tickets** are named by number (`TICK-YYYYMMDD-NNNN`). A ticket's answers carry `ETag: "<version>"`; every change \
        takes an optional `If-Match`, and a stale one is 409 with nothing written. A ticket in the trash is 404 at every ticket \
        endpoint for everyone; admins list the trash with `GET /api/v1/tickets?trash=true` and restore from it.
        """

    // MARK: One operation

    private static func operation(_ doc: APIOperation) -> OpenAPI.Operation {
        OpenAPI.Operation(
            tags: [doc.tag],
            summary: doc.summary,
            description: doc.description,
            operationId: doc.id,
            parameters: doc.parameters.map { .b($0) },
            requestBody: doc.body.map { body in
                OpenAPI.Request(
                    description: body.description,
                    content: [.json: .b(OpenAPI.Content(schema: body.schema, example: example(body.example)))],
                    required: body.required)
            },
            responses: responses(doc),
            security: doc.authenticated ? [[.component(named: bearerScheme): []]] : nil)
    }

    private static func responses(_ doc: APIOperation) -> OpenAPI.Response.Map {
        let success = doc.success
        var content: OpenAPI.Content.Map = [:]
        if let schema = success.schema {
            content[success.contentType] = .b(OpenAPI.Content(schema: schema, example: success.example.map(example)))
        }
        var headers: OpenAPI.Header.Map = [:]
        for (name, header) in success.headers.sorted(by: { $0.key < $1.key }) { headers[name] = .b(header) }
        var links: OpenAPI.Link.Map = [:]
        for (name, link) in success.links.sorted(by: { $0.key < $1.key }) { links[name] = .b(link) }
        var map: OpenAPI.Response.Map = [
            .status(code: success.status): .b(
                OpenAPI.Response(description: success.description, headers: headers.isEmpty ? nil : headers, content: content, links: links))
        ]
        var statuses: [Int] = []
        for code in doc.allErrors where !statuses.contains(Int(APIError.status(for: code).code)) {
            statuses.append(Int(APIError.status(for: code).code))
        }
        for status in statuses {
            let codes = doc.allErrors.filter { Int(APIError.status(for: $0).code) == status }
            map[.status(code: status)] = .b(errorResponse(codes))
        }
        return map
    }

    /// The error object under one status, naming the codes the operation answers with there.
    private static func errorResponse(_ codes: [ErrorCode]) -> OpenAPI.Response {
        let description = codes.map { "`\($0.rawValue)`: \(ErrorExamples.meaning($0))" }.joined(separator: " ")
        var headers: OpenAPI.Header.Map? = nil
        if codes.contains(.unauthorized) {
            headers = ["WWW-Authenticate": .b(OpenAPI.Header(schema: .string, description: "`Bearer`."))]
        }
        let sample = codes.first.map { ErrorExamples.json($0) }
        return OpenAPI.Response(
            description: description, headers: headers,
            content: [.json: .b(OpenAPI.Content(schema: WireSchemas.ref("Error"), example: sample.map(example)))])
    }

    /// JSON text as the document's example value. Text that is not JSON would be kept as a string,
    /// which no object schema accepts, so `OpenAPIDocumentTests` reports it by its operation.
    static func example(_ text: String) -> AnyCodable {
        (try? JSONDecoder().decode(AnyCodable.self, from: Data(text.utf8))) ?? AnyCodable(text)
    }
}

/// The error object's example and meaning for each code.
enum ErrorExamples {
    /// What the code means, in one sentence.
    static func meaning(_ code: ErrorCode) -> String {
        switch code {
        case .validation: "a field breaks a rule (named in `errors`), or the body is not JSON of the expected shape."
        case .unauthorized: "no access token, or one that is invalid, expired, or of an ended session or deactivated user."
        case .forbidden: "the caller's role may not do this."
        case .notFound: "no such ticket or user, one the caller may not know of, or a ticket in the trash."
        case .conflict: "a stale `If-Match`, or the state refuses the change (already exists, not in the trash)."
        case .ticketClosed: "the ticket was closed too long ago to reopen with a reply."
        case .payloadTooLarge: "the body is larger than 1 MiB."
        case .methodNotAllowed: "the path does not take this method (see `Allow`)."
        case .internalError: "the server failed (logged, never detailed)."
        case .rateLimited: "too many requests to `/api/v1/auth/*` from this address; retry after `Retry-After` seconds."
        }
    }

    /// The error object of `code` as the server writes it.
    static func json(_ code: ErrorCode) -> String {
        let error: HelpdeskError =
            switch code {
            case .validation: .validation("subject", "must be between 5 and 200 characters")
            case .unauthorized: HelpdeskError(.unauthorized, "Authentication required: send Authorization: Bearer <access token>")
            case .forbidden: .forbidden("Only admins assign tickets")
            case .notFound: .notFound("Ticket TICK-20261123-0005")
            case .conflict: .conflict("Ticket TICK-20261123-0005 changed since version 5 (now version 6); reload and try again")
            case .ticketClosed: HelpdeskError(.ticketClosed, "Ticket TICK-20261123-0005 was closed more than 7 days ago; file a new ticket")
            case .payloadTooLarge: JSONBody.tooLarge.error
            case .methodNotAllowed: HelpdeskError(.methodNotAllowed, "PATCH is not allowed here; use GET, PUT, DELETE")
            case .internalError: HelpdeskError(.internalError, "The server failed to answer")
            case .rateLimited: HelpdeskError(.rateLimited, "Too many requests to /api/v1/auth from this address; retry after 6 seconds")
            }
        return (try? WireJSON.string(WireError(error))) ?? "{}"
    }
}
