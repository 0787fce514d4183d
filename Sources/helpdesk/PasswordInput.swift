import Foundation
import HelpdeskCore

/// Reads secrets and bodies from standard input without ever echoing them, and with a bound so that
/// an endless stream is refused instead of read into memory.
enum StandardInput {
    static func readAll(limit: Int, field: String) throws -> String {
        var data = Data()
        while data.count <= limit {
            let chunk = FileHandle.standardInput.readData(ofLength: min(65_536, limit + 1 - data.count))
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        if data.count > limit {
            throw HelpdeskError.validation(field, "is longer than \(limit) bytes")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw HelpdeskError.validation(field, "must be valid UTF-8")
        }
        return text
    }

    /// The first line of standard input, without its line ending.
    static func password() throws -> String {
        let text = try readAll(limit: Validator.maximumPasswordLength + 2, field: "password")
        return String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
    }
}
