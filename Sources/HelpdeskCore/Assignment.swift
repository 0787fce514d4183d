import Foundation

/// An agent's current load, as automatic assignment weighs it.
public struct AgentLoad: Sendable, Equatable {
    public var agentId: Int64
    /// Tickets assigned to the agent in assigned, in_progress or reopened.
    public var activeTickets: Int
    public var lastAssignedAt: Date?

    public init(agentId: Int64, activeTickets: Int, lastAssignedAt: Date?) {
        self.agentId = agentId
        self.activeTickets = activeTickets
        self.lastAssignedAt = lastAssignedAt
    }
}

public enum AutoAssignment {
    /// The statuses counted as an agent's load.
    public static let loadStatuses: [TicketStatus] = [.assigned, .inProgress, .reopened]

    /// Whom automatic assignment may pick: active agents (admins are assigned only by name).
    public static let candidateRoles: [Role] = [.agent]

    /// Whether automatic assignment may pick `user`.
    public static func isCandidate(_ user: User) -> Bool { user.isActive && candidateRoles.contains(user.role) }

    /// The agent with the fewest active tickets; ties go to the one assigned least recently
    /// (never assigned counts as longest ago), then to the lowest id so the choice is stable.
    public static func choose(from candidates: [AgentLoad]) -> Int64? {
        candidates.min { a, b in
            if a.activeTickets != b.activeTickets { return a.activeTickets < b.activeTickets }
            let aTime = a.lastAssignedAt ?? .distantPast, bTime = b.lastAssignedAt ?? .distantPast
            if aTime != bTime { return aTime < bTime }
            return a.agentId < b.agentId
        }?.agentId
    }
}
