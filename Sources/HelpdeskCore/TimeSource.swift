import Foundation

/// Where the core reads the current time. Every rule that depends on time takes one, so tests and the
/// command line's `--now` pin the clock instead of waiting for it.
public protocol TimeSource: Sendable {
    func now() -> Date
}

/// The wall clock, truncated to whole milliseconds so that a time survives a round trip through the
/// store unchanged.
public struct SystemTimeSource: TimeSource {
    public init() {}

    public func now() -> Date {
        Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }
}

/// A clock that always answers the same instant.
public struct FixedTimeSource: TimeSource {
    public let date: Date

    public init(_ date: Date) {
        self.date = date
    }

    public func now() -> Date { date }
}
