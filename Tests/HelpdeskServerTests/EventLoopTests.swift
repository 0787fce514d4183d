import Foundation
import HelpdeskCore
import Hummingbird
import Testing

/// Password hashing (PBKDF2, hundreds of milliseconds at full cost) never runs on one of the
/// server's event-loop threads, whose names SwiftNIO starts with `NIO-` (`NIO-ELT-`, or
/// `NIO-SGLTN-` for the shared group Hummingbird uses): a login or a registration on a real server
/// would otherwise stall every connection that loop serves. (SQLite work runs on GRDB's own queue.)
struct EventLoopTests {
    /// Remembers the names of the threads it was called on.
    final class ThreadLog: @unchecked Sendable {
        private let lock = NSLock()
        private var names: [String] = []

        func record() {
            let name = Thread.current.name ?? "unnamed"
            lock.withLock { names.append(name) }
        }

        var recorded: [String] { lock.withLock { names } }
    }

    /// The fixture's hasher, logging where it runs.
    struct LoggingHasher: PasswordHasher {
        let base: any PasswordHasher
        let log: ThreadLog

        func hash(_ password: String) throws -> String {
            log.record()
            return try base.hash(password)
        }

        func verify(_ password: String, against stored: String) -> Bool {
            log.record()
            return base.verify(password, against: stored)
        }

        func needsRehash(_ stored: String) -> Bool { base.needsRehash(stored) }
    }

    @Test func hashingRunsOffTheEventLoopsOfARealServer() async throws {
        let fixture = try await APIFixture()
        let log = ThreadLog()
        try await fixture.client(setup: .live, hasher: LoggingHasher(base: APIFixture.hasher, log: log)) { api in
            let registered = try await api.send(
                .post, "/api/v1/auth/register", json: #"{"email": "new@x.test", "name": "New", "password": "password1"}"#)
            #expect(registered.status == .created)
            _ = try await api.login("new@x.test")
        }
        #expect(log.recorded.count == 2)
        #expect(log.recorded.allSatisfy { !$0.hasPrefix("NIO-") }, "\(log.recorded)")
    }
}
