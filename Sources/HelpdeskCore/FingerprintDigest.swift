import Foundation

/// SHA-256, injected where a digest is needed (SSH keys' fingerprints, the API's refresh tokens): the
/// core imports only Foundation, so the digest comes from the engine that has swift-crypto
/// (`SHA256Digester` in HelpdeskSQLite), as password hashing does (`PasswordHasher`).
public protocol FingerprintDigest: Sendable {
    /// The 32-byte SHA-256 digest of `bytes`.
    func sha256(_ bytes: [UInt8]) -> [UInt8]
}
