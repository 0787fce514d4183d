import Foundation

/// How urgent a ticket is; sets its SLA targets.
public enum Priority: String, CaseIterable, Codable, Sendable {
    case low
    case medium
    case high
    case urgent

    public static let `default`: Priority = .medium

    /// Sort order with the most urgent first (urgent = 0), so that an ascending index serves
    /// "most urgent first" queues.
    public var sortRank: Int {
        switch self {
        case .urgent: 0
        case .high: 1
        case .medium: 2
        case .low: 3
        }
    }

    /// The seed's SLA targets.
    public var targets: SLATargets {
        let hour: TimeInterval = 3600
        switch self {
        case .urgent: return SLATargets(firstResponse: 2 * hour, resolution: 24 * hour)
        case .high: return SLATargets(firstResponse: 4 * hour, resolution: 48 * hour)
        case .medium: return SLATargets(firstResponse: 8 * hour, resolution: 5 * 24 * hour)
        case .low: return SLATargets(firstResponse: 24 * hour, resolution: 10 * 24 * hour)
        }
    }
}

/// The time allowed for each SLA clock, counted from creation with paused time excluded.
public struct SLATargets: Sendable, Equatable {
    public let firstResponse: TimeInterval
    public let resolution: TimeInterval
}
