import Foundation

/// What `helpdesk api rotate-key --json` prints: the kid that signs from now on, and the older keys
/// that still verify, each until when. Never a key's secret.
public struct WireKeyRotation: Codable, Sendable, Equatable {
    /// A retired key: its kid and the instant after which it no longer verifies.
    public struct Retired: Codable, Sendable, Equatable {
        public var kid: String
        public var verifiesUntil: Date

        enum CodingKeys: String, CodingKey {
            case kid
            case verifiesUntil = "verifies_until"
        }

        public init(kid: String, verifiesUntil: Date) {
            self.kid = kid
            self.verifiesUntil = verifiesUntil
        }
    }

    /// The kid new access tokens carry.
    public var signingKid: String
    /// Oldest first.
    public var retired: [Retired]

    enum CodingKeys: String, CodingKey {
        case signingKid = "signing_kid"
        case retired
    }

    public init(signingKid: String, retired: [Retired]) {
        self.signingKid = signingKid
        self.retired = retired
    }
}
