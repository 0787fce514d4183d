import HelpdeskCore

/// What `user reset-password` prints: the keys of `WireUser`, plus `password` only when one was
/// generated. Without `--generate` the key is left out (not null), as it always has been.
public struct WirePasswordReset: Codable, Sendable, Equatable {
    /// The user whose password changed.
    public var user: WireUser
    /// The generated password, shown this once; nil when the admin typed the new password.
    public var password: String?

    /// A reset of `user`'s password, with the password if it was generated.
    public init(_ user: User, generatedPassword: String?) {
        self.user = WireUser(user)
        password = generatedPassword
    }

    private enum CodingKeys: String, CodingKey {
        case password
    }

    /// Reads the user's keys and, when present, `password` from the same object.
    public init(from decoder: any Decoder) throws {
        user = try WireUser(from: decoder)
        password = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .password)
    }

    /// Writes the user's keys and, only when there is one, `password`.
    public func encode(to encoder: any Encoder) throws {
        try user.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(password, forKey: .password)
    }
}
