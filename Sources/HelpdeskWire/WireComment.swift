import Foundation
import HelpdeskCore

/// One message on a ticket's thread (`ticket comment`, and each entry of `ticket comments` and `ticket show`).
public struct WireComment: Codable, Sendable, Equatable {
    /// The comment's id, unique in the helpdesk.
    public var id: Int64
    /// The author's email.
    public var author: String
    /// The author's display name.
    public var authorName: String
    /// The author's role: `customer`, `agent` or `admin`.
    public var authorRole: Role
    /// The text; may hold newlines.
    public var body: String
    /// True for a note between staff, which customers never see.
    public var `internal`: Bool
    /// When it was written (UTC).
    public var createdAt: Date

    /// A comment by `author`.
    public init(_ comment: Comment, author: UserRef) {
        id = comment.id
        self.author = author.email
        authorName = author.name
        authorRole = author.role
        body = comment.body
        `internal` = comment.isInternal
        createdAt = comment.createdAt
    }

    private enum CodingKeys: String, CodingKey {
        case id, author, body, `internal`
        case authorName = "author_name"
        case authorRole = "author_role"
        case createdAt = "created_at"
    }
}

/// A ticket's thread (`ticket comments`): `{"comments": [...]}`, oldest first.
public struct WireCommentList: Codable, Sendable, Equatable {
    /// The comments the viewer may see.
    public var comments: [WireComment]

    /// The thread.
    public init(comments: [WireComment]) {
        self.comments = comments
    }
}
