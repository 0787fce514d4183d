/// The helpdesk-wide switches (`settings show`, `settings auto-assign`, `settings token-idle-days`,
/// `settings token-max-days`): `{"auto_assign": true|false, "token_idle_days": 14, "token_max_days": 30}`.
public struct WireSettings: Codable, Sendable, Equatable {
    /// True when new tickets go to the active agent with the fewest active tickets.
    public var autoAssign: Bool
    /// Days an API session lives without a refresh.
    public var tokenIdleDays: Int
    /// Days an API session lives from its login.
    public var tokenMaxDays: Int

    /// The settings.
    public init(autoAssign: Bool, tokenIdleDays: Int, tokenMaxDays: Int) {
        self.autoAssign = autoAssign
        self.tokenIdleDays = tokenIdleDays
        self.tokenMaxDays = tokenMaxDays
    }

    private enum CodingKeys: String, CodingKey {
        case autoAssign = "auto_assign"
        case tokenIdleDays = "token_idle_days"
        case tokenMaxDays = "token_max_days"
    }
}
