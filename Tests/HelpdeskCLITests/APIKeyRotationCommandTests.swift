import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `helpdesk api rotate-key` against a running `helpdesk serve`: the server follows the file
/// without a restart, tokens from before keep working, new ones carry the new kid.
struct APIKeyRotationCommandTests {
    private func login(_ base: String) async throws -> String {
        var request = URLRequest(url: try #require(URL(string: "\(base)/api/v1/auth/login")))
        request.httpMethod = "POST"
        request.httpBody = Data(#"{"email": "dan@x.test", "password": "password1"}"#.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let (data, _) = try await URLSession.shared.data(for: request)
        let grant = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(grant["access_token"] as? String)
    }

    private func me(_ base: String, token: String) async throws -> Int {
        var request = URLRequest(url: try #require(URL(string: "\(base)/api/v1/auth/me")))
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    private func kid(_ token: String) throws -> String? {
        var base64 = String(try #require(token.split(separator: ".").first)).replacingOccurrences(of: "-", with: "+")
            .replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return (try JSONSerialization.jsonObject(with: try #require(Data(base64Encoded: base64))) as? [String: Any])?["kid"] as? String
    }

    @Test func aRunningServerFollowsARotation() async throws {
        let cli = try CLI()
        try cli.seedUsers()
        let (started, base) = try cli.serve()
        defer { kill(started.0.processIdentifier, SIGTERM); _ = try? CLI.finish(started) }
        let before = try await login(base)
        let rotation = try cli.json(["api", "rotate-key"])
        let signing = try #require(rotation["signing_kid"] as? String)
        let retired = try #require(rotation["retired"] as? [[String: Any]])
        #expect(retired.map { $0["kid"] as? String } == [try kid(before)])
        #expect(retired.first?["verifies_until"] as? String == "2026-11-29T09:15:00Z", "the pinned clock plus 15 minutes")
        #expect(try await me(base, token: before) == 200, "a token from before the rotation still verifies")
        let after = try await login(base)
        #expect(try kid(after) == signing, "a new token carries the new kid")
        #expect(try await me(base, token: after) == 200)
        let key = try FileManager.default.attributesOfItem(atPath: cli.database + ".api-key")
        #expect((key[.posixPermissions] as? Int) == 0o600)
        let secrets = try String(contentsOfFile: cli.database + ".api-key", encoding: .utf8).split(separator: "\n").map { $0.split(separator: " ")[1] }
        #expect(secrets.count == 2)
        #expect(!secrets.contains { rotation.description.contains($0) }, "no secret is printed")
    }

    @Test func aMalformedKeyFileIsRefusedWithAClearError() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let path = cli.database + ".api-key"
        FileManager.default.createFile(atPath: path, contents: Data("not a key\n".utf8), attributes: [.posixPermissions: 0o600])
        let result = try cli.run(["api", "rotate-key"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is malformed") && result.stderr.contains("line 1"), "\(result.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a key\n")
    }
}
