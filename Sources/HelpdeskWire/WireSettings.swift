/// The helpdesk-wide switches (`settings show`, `settings auto-assign`): `{"auto_assign": true|false}`.
public struct WireSettings: Codable, Sendable, Equatable {
    /// True when new tickets go to the active agent with the fewest active tickets.
    public var autoAssign: Bool

    /// The settings.
    public init(autoAssign: Bool) {
        self.autoAssign = autoAssign
    }

    private enum CodingKeys: String, CodingKey {
        case autoAssign = "auto_assign"
    }
}
