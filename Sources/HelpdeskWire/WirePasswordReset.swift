import HelpdeskCore

/// What `user reset-password` prints: the keys of `WireUser`, plus `password` only when one was
/// generated. Without `--generate` the key is left out (not null), as it always has been.
public typealias WirePasswordReset = WireMerged<WireUser, WireGeneratedPassword>

extension WireMerged where Base == WireUser, Extra == WireGeneratedPassword {
    /// A reset of `user`'s password, with the password if it was generated.
    public init(_ user: User, generatedPassword: String?) {
        self.init(WireUser(user), WireGeneratedPassword(password: generatedPassword))
    }
}

/// `{"password": "…"}` when a password was generated, `{}` when the admin typed it.
public struct WireGeneratedPassword: Codable, Sendable, Equatable {
    /// The generated password, shown this once; nil (and the key left out) when it was typed.
    public var password: String?

    /// A generated password, or nil.
    public init(password: String?) {
        self.password = password
    }
}
