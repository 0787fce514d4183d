import Foundation
import HelpdeskCore
import JWTKit
import Synchronization

/// Signs and verifies access tokens: JWTs of `lifetime`, HS256 under the ring's signing key.
/// Verification fixes the algorithm (the header must say HS256 and name a key of the ring that
/// still verifies at that moment; `alg: none` and any other algorithm are refused before the
/// signature is looked at), checks the signature with that stored key, then the issuer, audience
/// and times against the clock it is given. Made from the key file, it notices a rotation (one
/// `stat` per use) and re-reads the file without a restart; a malformed file is refused whole and
/// the keys read before stay in use (`onReloadError` is told).
public final class AccessTokens: Sendable {
    /// 15 minutes.
    public static let lifetime: TimeInterval = 15 * 60
    /// The `iss` of every token.
    public static let issuer = "helpdesk"
    /// The `aud` of every token.
    public static let audience = "helpdesk-api"

    private struct Loaded: Sendable {
        let ring: SigningKeyRing
        let keys: JWTKeyCollection
        let stamp: SigningKeyFile.Stamp?
    }

    private let path: String?
    private let onReloadError: @Sendable (HelpdeskError) -> Void
    private let loaded: Mutex<Loaded>

    /// Tokens signed with `key` alone.
    public convenience init(key: SigningKey) async {
        await self.init(ring: SigningKeyRing(key))
    }

    /// Tokens of the fixed `ring`.
    public init(ring: SigningKeyRing) async {
        path = nil
        onReloadError = { _ in }
        loaded = Mutex(Loaded(ring: ring, keys: await Self.collection(ring), stamp: nil))
    }

    /// Tokens of the key file at `path` (made there when missing), followed through rotations.
    /// - Throws: `INTERNAL_ERROR` as `SigningKeyFile.loadOrCreate`.
    public init(file path: String, onReloadError: @escaping @Sendable (HelpdeskError) -> Void) async throws {
        _ = try SigningKeyFile.loadOrCreate(at: path)
        let (read, stamp) = try SigningKeyFile.read(at: path)
        self.path = path
        self.onReloadError = onReloadError
        loaded = Mutex(Loaded(ring: read, keys: await Self.collection(read), stamp: stamp))
    }

    /// A token for `user` in `session`, issued at `now`.
    /// - Throws: `INTERNAL_ERROR` if signing fails.
    public func issue(for user: User, session: String, at now: Date) async throws -> String {
        let claims = AccessClaims(
            userId: user.id, credentialVersion: user.credentialVersion, session: session, issuedAt: now,
            expiresAt: now.addingTimeInterval(Self.lifetime))
        let keys = await current()
        do {
            return try await keys.keys.sign(claims, kid: JWKIdentifier(string: keys.ring.signing.kid))
        } catch {
            throw HelpdeskError(.internalError, "Could not sign the access token")
        }
    }

    /// The claims of `token` if it is ours, intact and current at `now`.
    /// - Throws: `UNAUTHORIZED` for anything else, with the same words whatever was wrong.
    public func verify(_ token: String, at now: Date) async throws -> AccessClaims {
        let keys = await current()
        guard let kid = Self.ourKid(token), keys.ring.verifying(at: now).contains(where: { $0.kid == kid }) else { throw Self.refusal }
        let claims: AccessClaims
        do {
            claims = try await keys.keys.verify(token, as: AccessClaims.self)
        } catch {
            throw Self.refusal
        }
        guard claims.isValid(at: now) else { throw Self.refusal }
        return claims
    }

    /// The keys as the file holds them now: re-read when its stamp changed since the last read.
    private func current() async -> Loaded {
        let known = loaded.withLock { $0 }
        guard let path else { return known }
        let stamp = SigningKeyFile.stamp(at: path)
        guard stamp != known.stamp else { return known }
        do {
            let (ring, readStamp) = try SigningKeyFile.read(at: path)
            let fresh = Loaded(ring: ring, keys: await Self.collection(ring), stamp: readStamp)
            loaded.withLock { $0 = fresh }
            return fresh
        } catch {
            // Keep the keys read before; remember the stamp so the bad file is reported once.
            onReloadError(error as? HelpdeskError ?? HelpdeskError(.internalError, "Could not read the API key file \(path)"))
            let kept = Loaded(ring: known.ring, keys: known.keys, stamp: stamp)
            loaded.withLock { $0 = kept }
            return kept
        }
    }

    private static func collection(_ ring: SigningKeyRing) async -> JWTKeyCollection {
        let keys = JWTKeyCollection()
        for entry in ring.entries {
            await keys.add(hmac: HMACKey(from: entry.key.secret), digestAlgorithm: .sha256, kid: JWKIdentifier(string: entry.key.kid))
        }
        return keys
    }

    /// The one answer to a token that is not accepted.
    static let refusal = HelpdeskError(.unauthorized, "The access token is missing, invalid or expired; log in again")

    private struct Header: Decodable {
        var alg: String?
        var kid: String?
    }

    /// The header's kid when it says HS256: the algorithm is the server's choice, never the token's.
    private static func ourKid(_ token: String) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let data = base64URL(parts[0]),
            let header = try? JSONDecoder().decode(Header.self, from: data), header.alg == "HS256"
        else { return nil }
        return header.kid
    }

    private static func base64URL(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
