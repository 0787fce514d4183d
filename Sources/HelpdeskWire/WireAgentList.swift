import HelpdeskCore

/// One entry of `agents list`: the keys of `WireUser` plus `open_assigned`, in one object.
public struct WireAgent: Codable, Sendable, Equatable {
    /// The agent or admin.
    public var user: WireUser
    /// How many active tickets are assigned to them now.
    public var openAssigned: Int

    /// A member of staff and their current load.
    public init(_ user: User, openAssigned: Int) {
        self.user = WireUser(user)
        self.openAssigned = openAssigned
    }

    private enum CodingKeys: String, CodingKey {
        case openAssigned = "open_assigned"
    }

    /// Reads the user's keys and `open_assigned` from the same object.
    public init(from decoder: any Decoder) throws {
        user = try WireUser(from: decoder)
        openAssigned = try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .openAssigned)
    }

    /// Writes the user's keys and `open_assigned` into one object.
    public func encode(to encoder: any Encoder) throws {
        try user.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(openAssigned, forKey: .openAssigned)
    }
}

/// `agents list`: `{"agents": [...]}`.
public struct WireAgentList: Codable, Sendable, Equatable {
    /// Agents and admins.
    public var agents: [WireAgent]

    /// The list.
    public init(agents: [WireAgent]) {
        self.agents = agents
    }
}
