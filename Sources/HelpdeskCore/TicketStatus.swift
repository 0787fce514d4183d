/// Where a ticket stands in the workflow.
public enum TicketStatus: String, CaseIterable, Sendable {
    case open
    case assigned
    case inProgress = "in_progress"
    case waiting
    case resolved
    case closed
    case reopened

    /// Statuses in which somebody still owes the customer work.
    public var isActive: Bool { self != .resolved && self != .closed }

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
