import Foundation
import HelpdeskCore

/// The one JSON configuration of the wire format: snake_case keys (spelled out in each type's coding
/// keys), keys sorted by code point, two-space pretty-printing with `" : "` between key and value,
/// slashes unescaped, and times as ISO 8601 in UTC (`2026-11-29T09:30:00Z`, with milliseconds when the
/// time has them: `2026-11-29T09:30:00.655Z`; `UTCTimestamp.iso8601`).
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
        String(decoding: try encode(value), as: UTF8.self)
    }

    /// `value` encoded by `encoder()`, with the characters a terminal would act on written as
    /// `\uXXXX` escapes: DEL, the C1 controls (U+0080–U+009F; U+009B is an 8-bit CSI), the bidi
    /// controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069) and the line and paragraph
    /// separators. `JSONEncoder` escapes only C0 controls, and `--json` output is read in terminals
    /// (also over SSH), where a stored subject must not move the cursor or reorder what follows.
    /// The escapes are plain JSON: every reader decodes the same value.
    /// - Throws: what `JSONEncoder.encode` throws.
    public static func encode(_ value: some Encodable) throws -> Data {
        let data = try encoder().encode(value)
        // Each escaped scalar's UTF-8 starts with one of these bytes; most answers have none.
        guard data.contains(where: { $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }) else { return data }
        var escaped = ""
        escaped.unicodeScalars.reserveCapacity(data.count)
        for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
            if isTerminalControl(scalar) {
                escaped += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16, uppercase: true)
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return Data(escaped.utf8)
    }

    private static func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
