import Foundation
import HelpdeskCore
import JWTKit

/// Signs and verifies access tokens: JWTs of `lifetime`, HS256 under the `SigningKey`. Verification
/// fixes the algorithm (the header must say HS256 and name our key; `alg: none` and any other
/// algorithm are refused before the signature is looked at), checks the signature with the stored
/// key, then the issuer, audience and times against the clock it is given.
public struct AccessTokens: Sendable {
    /// 15 minutes.
    public static let lifetime: TimeInterval = 15 * 60
    /// The `iss` of every token.
    public static let issuer = "helpdesk"
    /// The `aud` of every token.
    public static let audience = "helpdesk-api"

    private let keys: JWTKeyCollection
    private let kid: String

    /// Tokens signed with `key`.
    public init(key: SigningKey) async {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: key.secret), digestAlgorithm: .sha256, kid: JWKIdentifier(string: key.kid))
        self.keys = keys
        kid = key.kid
    }

    /// A token for `user` in `session`, issued at `now`.
    /// - Throws: `INTERNAL_ERROR` if signing fails.
    public func issue(for user: User, session: String, at now: Date) async throws -> String {
        let claims = AccessClaims(
            userId: user.id, credentialVersion: user.credentialVersion, session: session, issuedAt: now,
            expiresAt: now.addingTimeInterval(Self.lifetime))
        do {
            return try await keys.sign(claims, kid: JWKIdentifier(string: kid))
        } catch {
            throw HelpdeskError(.internalError, "Could not sign the access token")
        }
    }

    /// The claims of `token` if it is ours, intact and current at `now`.
    /// - Throws: `UNAUTHORIZED` for anything else, with the same words whatever was wrong.
    public func verify(_ token: String, at now: Date) async throws -> AccessClaims {
        guard headerIsOurs(token) else { throw Self.refusal }
        let claims: AccessClaims
        do {
            claims = try await keys.verify(token, as: AccessClaims.self)
        } catch {
            throw Self.refusal
        }
        guard claims.isValid(at: now) else { throw Self.refusal }
        return claims
    }

    /// The one answer to a token that is not accepted.
    static let refusal = HelpdeskError(.unauthorized, "The access token is missing, invalid or expired; log in again")

    private struct Header: Decodable {
        var alg: String?
        var kid: String?
    }

    /// The header says HS256 under our key: the algorithm is the server's choice, never the token's.
    private func headerIsOurs(_ token: String) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let data = Self.base64URL(parts[0]),
            let header = try? JSONDecoder().decode(Header.self, from: data)
        else { return false }
        return header.alg == "HS256" && header.kid == kid
    }

    private static func base64URL(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }
}
