import Foundation
import HelpdeskCore
import HelpdeskServer
import HelpdeskSQLite
import HelpdeskUseCases
import HelpdeskWire
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// A helpdesk on a fresh SQLite file with an admin, an agent and two customers (password
/// `password1`), one signing key, and the API's router at any moment of a clock the test moves.
struct APIFixture {
    let storage: any HelpdeskStorage
    let start = Date(timeIntervalSince1970: 1_795_000_000)
    let key = SigningKey.generate()
    let admin: User, alice: User, dan: User, erin: User

    static let hasher = PBKDF2PasswordHasher(rounds: 1_000)
    static let password = "password1"

    init() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        storage = SQLiteStorage(database: try HelpdeskDatabase(path: directory.appendingPathComponent("api.sqlite").path))
        let service = Helpdesk(storage: storage, clock: FixedTimeSource(start), hasher: Self.hasher, digest: SHA256Digester())
        admin = try await service.addUser(email: "admin@x.test", name: "Admin", role: "admin", password: Self.password, by: nil)
        alice = try await service.addUser(email: "alice@x.test", name: "Alice", role: "agent", password: Self.password, by: admin)
        dan = try await service.register(email: "dan@x.test", name: "Dan", password: Self.password)
        erin = try await service.register(email: "erin@x.test", name: "Erin", password: Self.password)
    }

    /// Where the router tests' requests come from: the header `APIClient.send(from:)` sets (a test's
    /// stand-in for the socket's peer, which the in-process router lacks), else `192.0.2.1`.
    static let testAddresses = ClientAddressSource { request, _ in request.headers[APIClient.testPeer] ?? APIClient.defaultPeer }

    /// A rate limit no test of other things reaches (the limit's own tests pass theirs).
    static func unlimited() -> AuthRateLimit { AuthRateLimit(capacity: 1_000_000) }

    /// The use cases with the clock `minutes` after the start.
    func helpdesk(minutes: Double = 0, hasher: any PasswordHasher = APIFixture.hasher) -> Helpdesk {
        Helpdesk(storage: storage, clock: FixedTimeSource(start.addingTimeInterval(minutes * 60)), hasher: hasher, digest: SHA256Digester())
    }

    /// Runs `body` against the router (no socket; `.live` for a real server on a free port) with the
    /// clock `minutes` after the start.
    func client<Value: Sendable>(
        minutes: Double = 0, setup: TestingSetup = .router, hasher: any PasswordHasher = APIFixture.hasher,
        clientAddress: ClientAddressSource = APIFixture.testAddresses, rateLimit: AuthRateLimit = APIFixture.unlimited(),
        _ body: @Sendable (APIClient) async throws -> Value
    ) async throws -> Value {
        let tokens = await AccessTokens(key: key)
        var logger = Logger(label: "helpdesk.api.test")
        logger.logLevel = .critical
        // The in-process router has no socket: the client's address is the test's (`APIClient.send(from:)`).
        let router = HelpdeskServer.router(
            helpdesk: helpdesk(minutes: minutes, hasher: hasher), tokens: tokens, logger: logger,
            clientAddress: clientAddress, rateLimit: rateLimit)
        let app = Application(router: router, logger: logger)
        return try await app.test(setup) { client in try await body(APIClient(client: client)) }
    }
}

/// A response's status, headers and body.
struct APIResponse: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let body: Data

    /// The body as `Value`, decoded as the wire format.
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try WireJSON.decoder().decode(Value.self, from: body)
    }

    /// The body as the seed's error object.
    var error: WireError? { try? decode(WireError.self) }

    /// The body as loose JSON, to look at keys.
    var object: [String: Any] { ((try? JSONSerialization.jsonObject(with: body)) as? [String: Any]) ?? [:] }

    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Sends requests with JSON bodies and bearer tokens.
struct APIClient: Sendable {
    let client: any TestClientProtocol

    /// The header the router tests' address source reads (never the server's: it reads the socket).
    static let testPeer = HTTPFields.Element.Name("X-Test-Peer")!
    static let defaultPeer = "192.0.2.1"

    /// Sends a request from the client address `from` (router tests only).
    func send(
        _ method: HTTPRequest.Method, _ path: String, token: String? = nil, json: String? = nil, headers extra: HTTPFields = [:],
        from address: String? = nil
    ) async throws -> APIResponse {
        var headers = extra
        if let address { headers[Self.testPeer] = address }
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        let body = json.map { ByteBuffer(string: $0) }
        let response = try await client.executeRequest(uri: path, method: method, headers: headers, body: body)
        return APIResponse(status: response.status, headers: response.headers, body: Data(response.body.readableBytesView))
    }

    /// An access token for `email` (password `password1`).
    func login(_ email: String) async throws -> String {
        let response = try await send(.post, "/api/v1/auth/login", json: #"{"email": "\#(email)", "password": "password1"}"#)
        #expect(response.status == .ok, "login \(email): \(response.text)")
        return try response.decode(WireTokenGrant.self).accessToken
    }

    /// Files a ticket as the token's user and returns its number.
    func file(_ token: String, subject: String = "Printer is on fire") async throws -> String {
        let response = try await send(
            .post, "/api/v1/tickets", token: token,
            json: #"{"subject": "\#(subject)", "description": "Please help, details inside."}"#)
        #expect(response.status == .created, "\(response.text)")
        return try response.decode(WireTicket.self).number
    }
}
