import HelpdeskCore

/// One entry of `agents list`: the keys of `WireUser` plus `open_assigned`.
public typealias WireAgent = WireMerged<WireUser, WireOpenAssigned>

extension WireMerged where Base == WireUser, Extra == WireOpenAssigned {
    /// A member of staff and their current load.
    public init(_ user: User, openAssigned: Int) {
        self.init(WireUser(user), WireOpenAssigned(openAssigned: openAssigned))
    }
}

/// `{"open_assigned": N}`: how many active tickets are assigned to an agent or admin now.
public struct WireOpenAssigned: Codable, Sendable, Equatable {
    /// The count.
    public var openAssigned: Int

    /// A count.
    public init(openAssigned: Int) {
        self.openAssigned = openAssigned
    }

    private enum CodingKeys: String, CodingKey {
        case openAssigned = "open_assigned"
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
