import Foundation
import HelpdeskCore
import OpenAPIKit

/// The documentation of one endpoint, carried by its `Endpoint` beside the handler, so that the
/// OpenAPI document (`APIDocument`) is made from the very list the router is built from: a route
/// cannot be added without saying what it takes and answers, and nothing is documented that is not
/// routed.
///
/// Error responses are named by the codes the endpoint may answer with; each becomes the seed's
/// error object under `APIError.status(for:)`. `UNAUTHORIZED` is implied by `authenticated`, and
/// `VALIDATION_ERROR` and `PAYLOAD_TOO_LARGE` by a request body.
struct APIOperation: Sendable {
    /// The OpenAPI `operationId`, unique in the document; links name operations by it.
    let id: String
    /// The group the reference page lists the operation under (`tickets`, `auth`, …).
    let tag: String
    /// One line.
    let summary: String
    /// Who may call it and what it does, as the README says it (Markdown).
    let description: String
    /// Whether it needs `Authorization: Bearer <access token>`.
    var authenticated = true
    /// Path, query and header parameters.
    var parameters: [OpenAPI.Parameter] = []
    /// The JSON body, if it takes one.
    var body: APIBody?
    /// The answer when it succeeds.
    var success: APISuccess
    /// The error codes it may answer with, besides those implied (see the type's comment).
    var errors: [ErrorCode] = []

    /// Every error code of the operation, implied ones included, in a stable order.
    var allErrors: [ErrorCode] {
        var codes = Set(errors)
        if authenticated { codes.insert(.unauthorized) }
        if body != nil { codes.formUnion([.validation, .payloadTooLarge]) }
        return ErrorCode.allCases.filter(codes.contains)
    }
}

/// A request body: its JSON schema and an example a client could send.
struct APIBody: Sendable {
    let schema: JSONSchema
    /// JSON text; checked against `schema` by the tests.
    let example: String
    var description = "JSON"
    /// False only where the body may be left out (a refresh token sent as `Authorization`).
    var required = true
}

/// A successful answer: its status, JSON schema (none for 204), example and headers, and the links
/// a client (schemathesis' stateful phase among them) may follow from it.
struct APISuccess: Sendable {
    let status: Int
    let description: String
    var schema: JSONSchema?
    /// JSON text; checked against `schema` by the tests.
    var example: String?
    var headers: [String: OpenAPI.Header] = [:]
    var links: [String: OpenAPI.Link] = [:]
    /// `application/json` unless said otherwise (the reference page is HTML).
    var contentType: OpenAPI.ContentType = .json
}
