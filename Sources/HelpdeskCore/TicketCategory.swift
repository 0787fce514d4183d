/// What a ticket is about.
public enum TicketCategory: String, CaseIterable, Codable, Sendable {
    case technical
    case billing
    case general
    case featureRequest = "feature_request"

    public static let `default`: TicketCategory = .general
}
