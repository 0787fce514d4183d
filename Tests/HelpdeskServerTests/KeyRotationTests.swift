import Foundation
import HelpdeskCore
import HelpdeskServer
import Synchronization
import Testing

/// Issue 14: "`helpdesk api rotate-key` adds a new key and keeps the old one verifying until its
/// tokens expire"; a running server follows the file without a restart.
struct KeyRotationTests {
    let directory: URL
    let path: String
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("db.sqlite.api-key").path
    }

    private func kid(of token: String) throws -> String? {
        let header = try #require(token.split(separator: ".").first)
        var base64 = header.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        let object = try JSONSerialization.jsonObject(with: try #require(Data(base64Encoded: base64))) as? [String: Any]
        return object?["kid"] as? String
    }

    private var user: User {
        User(id: 7, email: "dan@x.test", name: "Dan", role: .customer, isActive: true, createdAt: start, credentialVersion: 1)
    }

    @Test func aRunningServerFollowsARotationAndOldTokensKeepVerifying() async throws {
        let tokens = try await AccessTokens(file: path) { _ in }
        let before = try await tokens.issue(for: user, session: "s", at: start)
        let oldKid = try kid(of: before)
        let ring = try SigningKeyFile.rotate(at: path, now: start.addingTimeInterval(60))
        #expect(ring.entries.count == 2)
        #expect(ring.signing.kid != oldKid)
        let after = try await tokens.issue(for: user, session: "s", at: start.addingTimeInterval(61))
        #expect(try kid(of: after) == ring.signing.kid, "a token after the rotation carries the new kid")
        #expect(try await tokens.verify(before, at: start.addingTimeInterval(120)).sid == "s", "a token from before still verifies")
        #expect(try await tokens.verify(after, at: start.addingTimeInterval(120)).sid == "s")
    }

    @Test func anOldKeyIsGoneFifteenMinutesAfterItsRetirement() throws {
        let first = try SigningKeyFile.loadOrCreate(at: path)
        let rotation = start
        let ring = try SigningKeyFile.rotate(at: path, now: rotation)
        #expect(ring.verifying(at: rotation.addingTimeInterval(15 * 60 - 1)).map(\.kid).contains(first.signing.kid))
        #expect(!ring.verifying(at: rotation.addingTimeInterval(15 * 60)).map(\.kid).contains(first.signing.kid))
        let later = try SigningKeyFile.rotate(at: path, now: rotation.addingTimeInterval(15 * 60))
        #expect(later.entries.map(\.key.kid) == [ring.signing.kid, later.signing.kid], "the expired key left the file")
        #expect(try SigningKeyFile.read(at: path).ring == later)
    }

    @Test func aTokenOfAnExpiredKeyIsRefusedEvenWithinItsOwnLifetime() async throws {
        // A key retired at `start` verifies until `start + 15 min`; a ring whose retired key is past
        // refuses the key's tokens whatever their own `exp` says.
        let old = SigningKey.generate()
        let signer = await AccessTokens(key: old)
        let token = try await signer.issue(for: user, session: "s", at: start.addingTimeInterval(15 * 60 - 10))
        let ring = SigningKeyRing(old).rotated(adding: SigningKey.generate(), at: start)
        let tokens = await AccessTokens(ring: ring)
        await #expect(throws: HelpdeskError.self) { try await tokens.verify(token, at: start.addingTimeInterval(15 * 60)) }
    }

    @Test func aMalformedFileIsRefusedWholeAndTheServerKeepsItsKeys() async throws {
        let reported = Mutex<[String]>([])
        let tokens = try await AccessTokens(file: path) { error in reported.withLock { $0.append(error.message) } }
        let token = try await tokens.issue(for: user, session: "s", at: start)
        let good = try String(contentsOfFile: path, encoding: .utf8)
        // A second line without its time: not a ring.
        let bad = directory.appendingPathComponent("bad").path
        try (good + good).write(toFile: bad, atomically: false, encoding: .utf8)
        chmod(bad, 0o600)
        #expect(rename(bad, path) == 0)
        let error = try #require(throws: HelpdeskError.self) { try SigningKeyFile.read(at: path) }
        #expect(error.code == .internalError)
        #expect(error.message.contains("malformed") && error.message.contains("line 1"), "\(error.message)")
        #expect(try await tokens.verify(token, at: start).sid == "s", "the keys read before stay in use")
        _ = try await tokens.verify(token, at: start)
        #expect(reported.withLock { $0.count } == 1, "reported once: \(reported.withLock { $0 })")
        #expect(throws: HelpdeskError.self) { try SigningKeyFile.rotate(at: path, now: start) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == good + good, "a refused rotation leaves the file as it was")
    }

    @Test func theFileStaysPrivateAndALinkIsRefused() throws {
        _ = try SigningKeyFile.rotate(at: path, now: start)
        var status = stat()
        #expect(lstat(path, &status) == 0 && status.st_mode & 0o777 == 0o600)
        let link = directory.appendingPathComponent("link.api-key").path
        #expect(symlink(path, link) == 0)
        #expect(throws: HelpdeskError.self) { try SigningKeyFile.rotate(at: link, now: start) }
        #expect(throws: HelpdeskError.self) { try SigningKeyFile.read(at: link) }
    }
}
