/// Who a user is to the helpdesk; decides what they may see and do.
public enum Role: String, CaseIterable, Codable, Sendable {
    case customer
    case agent
    case admin

    /// Agents and admins: the people who work tickets and may read internal notes.
    public var isStaff: Bool { self != .customer }
}
