import Crypto
import Foundation
import HelpdeskCore
import _CryptoExtras

/// PBKDF2-HMAC-SHA256 with a 16-byte random salt per password, stored as
/// `pbkdf2-sha256$ROUNDS$SALT$HASH` (base64) so the cost can rise without invalidating old hashes.
/// 600,000 rounds is OWASP's current recommendation for PBKDF2-HMAC-SHA256.
public struct PBKDF2PasswordHasher: PasswordHasher {
    /// OWASP's current figure for PBKDF2-HMAC-SHA256.
    public static let recommendedRounds = 600_000
    /// Iterations per hash (tests lower it; stored in each hash, so verification follows the hash).
    public let rounds: Int

    /// `rounds` below the recommendation is for tests only; it is never chosen by a user.
    /// A hasher at `rounds` iterations.
    public init(rounds: Int = PBKDF2PasswordHasher.recommendedRounds) {
        self.rounds = rounds
    }

    /// `pbkdf2-sha256$ROUNDS$SALT$KEY` with a fresh 16-byte salt (base64).
    /// - Throws: swift-crypto's error when the key derivation fails (it does not for valid rounds).
    public func hash(_ password: String) throws -> String {
        var salt = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = generator.next() }
        let derived = try derive(password, salt: salt, rounds: rounds)
        return "pbkdf2-sha256$\(rounds)$\(Data(salt).base64EncodedString())$\(Data(derived).base64EncodedString())"
    }

    /// Whether `password` matches `stored`, compared in constant time; false for a malformed hash
    /// or one whose round count lies outside 1...`maximumRounds`. Any round count in that range is
    /// verified as stored, so hashes made under an older policy (or by the tests' fixtures) still work.
    public func verify(_ password: String, against stored: String) -> Bool {
        guard let (storedRounds, salt, expected) = Self.parse(stored),
            let derived = try? derive(password, salt: salt, rounds: storedRounds)
        else { return false }
        return Self.constantTimeEquals(expected, derived)
    }

    /// True when `stored` has fewer rounds than this hasher makes (or cannot be read), so that the
    /// next successful login stores a fresh hash.
    public func needsRehash(_ stored: String) -> Bool {
        guard let (storedRounds, _, _) = Self.parse(stored) else { return true }
        return storedRounds < rounds
    }

    /// The most rounds a stored hash may ask for: 20 times the recommendation, so that a hash
    /// written by hand cannot make a login compute for hours.
    public static let maximumRounds = 20 * recommendedRounds

    private static func parse(_ stored: String) -> (rounds: Int, salt: [UInt8], key: [UInt8])? {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "pbkdf2-sha256", let storedRounds = Int(parts[1]),
            (1...maximumRounds).contains(storedRounds),
            let salt = Data(base64Encoded: String(parts[2])), let expected = Data(base64Encoded: String(parts[3]))
        else { return nil }
        return (storedRounds, Array(salt), Array(expected))
    }

    private func derive(_ password: String, salt: [UInt8], rounds: Int) throws -> [UInt8] {
        let key = try KDF.Insecure.PBKDF2.deriveKey(
            from: Array(password.utf8), salt: salt, using: .sha256, outputByteCount: 32, unsafeUncheckedRounds: rounds)
        return key.withUnsafeBytes { Array($0) }
    }

    /// Looks at every byte whatever the first difference, so timing does not reveal how much matched.
    static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
