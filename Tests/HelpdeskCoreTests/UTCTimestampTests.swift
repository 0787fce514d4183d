import Foundation
import Testing
@testable import HelpdeskCore

@Suite struct UTCTimestampTests {
    /// Random instants from 1901 to 2199, whole seconds and milliseconds, against Foundation.
    @Test func formatsAndParsesAsFoundationDoes() throws {
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let seed = TestSeed(default: 1901)
        var generator = SplitMix64(seed: seed.value)
        for index in 0..<2_000 {
            let seconds = Double(Int64.random(in: -2_171_000_000...7_258_000_000, using: &generator))
            let date = Date(timeIntervalSince1970: index % 2 == 0 ? seconds : seconds + Double(Int.random(in: 1...999, using: &generator)) / 1000)
            let expected = index % 2 == 0 ? plain.string(from: date) : fractional.string(from: date)
            #expect(UTCTimestamp.iso8601(date) == expected, "\(seed)")
            let parsed = try #require(UTCTimestamp.parseISO8601(expected), "\(expected); \(seed)")
            #expect(abs(parsed.timeIntervalSince1970 - date.timeIntervalSince1970) < 0.0005, "\(expected); \(seed)")
        }
    }

    @Test func readsOffsetsAndRefusesImpossibleDates() {
        #expect(UTCTimestamp.parseISO8601("2026-11-29T10:30:00+01:00") == UTCTimestamp.parseISO8601("2026-11-29T09:30:00Z"))
        #expect(UTCTimestamp.parseISO8601("2024-02-29T00:00:00Z") != nil)
        for bad in ["2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-29T24:00:00Z", "2026-11-29T09:30:00",
                    "2026-11-29T09:30:00Zjunk", "2026-11-29", "yesterday", ""] {
            #expect(UTCTimestamp.parseISO8601(bad) == nil, "\(bad)")
        }
    }

    @Test func storageFormRoundTripsToTheMillisecond() throws {
        let date = Date(timeIntervalSince1970: 1_795_953_600.25)
        #expect(UTCTimestamp.storage(date) == "2026-11-29 12:00:00.250")
        #expect(UTCTimestamp.parseStorage("2026-11-29 12:00:00.250") == date)
        #expect(UTCTimestamp.parseStorage("1969-12-31 23:59:59.000") == Date(timeIntervalSince1970: -1))
        #expect(UTCTimestamp.storage(Date(timeIntervalSince1970: -0.5)) == "1969-12-31 23:59:59.500")
        #expect(UTCTimestamp.parseStorage("2026-11-29 12:00") == Date(timeIntervalSince1970: 1_795_953_600))
        #expect(UTCTimestamp.parseStorage("2026-11-29 12:00:00.250 ") == nil)
    }
}
