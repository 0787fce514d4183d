/// The helpdesk-wide switches (`settings show` and every `settings` change): `{"auto_assign":
/// true|false, "ssh_guest_limit": 20, "ssh_guests": true|false, "token_idle_days": 14, "token_max_days": 30}`.
public struct WireSettings: Codable, Sendable, Equatable {
    /// True when new tickets go to the active agent with the fewest active tickets.
    public var autoAssign: Bool
    /// True when a key registered to no one may open the login and registration screens over SSH.
    public var sshGuests: Bool
    /// How many guest sessions over SSH may be open at once.
    public var sshGuestLimit: Int
    /// Days an API session lives without a refresh.
    public var tokenIdleDays: Int
    /// Days an API session lives from its login.
    public var tokenMaxDays: Int

    /// The settings.
    public init(autoAssign: Bool, sshGuests: Bool, sshGuestLimit: Int, tokenIdleDays: Int, tokenMaxDays: Int) {
        self.autoAssign = autoAssign
        self.sshGuests = sshGuests
        self.sshGuestLimit = sshGuestLimit
        self.tokenIdleDays = tokenIdleDays
        self.tokenMaxDays = tokenMaxDays
    }

    private enum CodingKeys: String, CodingKey {
        case autoAssign = "auto_assign"
        case sshGuests = "ssh_guests"
        case sshGuestLimit = "ssh_guest_limit"
        case tokenIdleDays = "token_idle_days"
        case tokenMaxDays = "token_max_days"
    }
}
