/// Where a ticket stands in the workflow.
public enum TicketStatus: String, CaseIterable, Codable, Sendable {
    case open
    case assigned
    case inProgress = "in_progress"
    case waiting
    case resolved
    case closed
    case reopened

    /// The statuses in which nobody owes the customer work any more: the one list every count,
    /// report, index and query of "active" (or "open", in the seed's reports) is derived from.
    public static let finished: [TicketStatus] = [.resolved, .closed]

    /// Statuses in which somebody still owes the customer work (not `finished`).
    public var isActive: Bool { !Self.finished.contains(self) }

    /// Statuses in which the SLA clocks do not run: waiting on the customer, or finished.
    public var pausesSLA: Bool { self == .waiting || self == .resolved || self == .closed }

    /// The words shown to people.
    public var label: String {
        switch self {
        case .inProgress: "in progress"
        default: rawValue
        }
    }
}
