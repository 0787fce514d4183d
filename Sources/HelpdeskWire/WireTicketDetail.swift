/// A ticket with its thread (`ticket show`): the keys of `WireTicket` plus `comments`, the comments
/// the viewer may see, oldest first (customers never get internal notes).
public typealias WireTicketDetail = WireMerged<WireTicket, WireCommentList>

extension WireMerged where Base == WireTicket, Extra == WireCommentList {
    /// A ticket and the thread the viewer may see.
    public init(ticket: WireTicket, comments: [WireComment]) {
        self.init(ticket, WireCommentList(comments: comments))
    }
}
