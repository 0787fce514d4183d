import Foundation
import HelpdeskCore
import Testing

/// Keys are parsed down to their wire encoding and re-serialised, so nothing but one key of an
/// accepted type is ever stored or written into an `authorized_keys` line.
struct SSHPublicKeyTests {
    static let ed25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBbherc8wXtERFv4BhVI8f7vH6Wk1syY5OW+ECEt69XM k1"

    /// RFC 4251 `string`s, to build wire encodings by hand.
    static func wire(_ fields: [[UInt8]]) -> String {
        var bytes: [UInt8] = []
        for field in fields {
            let n = UInt32(field.count)
            bytes += [UInt8(n >> 24), UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)] + field
        }
        return Data(bytes).base64EncodedString()
    }

    static func text(_ string: String) -> [UInt8] { Array(string.utf8) }

    /// A digest that ignores its input: the fingerprint's shape is the core's, the digest swift-crypto's.
    struct FixedDigest: FingerprintDigest {
        func sha256(_ bytes: [UInt8]) -> [UInt8] { Array(repeating: 0xfb, count: 32) }
    }

    @Test func aPastedKeyIsStoredAsTypeAndBase64AloneWithoutItsComment() throws {
        let key = try SSHPublicKey.parse(Self.ed25519 + "\n")
        #expect(key.type == .ed25519)
        #expect(key.text == "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBbherc8wXtERFv4BhVI8f7vH6Wk1syY5OW+ECEt69XM")
        #expect(key.fingerprint(using: FixedDigest()) == "SHA256:" + String(repeating: "+/v7", count: 10) + "+/s")
    }

    @Test func securityKeysOfBothAcceptedTypesParse() throws {
        let ed = Self.wire([Self.text("sk-ssh-ed25519@openssh.com"), Array(repeating: 7, count: 32), Self.text("ssh:")])
        #expect(try SSHPublicKey.parse("sk-ssh-ed25519@openssh.com \(ed) yubikey").type == .securityKeyEd25519)
        let point = [UInt8(4)] + Array(repeating: 9, count: 64)
        let ec = Self.wire([Self.text("sk-ecdsa-sha2-nistp256@openssh.com"), Self.text("nistp256"), point, Self.text("ssh:")])
        #expect(try SSHPublicKey.parse("sk-ecdsa-sha2-nistp256@openssh.com \(ec)").type == .securityKeyECDSAP256)
    }

    @Test func eachRefusalNamesItsRuleOnKey() throws {
        let refused: [(String, String)] = [
            ("", "empty"),
            (Self.ed25519 + "\nssh-ed25519 AAAA", "second line"),
            ("command=\"/bin/sh\" " + Self.ed25519, "option prefix"),
            ("restrict,pty " + Self.ed25519, "option prefix"),
            ("ssh-ed25519-cert-v01@openssh.com AAAAIHNzaC1lZDI1NTE5LWNlcnQtdjAxQG9wZW5zc2guY29 dan", "certificates"),
            ("ssh-dss AAAAB3NzaC1kc3MAAACBAJy66zonJH48Nlc1biDhRld4PZXWX5bd", "ssh-dss"),
            ("ssh-foo AAAA", "unknown key type"),
            ("ssh-ed25519", "no key data"),
            ("ssh-ed25519 not*base64", "base64"),
            // An ed25519 encoding under the RSA name.
            ("ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIBbherc8wXtERFv4BhVI8f7vH6Wk1syY5OW+ECEt69XM", "names another type"),
            // A 31-byte ed25519 key, and one with trailing bytes.
            ("ssh-ed25519 " + Self.wire([Self.text("ssh-ed25519"), Array(repeating: 1, count: 31)]), "well-formed"),
            ("ssh-ed25519 " + Self.wire([Self.text("ssh-ed25519"), Array(repeating: 1, count: 32), [0]]), "well-formed"),
            ("ssh-rsa " + Self.wire([Self.text("ssh-rsa"), [1, 0, 1], [0x7f] + Array(repeating: 0xff, count: 127)]), "at least 2048 bits"),
        ]
        for (text, rule) in refused {
            let error = expectError(.validation, field: "key", Comment(rawValue: text)) { try SSHPublicKey.parse(text) }
            #expect(error?.fieldErrors["key"]?.first?.contains(rule) == true, "\(text): \(String(describing: error))")
        }
    }

    @Test func anRSAKeyOf2048BitsIsAccepted() throws {
        let modulus = [UInt8(0), 0x80] + Array(repeating: 0x01, count: 255)
        let key = try SSHPublicKey.parse("ssh-rsa " + Self.wire([Self.text("ssh-rsa"), [1, 0, 1], modulus]))
        #expect(key.type == .rsa)
    }

    @Test func aFingerprintIsSHA256And43Base64Characters() throws {
        #expect(try SSHFingerprint.validate("SHA256:VqY72o1qWHeK0OQHzXZbVisb/6w0K7f19vY6/jgJ+zQ") == "SHA256:VqY72o1qWHeK0OQHzXZbVisb/6w0K7f19vY6/jgJ+zQ")
        for bad in ["VqY72o1qWHeK0OQHzXZbVisb/6w0K7f19vY6/jgJ+zQ", "SHA256:short", "MD5:VqY72o1qWHeK0OQHzXZbVisb/6w0K7f19vY6/jgJ+zQ",
                    "SHA256:VqY72o1qWHeK0OQHzXZbVisb/6w0K7f19vY6/jgJ+z;"] {
            expectError(.validation, field: "fingerprint", Comment(rawValue: bad)) { try SSHFingerprint.validate(bad) }
        }
    }
}
