import Foundation

/// The public-key types a helpdesk accepts for SSH, as OpenSSH names them. Certificates
/// (`*-cert-v01@openssh.com`) and `ssh-dss` are refused by `SSHPublicKey.parse`; RSA keys need
/// `SSHPublicKey.minimumRSABits`.
public enum SSHKeyType: String, CaseIterable, Sendable {
    /// Ed25519 (RFC 8709).
    case ed25519 = "ssh-ed25519"
    /// ECDSA on the NIST curves P-256, P-384 and P-521 (RFC 5656).
    case ecdsaP256 = "ecdsa-sha2-nistp256"
    case ecdsaP384 = "ecdsa-sha2-nistp384"
    case ecdsaP521 = "ecdsa-sha2-nistp521"
    /// RSA (RFC 4253), of at least `SSHPublicKey.minimumRSABits`.
    case rsa = "ssh-rsa"
    /// FIDO security keys, Ed25519 and ECDSA P-256 (OpenSSH's PROTOCOL.u2f).
    case securityKeyEd25519 = "sk-ssh-ed25519@openssh.com"
    case securityKeyECDSAP256 = "sk-ecdsa-sha2-nistp256@openssh.com"
}
