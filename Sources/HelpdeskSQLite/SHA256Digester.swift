import Crypto
import HelpdeskCore

/// swift-crypto's SHA-256 for SSH key fingerprints. It lives in the engine's target because that
/// target already depends on swift-crypto (for PBKDF2); the core, which defines the fingerprint,
/// imports only Foundation and is handed this through `Helpdesk`.
public struct SHA256Digester: FingerprintDigest {
    /// The digester (stateless).
    public init() {}

    /// The 32-byte SHA-256 digest of `bytes`.
    public func sha256(_ bytes: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: bytes))
    }
}
