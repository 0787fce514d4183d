import Foundation

/// `ssh authorized-keys --write PATH`: the file written and how many keys its helpdesk block holds.
public struct WireAuthorizedKeysFile: Codable, Sendable, Equatable {
    /// The file, as given.
    public var path: String
    /// The lines in its helpdesk block (one per key of an active user).
    public var keys: Int

    /// The outcome.
    public init(path: String, keys: Int) {
        self.path = path
        self.keys = keys
    }
}
