import HelpdeskCore
import OpenAPIKit

/// The documentation of `AuthRoutes`, `HealthRoutes` and `DocsRoutes`.
extension APIOperation {
    private static let grant = APISuccess(
        status: 200, description: "A grant (never cached).", schema: WireSchemas.ref("TokenGrant"), example: APIExamples.grant,
        headers: ["Cache-Control": OpenAPI.Header(schema: .string, description: "`no-store`.")])

    static let health = APIOperation(
        id: "health", tag: "service", summary: "Is the server up",
        description: "200 once the database is open.", authenticated: false,
        success: APISuccess(status: 200, description: "Up.", schema: WireSchemas.ref("Health"), example: #"{"status": "ok"}"#))

    static let register = APIOperation(
        id: "register", tag: "auth", summary: "Register a customer account",
        description: "Anyone; the account is a customer. An email already registered is 409.", authenticated: false,
        body: APIBody(
            schema: .object(
                properties: [
                    "email": .string(format: .email, description: "The login.", maxLength: Validator.maximumEmailLength),
                    "username": .string(
                        description: "The display name (`name` is accepted for it, not both).",
                        minLength: Validator.nameLength.lowerBound, maxLength: Validator.nameLength.upperBound),
                    "password": .string(
                        description: "\(Validator.minimumPasswordLength) characters to \(Validator.maximumPasswordLength) bytes.",
                        minLength: Validator.minimumPasswordLength),
                ]),
            example: #"{"email": "erin@customer.test", "username": "Erin", "password": "correct horse battery"}"#),
        success: APISuccess(status: 201, description: "The new user.", schema: WireSchemas.ref("User"), example: APIExamples.user),
        errors: [.conflict, .rateLimited])

    static let login = APIOperation(
        id: "login", tag: "auth", summary: "Log in",
        description: """
            Opens a session: an access token (15 minutes) and a refresh token. Every refusal is the same 401, whatever was wrong.
            """,
        authenticated: false,
        body: APIBody(
            schema: .object(properties: ["email": .string(description: "The login."), "password": .string(description: "The password.")]),
            example: #"{"email": "dan@customer.test", "password": "demo-password"}"#),
        success: grant,
        errors: [.unauthorized, .rateLimited])

    static let refresh = APIOperation(
        id: "refresh", tag: "auth", summary: "Trade a refresh token for a new grant",
        description: """
            The refresh token as `Authorization: Bearer …` or in the body. Each is used once: the grant holds its replacement, \
            and a token presented again ends the whole session (within 10 seconds, while its replacement is unused, it gets a fresh one).
            """,
        authenticated: false,
        body: APIBody(
            schema: .object(properties: ["refresh_token": .string(required: false, nullable: true, description: "The refresh token.")]),
            example: #"{"refresh_token": "3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}"#, required: false),
        success: grant,
        errors: [.unauthorized, .rateLimited])

    static let logout = APIOperation(
        id: "logout", tag: "auth", summary: "End this session",
        description: "The session's access and refresh tokens stop working.",
        success: APISuccess(status: 204, description: "Ended."),
        errors: [.rateLimited])

    static let logoutAll = APIOperation(
        id: "logoutAll", tag: "auth", summary: "End every session of the caller",
        description: "Every session of the user ends, this one included.",
        success: APISuccess(status: 204, description: "Ended."),
        errors: [.rateLimited])

    static let listSessions = APIOperation(
        id: "listSessions", tag: "auth", summary: "The caller's sessions",
        description: "The sessions that may still act, newest first.",
        success: APISuccess(status: 200, description: "The sessions.", schema: WireSchemas.ref("SessionList"), example: APIExamples.sessions),
        errors: [.rateLimited])

    static let endSession = APIOperation(
        id: "endSession", tag: "auth", summary: "End one of the caller's sessions",
        description: "Another user's session is 404.",
        parameters: [.path(name: "id", schema: .string, description: "The session's id (`GET /auth/sessions`).")],
        success: APISuccess(status: 204, description: "Ended."),
        errors: [.notFound, .rateLimited])

    static let changePassword = APIOperation(
        id: "changePassword", tag: "auth", summary: "Change one's own password",
        description: """
            The current password is checked as a login is; every session of the user ends and the answer is a grant for a new one.
            """,
        body: APIBody(
            schema: .object(
                properties: [
                    "current_password": .string(description: "The password now."),
                    "new_password": .string(
                        description: "\(Validator.minimumPasswordLength) characters to \(Validator.maximumPasswordLength) bytes.",
                        minLength: Validator.minimumPasswordLength),
                ]),
            example: #"{"current_password": "not-my-password", "new_password": "a much longer one"}"#),
        success: grant,
        errors: [.rateLimited])

    static let me = APIOperation(
        id: "me", tag: "auth", summary: "The caller",
        description: "The token's user as stored now.",
        success: APISuccess(status: 200, description: "The user.", schema: WireSchemas.ref("User"), example: APIExamples.user),
        errors: [.rateLimited])

    static let openAPI = APIOperation(
        id: "getOpenAPI", tag: "service", summary: "This document",
        description: "The OpenAPI 3.1 document of the API, made from the server's own route table.", authenticated: false,
        success: APISuccess(status: 200, description: "The document.", schema: .object(description: "An OpenAPI 3.1 document.")))

    static let docs = APIOperation(
        id: "getDocs", tag: "service", summary: "The API reference as a web page",
        description: "This document as HTML: every operation with its parameters and examples; no scripts.", authenticated: false,
        success: APISuccess(status: 200, description: "The page.", schema: .string, contentType: .html))
}
