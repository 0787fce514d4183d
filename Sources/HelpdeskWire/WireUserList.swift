import HelpdeskCore

/// One entry of `user list`: the keys of `WireUser` plus `open_tickets`, in one object.
public struct WireUserListEntry: Codable, Sendable, Equatable {
    /// The user.
    public var user: WireUser
    /// How many active (not resolved or closed) tickets are assigned to the user.
    public var openTickets: Int

    /// A user and their count of open assigned tickets.
    public init(_ user: User, openTickets: Int) {
        self.user = WireUser(user)
        self.openTickets = openTickets
    }

    private enum CodingKeys: String, CodingKey {
        case openTickets = "open_tickets"
    }

    /// Reads the user's keys and `open_tickets` from the same object.
    public init(from decoder: any Decoder) throws {
        user = try WireUser(from: decoder)
        openTickets = try decoder.container(keyedBy: CodingKeys.self).decode(Int.self, forKey: .openTickets)
    }

    /// Writes the user's keys and `open_tickets` into one object.
    public func encode(to encoder: any Encoder) throws {
        try user.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(openTickets, forKey: .openTickets)
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
