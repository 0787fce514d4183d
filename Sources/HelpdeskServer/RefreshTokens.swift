import Foundation
import HelpdeskCore

/// Refresh tokens: 32 random bytes, base64url, given to the client once; the store keeps only
/// their SHA-256 digest, so a copy of the database cannot be used to log in. The digest is the one the
/// helpdesk is given (`Helpdesk.digest`, which also fingerprints SSH keys).
enum RefreshTokens {
    /// A fresh token and its digest.
    static func generate(_ sha256: any FingerprintDigest) -> (token: String, digest: [UInt8]) {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let token = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return (token, digest(token, sha256))
    }

    /// The digest a presented token is looked up by.
    static func digest(_ token: String, _ sha256: any FingerprintDigest) -> [UInt8] {
        sha256.sha256(Array(token.utf8))
    }
}
