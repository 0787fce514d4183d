/// Where a login attempt comes from, which decides what its failures lock (`LoginLockout`).
///
/// Issue 14: "API login failures lock the account for that client address only (a stranger on the
/// network cannot lock an admin out of the console)". Failures from the machine itself lock the
/// account as they always did; failures from elsewhere lock the account only for the origin that
/// failed, so guessing from one address (or with one SSH guest key) locks that address (or key)
/// out and nobody else.
public enum LoginOrigin: Sendable, Hashable {
    /// The console and the command line on the machine: failures lock the account itself, for
    /// every origin (the lockout stored on the user).
    case local
    /// An HTTP API client, by the socket peer's IP address as the server saw it (never a header).
    case address(String)
    /// An SSH guest, by the SHA-256 fingerprint of the key it signed with (`SHA256:…`).
    case sshGuestKey(fingerprint: String)

    /// The name its lockout is stored under: nil for `.local` (stored on the user's row),
    /// `address:<ip>` (an IPv6 address by its /64, `ClientAddressScope`) or `ssh-guest-key:<fingerprint>` otherwise.
    public var lockoutKey: String? {
        switch self {
        case .local: nil
        case .address(let address): "address:\(ClientAddressScope.of(address))"
        case .sshGuestKey(let fingerprint): "ssh-guest-key:\(fingerprint)"
        }
    }

    /// How the audit log names it: `local`, the address, or `ssh-guest-key SHA256:…`.
    public var auditDescription: String {
        switch self {
        case .local: "local"
        case .address(let address): address
        case .sshGuestKey(let fingerprint): "ssh-guest-key \(fingerprint)"
        }
    }
}
