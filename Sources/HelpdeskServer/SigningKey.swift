import Foundation
import HelpdeskCore

/// The HS256 key access tokens are signed with: 256 random bits and a `kid` naming them, kept in a
/// file of mode 0600 beside the database (`<database>.api-key`), made on the server's first start.
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

    /// The key stored at `path`, made there (mode 0600, never through a link) when there is no file.
    /// Two servers starting at once agree: the loser of the creation reads the winner's file.
    /// - Throws: `INTERNAL_ERROR` when the file cannot be made or read, is a link, is readable by
    ///   anyone but its owner, or does not hold a key.
    public static func loadOrCreate(at path: String) throws -> SigningKey {
        let fresh = generate()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            defer { close(descriptor) }
            let text = Array("\(fresh.kid) \(Data(fresh.secret).base64EncodedString())\n".utf8)
            let written = text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written == text.count, fsync(descriptor) == 0 else {
                throw HelpdeskError(.internalError, "Could not write the API key file \(path)")
            }
            return fresh
        }
        guard errno == EEXIST else { throw HelpdeskError(.internalError, "Could not create the API key file \(path) (errno \(errno))") }
        return try readFile(path)
    }

    private static func readFile(_ path: String) throws -> SigningKey {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw HelpdeskError(.internalError, "Could not open the API key file \(path) (errno \(errno))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & 0o077 == 0 else {
            throw HelpdeskError(.internalError, "The API key file \(path) must be readable by its owner only (chmod 600)")
        }
        var bytes = [UInt8](repeating: 0, count: 256)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        let parts = count > 0 ? String(decoding: bytes.prefix(count), as: UTF8.self).split(whereSeparator: \.isWhitespace) : []
        guard parts.count == 2, let secret = Data(base64Encoded: String(parts[1])), secret.count == 32 else {
            throw HelpdeskError(.internalError, "The API key file \(path) does not hold a key")
        }
        return SigningKey(kid: String(parts[0]), secret: Array(secret))
    }
}
