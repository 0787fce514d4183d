import Foundation

/// A message on a ticket's thread. Internal comments are notes between staff and never reach a
/// customer.
public struct Comment: Sendable, Equatable {
    public var id: Int64
    public var ticketId: Int64
    public var authorId: Int64
    public var body: String
    public var isInternal: Bool
    public var createdAt: Date

    public init(id: Int64 = 0, ticketId: Int64, authorId: Int64, body: String, isInternal: Bool, createdAt: Date) {
        self.id = id
        self.ticketId = ticketId
        self.authorId = authorId
        self.body = body
        self.isInternal = isInternal
        self.createdAt = createdAt
    }
}
