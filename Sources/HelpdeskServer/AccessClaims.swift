import Foundation
import JWTKit

/// The claims of an access token: `sub` (the user's id), `iat`, `exp`, `iss`, `aud`, `sid` (the
/// session the login opened) and `cv` (the user's credential version when it was issued). Nothing
/// in them grants a role: every request re-reads the user.
public struct AccessClaims: JWTPayload, Equatable {
    /// The user's id, as text.
    public var sub: SubjectClaim
    /// When the token was issued.
    public var iat: IssuedAtClaim
    /// When the token stops being accepted.
    public var exp: ExpirationClaim
    /// Always `AccessTokens.issuer`.
    public var iss: IssuerClaim
    /// Always `AccessTokens.audience`.
    public var aud: AudienceClaim
    /// The session the login opened.
    public var sid: String
    /// The user's `credentialVersion` when the token was issued.
    public var cv: Int

    /// Claims for the user `userId` at credential version `credentialVersion`.
    public init(userId: Int64, credentialVersion: Int, session: String, issuedAt: Date, expiresAt: Date) {
        sub = SubjectClaim(value: String(userId))
        iat = IssuedAtClaim(value: issuedAt)
        exp = ExpirationClaim(value: expiresAt)
        iss = IssuerClaim(value: AccessTokens.issuer)
        aud = AudienceClaim(value: [AccessTokens.audience])
        sid = session
        cv = credentialVersion
    }

    /// Nothing here: the times are checked by `AccessTokens.verify` against the helpdesk's injected
    /// clock (`--now`, the tests' clocks), which this hook cannot see.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}

    /// Whether the claims are the helpdesk's and current at `now`: issuer and audience ours, issued
    /// no later than `now` and not yet expired.
    func isValid(at now: Date) -> Bool {
        iss.value == AccessTokens.issuer && aud.value.contains(AccessTokens.audience) && iat.value <= now && now < exp.value
    }
}
