import HelpdeskCore

/// One entry of `user list`: the keys of `WireUser` plus `open_tickets`.
public typealias WireUserListEntry = WireMerged<WireUser, WireOpenTickets>

extension WireMerged where Base == WireUser, Extra == WireOpenTickets {
    /// A user and their count of open assigned tickets.
    public init(_ user: User, openTickets: Int) {
        self.init(WireUser(user), WireOpenTickets(openTickets: openTickets))
    }
}

/// `{"open_tickets": N}`: how many active (not resolved or closed) tickets are assigned to a user.
public struct WireOpenTickets: Codable, Sendable, Equatable {
    /// The count.
    public var openTickets: Int

    /// A count.
    public init(openTickets: Int) {
        self.openTickets = openTickets
    }

    private enum CodingKeys: String, CodingKey {
        case openTickets = "open_tickets"
    }
}

/// `user list`: `{"users": [...]}`.
public struct WireUserList: Codable, Sendable, Equatable {
    /// The users, in the store's order (by email).
    public var users: [WireUserListEntry]

    /// The list.
    public init(users: [WireUserListEntry]) {
        self.users = users
    }
}
