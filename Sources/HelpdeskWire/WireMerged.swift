/// The keys of two shapes in one JSON object: how `ticket show` adds `comments` to a ticket, and how
/// the user lists and a password reset add a key to a user. The two must not share a key.
public struct WireMerged<Base: Codable & Sendable & Equatable, Extra: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    /// The shape whose keys come first in meaning (the ticket, the user).
    public var base: Base
    /// The keys added to it.
    public var extra: Extra

    /// `base`'s keys and `extra`'s.
    public init(_ base: Base, _ extra: Extra) {
        self.base = base
        self.extra = extra
    }

    /// Reads both shapes from the same object.
    public init(from decoder: any Decoder) throws {
        base = try Base(from: decoder)
        extra = try Extra(from: decoder)
    }

    /// Writes both shapes into one object.
    public func encode(to encoder: any Encoder) throws {
        try base.encode(to: encoder)
        try extra.encode(to: encoder)
    }
}
