import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `helpdesk serve --auth-rate-limit N`: N requests to /api/v1/auth/* at once per client address,
/// N more a minute; the live server keys them by the socket's peer.
struct ServeRateLimitTests {
    @Test func theLimitIsSetOnTheCommandLine() async throws {
        let cli = try CLI()
        try cli.seedUsers()
        let (started, base) = try cli.serve(["--auth-rate-limit", "2"])
        defer { kill(started.0.processIdentifier, SIGTERM); _ = try? CLI.finish(started) }
        let url = try #require(URL(string: "\(base)/api/v1/auth/me"))
        var statuses: [Int] = []
        var retryAfter: String?
        for _ in 0..<3 {
            let (_, response) = try await URLSession.shared.data(from: url)
            let http = response as? HTTPURLResponse
            statuses.append(http?.statusCode ?? 0)
            retryAfter = http?.value(forHTTPHeaderField: "Retry-After")
        }
        #expect(statuses == [401, 401, 429])
        // 2 a minute: one comes back within 30 s (less if the requests themselves took real time,
        // which the live server's monotonic clock counts).
        #expect((1...30).contains(Int(retryAfter ?? "") ?? 0), "Retry-After: \(retryAfter ?? "none")")
    }

    @Test func aLimitBelowOneIsRefused() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let refused = try cli.run(["serve", "--port", "0", "--auth-rate-limit", "0", "--json"])
        #expect(refused.status == 2)
        #expect((try refused.json()["errors"] as? [String: [String]])?["auth_rate_limit"] != nil, "\(refused.stdout)")
    }
}
