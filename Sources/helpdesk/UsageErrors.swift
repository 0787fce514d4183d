import ArgumentParser
import Foundation
import HelpdeskCore

/// A malformed command line (an unknown option, a missing argument, a value of the wrong kind),
/// which swift-argument-parser finds before any command runs. With `--json` it is printed as the
/// wire error object on stdout like every other error (code `VALIDATION_ERROR`, the problem under
/// the option or argument it concerns); the exit status stays 64, the README's status for a
/// malformed command line.
enum UsageErrors {
    /// Whether `--json` appears among the arguments (before a `--` that ends the options).
    static func wantJSON(_ arguments: [String]) -> Bool {
        arguments.prefix { $0 != "--" }.contains("--json")
    }

    /// The error object for the parser's `message`: its first line, filed under the option or
    /// argument it quotes last (`'--limit <limit>'` → `limit`, `'<number>'` → `number`), else `arguments`.
    static func error(_ message: String) -> HelpdeskError {
        let line = message.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? message
        let text = line.hasPrefix("Error: ") ? String(line.dropFirst("Error: ".count)) : line
        return HelpdeskError(.validation, text, fieldErrors: [field(in: text): [text]])
    }

    private static func field(in text: String) -> String {
        let quoted = text.split(separator: "'", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        guard let named = quoted.last(where: { $0.hasPrefix("-") || $0.hasPrefix("<") }),
            let word = named.split(separator: " ").first
        else { return "arguments" }
        let name = word.trimmingCharacters(in: CharacterSet(charactersIn: "-<>")).replacingOccurrences(of: "-", with: "_")
        return name.isEmpty ? "arguments" : name
    }
}

extension HelpdeskCommand {
    /// swift-argument-parser's own `main`, except that a usage error under `--json` prints the
    /// wire error object (`UsageErrors`) instead of usage text on stderr.
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            if UsageErrors.wantJSON(arguments) && exitCode(for: error) == .validationFailure {
                Output(json: true).fail(UsageErrors.error(message(for: error)))
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
            exit(withError: error)
        }
    }
}
