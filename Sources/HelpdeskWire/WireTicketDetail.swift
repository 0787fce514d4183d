import Foundation

/// A ticket with its thread (`ticket show`): the keys of `WireTicket` plus `comments`, in one object.
public struct WireTicketDetail: Codable, Sendable, Equatable {
    /// The ticket.
    public var ticket: WireTicket
    /// The comments the viewer may see, oldest first (customers never get internal notes).
    public var comments: [WireComment]

    /// A ticket and the thread the viewer may see.
    public init(ticket: WireTicket, comments: [WireComment]) {
        self.ticket = ticket
        self.comments = comments
    }

    private enum CodingKeys: String, CodingKey {
        case comments
    }

    /// Reads the ticket's keys and `comments` from the same object.
    public init(from decoder: any Decoder) throws {
        ticket = try WireTicket(from: decoder)
        comments = try decoder.container(keyedBy: CodingKeys.self).decode([WireComment].self, forKey: .comments)
    }

    /// Writes the ticket's keys and `comments` into one object.
    public func encode(to encoder: any Encoder) throws {
        try ticket.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(comments, forKey: .comments)
    }
}
