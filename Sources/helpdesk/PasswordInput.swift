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

    /// The first line of standard input, without its line ending. Reading stops at the line's end
    /// (a byte at a time, as a password is short), so a caller that keeps its end of the pipe open,
    /// a person at a terminal or a script feeding more input, is answered at once.
    static func password() throws -> String {
        var bytes: [UInt8] = []
        let limit = Validator.maximumPasswordLength + 2
        var byte: UInt8 = 0
        while read(STDIN_FILENO, &byte, 1) == 1, byte != UInt8(ascii: "\n") {
            bytes.append(byte)
            if bytes.count > limit { throw HelpdeskError.validation("password", "is longer than \(limit) bytes") }
        }
        guard let line = String(bytes: bytes, encoding: .utf8) else {
            throw HelpdeskError.validation("password", "must be valid UTF-8")
        }
        return line.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
    }
}
