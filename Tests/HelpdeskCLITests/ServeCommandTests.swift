import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `helpdesk serve` as a process: it listens, logs one line per request without secrets, keeps its
/// signing key private beside the database, and stops cleanly on SIGTERM and SIGINT.
struct ServeCommandTests {
    private func request(_ url: String, method: String = "GET", body: String? = nil) async throws -> (Int, String) {
        var request = URLRequest(url: try #require(URL(string: url)))
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func servesLogsWithoutSecretsAndStopsCleanly(signal: Int32) async throws {
        let cli = try CLI()
        try cli.seedUsers()
        let (started, base) = try cli.serve()
        let health = try await request("\(base)/api/v1/health")
        #expect(health.0 == 200)
        #expect(health.1.contains(#""status" : "ok""#))
        let login = try await request("\(base)/api/v1/auth/login", method: "POST", body: #"{"email": "dan@x.test", "password": "password1"}"#)
        #expect(login.0 == 200)
        let grant = try #require(try JSONSerialization.jsonObject(with: Data(login.1.utf8)) as? [String: Any])
        let token = try #require(grant["access_token"] as? String)
        kill(started.0.processIdentifier, signal)
        let result = try CLI.finish(started)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("GET /api/v1/health 200"))
        #expect(result.stderr.contains("POST /api/v1/auth/login 200"))
        #expect(!result.stderr.contains("password1"))
        // The tests' frozen clock (HELPDESK_NOW) is said aloud: nothing would ever expire.
        #expect(result.stderr.contains("warning: --now freezes the clock"))
        #expect(!result.stderr.contains(token))
        let key = try FileManager.default.attributesOfItem(atPath: cli.database + ".api-key")
        #expect((key[.posixPermissions] as? Int) == 0o600)
    }

    @Test func aTokenOutlivesARestartWithTheSameKeyFile() async throws {
        let cli = try CLI()
        try cli.seedUsers()
        let first = try cli.serve()
        let login = try await request("\(first.base)/api/v1/auth/login", method: "POST", body: #"{"email": "dan@x.test", "password": "password1"}"#)
        let grant = try #require(try JSONSerialization.jsonObject(with: Data(login.1.utf8)) as? [String: Any])
        let token = try #require(grant["access_token"] as? String)
        kill(first.started.0.processIdentifier, SIGTERM)
        _ = try CLI.finish(first.started)
        let second = try cli.serve()
        var me = URLRequest(url: try #require(URL(string: "\(second.base)/api/v1/auth/me")))
        me.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (data, response) = try await URLSession.shared.data(for: me)
        #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(String(decoding: data, as: UTF8.self))")
        kill(second.started.0.processIdentifier, SIGTERM)
        #expect(try CLI.finish(second.started).status == 0)
    }
}
