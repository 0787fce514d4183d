/// What the HTTP API's `POST /auth/login` answers: `{"access_token", "refresh_token", "token_type",
/// "expires_in", "user"}`.
public struct WireTokenGrant: Codable, Sendable, Equatable {
    /// A signed JWT to send as `Authorization: Bearer …`.
    public var accessToken: String
    /// Traded once at `POST /auth/refresh` for a new grant (each use replaces it); null when none is issued.
    @ExplicitNull public var refreshToken: String?
    /// Always `Bearer`.
    public var tokenType: String
    /// Seconds until the access token expires.
    public var expiresIn: Int
    /// The user the token acts for.
    public var user: WireUser

    /// A grant of `accessToken`, valid for `expiresIn` seconds, for `user`.
    public init(accessToken: String, refreshToken: String?, expiresIn: Int, user: WireUser) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        tokenType = "Bearer"
        self.expiresIn = expiresIn
        self.user = user
    }

    private enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case refreshToken = "refresh_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
        case user
    }
}
