import Foundation

/// Splits what an SSH client asked for (`SSH_ORIGINAL_COMMAND`) into words with the quoting rules
/// of the POSIX shell, by this small parser of our own, because no shell ever runs it: sshd hands
/// the request to our forced command as text, and the words go to the command line's own parser
/// in this process. So quoting works as a user expects (`ticket comment T --body 'It works now'`)
/// and nothing else of a shell exists: `$`, `$(…)`, backticks, globs, `;`, `|`, `&`, `<`, `>` and
/// `~` are ordinary characters of a word (`ticket list; rm -rf /` is the words `ticket`, `list;`,
/// `rm`, `-rf`, `/`, which the command line then refuses as unexpected arguments).
///
/// The rules: spaces and tabs separate words; in single quotes every character is itself; in double
/// quotes a backslash escapes only `"`, `\`, `$` and the backtick (and is itself otherwise); outside
/// quotes a backslash makes the next character itself. A line break or NUL anywhere is refused (a
/// request is one line), as is an unclosed quote or a final lone backslash.
public enum SSHRequest {
    /// Longer requests are refused before they are read.
    public static let maximumLength = 32 * 1024

    /// The words of `text`.
    /// - Throws: `VALIDATION_ERROR` on `command` for a line break, NUL, an unclosed quote, a final
    ///   backslash, or text longer than `maximumLength`.
    public static func words(_ text: String) throws -> [String] {
        guard text.utf8.count <= maximumLength else { throw HelpdeskError.validation("command", "is longer than \(maximumLength) bytes") }
        guard !text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\0" || $0 == "\u{2028}" || $0 == "\u{2029}" }) else {
            throw HelpdeskError.validation("command", "must be one line: line breaks are refused")
        }
        var words: [String] = []
        var word = "", inWord = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            switch c {
            case " ", "\t":
                if inWord { words.append(word) }
                word = ""
                inWord = false
            case "'":
                inWord = true
                guard let end = characters.firstIndex(of: "'") else { throw unclosed("'") }
                word.unicodeScalars.append(contentsOf: characters[..<end])
                characters = characters[(end + 1)...]
            case "\"":
                inWord = true
                var closed = false
                while let d = characters.popFirst() {
                    if d == "\"" { closed = true; break }
                    if d == "\\", let next = characters.first, ["\"", "\\", "$", "`"].contains(next) {
                        word.unicodeScalars.append(next)
                        characters = characters.dropFirst()
                    } else {
                        word.unicodeScalars.append(d)
                    }
                }
                guard closed else { throw unclosed("\"") }
            case "\\":
                guard let next = characters.popFirst() else {
                    throw HelpdeskError.validation("command", "ends in a lone backslash")
                }
                inWord = true
                word.unicodeScalars.append(next)
            default:
                inWord = true
                word.unicodeScalars.append(c)
            }
        }
        if inWord { words.append(word) }
        return words
    }

    private static func unclosed(_ quote: String) -> HelpdeskError {
        HelpdeskError.validation("command", "has an unclosed \(quote) quote")
    }
}
