import Foundation
import HelpdeskCore

/// An HS256 key access tokens are signed with: 256 random bits and a `kid` naming them, kept with
/// the others of its `SigningKeyRing` in a file of mode 0600 beside the database
/// (`<database>.api-key`, `SigningKeyFile`), made on the server's first start.
public struct SigningKey: Sendable, Equatable {
    /// Names the key in each token's header.
    public let kid: String
    /// The 32 secret bytes.
    public let secret: [UInt8]

    /// A key of `secret` named `kid`.
    public init(kid: String, secret: [UInt8]) {
        self.kid = kid
        self.secret = secret
    }

    /// A fresh random key with a random `kid`.
    public static func generate() -> SigningKey {
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let kid = (0..<8).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
        return SigningKey(kid: kid, secret: secret)
    }

    /// The key file's path for the database file at `databasePath`.
    public static func path(besideDatabase databasePath: String) -> String {
        databasePath + ".api-key"
    }
}
