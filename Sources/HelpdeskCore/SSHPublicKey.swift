import Foundation

/// An OpenSSH public key, parsed from its `authorized_keys` text (`TYPE BASE64 [COMMENT]`) and
/// checked down to its wire encoding (RFC 4253 §6.6, RFC 5656, RFC 8709, OpenSSH's PROTOCOL.u2f),
/// so that what is stored and later written into an `authorized_keys` line is exactly one key:
/// never options, never a second line, never a comment.
public struct SSHPublicKey: Sendable, Equatable {
    /// RSA keys shorter than this are refused (OpenSSH's own floor since 8.8 is 1024; NIST's is 2048).
    public static let minimumRSABits = 2048
    /// RSA keys longer than this are refused (OpenSSH's limit, `SSHBUF_MAX_BIGNUM`).
    public static let maximumRSABits = 16384
    /// Longer pasted text is refused before it is read (an RSA key of 16384 bits is about 2,800 characters).
    public static let maximumTextLength = 16 * 1024

    /// The key's type.
    public let type: SSHKeyType
    /// The key's wire encoding (what the base64 text decodes to, and what a fingerprint digests).
    public let blob: [UInt8]

    /// The wire encoding in standard base64, as `authorized_keys` holds it.
    public var base64: String { Data(blob).base64EncodedString() }

    /// `TYPE BASE64`: the key alone, re-serialised from what was parsed.
    public var text: String { "\(type.rawValue) \(base64)" }

    /// The fingerprint exactly as `ssh-keygen -lf` prints it: `SHA256:` and the digest of the wire
    /// encoding in base64 without padding (43 characters).
    public func fingerprint(using digest: some FingerprintDigest) -> String {
        SSHFingerprint.prefix + Data(digest.sha256(blob)).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    /// Parses one key as pasted or read from a `.pub` file: `TYPE BASE64 [COMMENT]` on one line
    /// (a final line break is allowed). The comment is dropped.
    /// - Throws: `VALIDATION_ERROR` on `field`, naming the rule: empty text; more than one line;
    ///   an option prefix (`command="…" ssh-ed25519 …`); a certificate; `ssh-dss`; an unknown type;
    ///   base64 that does not decode; an encoding that is not a key of the named type; an RSA key
    ///   shorter than `minimumRSABits`.
    public static func parse(_ text: String, field: String = "key") throws -> SSHPublicKey {
        guard text.utf8.count <= maximumTextLength else {
            throw HelpdeskError.validation(field, "is longer than \(maximumTextLength) characters: not a public key")
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw HelpdeskError.validation(field, "is empty: give a public key like ssh-ed25519 AAAA…") }
        guard !trimmed.contains(where: { $0.isNewline }) else {
            throw HelpdeskError.validation(field, "must be one line: a second line is refused (add one key at a time)")
        }
        let tokens = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let first = tokens[0]
        guard let type = SSHKeyType(rawValue: first) else {
            if let refusal = refusal(ofType: first) { throw HelpdeskError.validation(field, refusal) }
            if tokens.dropFirst().contains(where: { SSHKeyType(rawValue: $0) != nil || refusal(ofType: $0) != nil }) {
                throw HelpdeskError.validation(
                    field, "an option prefix (\(first.prefix(40))…) is refused: give the key alone, as TYPE BASE64 [COMMENT]")
            }
            throw HelpdeskError.validation(field, "unknown key type \(first.prefix(60)); accepted: \(acceptedTypes)")
        }
        guard tokens.count >= 2 else { throw HelpdeskError.validation(field, "has no key data after its type \(first)") }
        return try parse(type: type.rawValue, base64: tokens[1], field: field)
    }

    /// Parses a key given as its type and base64 data apart (sshd's `%t` and `%k`).
    /// - Throws: `VALIDATION_ERROR` on `field`, as `parse(_:field:)`.
    public static func parse(type typeName: String, base64: String, field: String = "key") throws -> SSHPublicKey {
        guard let type = SSHKeyType(rawValue: typeName) else {
            throw HelpdeskError.validation(field, refusal(ofType: typeName) ?? "unknown key type \(typeName.prefix(60)); accepted: \(acceptedTypes)")
        }
        guard base64.utf8.count <= maximumTextLength, let data = Data(base64Encoded: base64) else {
            throw HelpdeskError.validation(field, "the key data is not valid base64")
        }
        let blob = [UInt8](data)
        do {
            try check(blob, as: type, field: field)
        } catch let error as HelpdeskError {
            throw error
        } catch {
            throw HelpdeskError.validation(field, "the key data is not a well-formed \(type.rawValue) key")
        }
        return SSHPublicKey(type: type, blob: blob)
    }

    private static var acceptedTypes: String { SSHKeyType.allCases.map(\.rawValue).joined(separator: ", ") }

    /// Why a type OpenSSH knows is refused here, or nil for a name that is no refused type.
    private static func refusal(ofType name: String) -> String? {
        if name.hasSuffix("-cert-v01@openssh.com") { return "certificates (\(name.prefix(60))) are refused: add the plain public key" }
        if name == "ssh-dss" { return "ssh-dss (DSA) keys are refused: OpenSSH no longer accepts them; use ssh-ed25519" }
        return nil
    }

    private struct Malformed: Error {}

    /// Reads the wire encoding field by field; anything left over, short or inconsistent is malformed.
    private static func check(_ blob: [UInt8], as type: SSHKeyType, field: String) throws {
        var reader = WireReader(bytes: blob)
        guard try reader.string() == Array(type.rawValue.utf8) else {
            throw HelpdeskError.validation(field, "the key data names another type than \(type.rawValue)")
        }
        switch type {
        case .ed25519:
            guard try reader.string().count == 32 else { throw Malformed() }
        case .securityKeyEd25519:
            guard try reader.string().count == 32 else { throw Malformed() }
            _ = try reader.string()  // the application, "ssh:" usually
        case .ecdsaP256, .ecdsaP384, .ecdsaP521, .securityKeyECDSAP256:
            let (curve, pointLength): (String, Int) =
                switch type {
                case .ecdsaP384: ("nistp384", 97)
                case .ecdsaP521: ("nistp521", 133)
                default: ("nistp256", 65)
                }
            guard try reader.string() == Array(curve.utf8) else { throw Malformed() }
            let point = try reader.string()
            guard point.count == pointLength, point.first == 0x04 else { throw Malformed() }
            if type == .securityKeyECDSAP256 { _ = try reader.string() }
        case .rsa:
            let exponent = try reader.string(), modulus = try reader.string()
            let bits = Self.bits(ofPositive: modulus)
            guard Self.bits(ofPositive: exponent) > 0, bits > 0 else { throw Malformed() }
            guard bits >= minimumRSABits else {
                throw HelpdeskError.validation(field, "an ssh-rsa key needs at least \(minimumRSABits) bits (this one has \(bits))")
            }
            guard bits <= maximumRSABits else {
                throw HelpdeskError.validation(field, "an ssh-rsa key may have at most \(maximumRSABits) bits (this one has \(bits))")
            }
        }
        guard reader.isAtEnd else { throw Malformed() }
    }

    /// The bit length of an SSH `mpint` that must be positive (0 for zero or a negative number).
    private static func bits(ofPositive mpint: [UInt8]) -> Int {
        guard let first = mpint.first, first & 0x80 == 0 else { return 0 }
        guard let index = mpint.firstIndex(where: { $0 != 0 }) else { return 0 }
        return (mpint.count - index - 1) * 8 + (8 - mpint[index].leadingZeroBitCount)
    }

    /// RFC 4251 §5 `string`s: a big-endian 32-bit length, then that many bytes.
    private struct WireReader {
        let bytes: [UInt8]
        var offset = 0

        var isAtEnd: Bool { offset == bytes.count }

        mutating func string() throws -> [UInt8] {
            guard bytes.count - offset >= 4 else { throw Malformed() }
            let length = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            offset += 4
            guard bytes.count - offset >= length else { throw Malformed() }
            defer { offset += length }
            return Array(bytes[offset..<offset + length])
        }
    }
}
