import Foundation
import HelpdeskCore

/// The one JSON configuration of the wire format: snake_case keys (spelled out in each type's coding
/// keys), keys sorted by code point, two-space pretty-printing with `" : "` between key and value,
/// slashes unescaped, and times as ISO 8601 in UTC to the second (`2026-11-29T09:30:00Z`).
///
/// Encoders are made afresh by each call rather than shared, because `JSONEncoder` is not `Sendable`.
public enum WireJSON {
    /// A new encoder with the wire format's settings.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(UTCTimestamp.iso8601(date))
        }
        return encoder
    }

    /// A new decoder that reads what `encoder()` writes; a time that is not ISO 8601 is a data error.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = UTCTimestamp.parseISO8601(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 time: \(text)")
            }
            return date
        }
        return decoder
    }

    /// `value` as the text the command line prints (without a trailing newline).
    public static func string(_ value: some Encodable) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }
}
