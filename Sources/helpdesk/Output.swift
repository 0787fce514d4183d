import ArgumentParser
import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskWire

/// Writes results: JSON in the wire format (HelpdeskWire) on stdout with `--json`, aligned text for
/// people otherwise. User text in human output is sanitized so that it cannot drive the terminal.
struct Output {
    let json: Bool

    func emit<Value: Encodable>(json value: @autoclosure () -> Value, human: () -> String) throws {
        if json {
            print(try Self.encode(value()))
        } else {
            let text = human()
            if !text.isEmpty { print(text) }
        }
    }

    func fail(_ error: HelpdeskError) {
        if json {
            // An error object holds only strings, which always encode.
            print((try? Self.encode(WireError(error))) ?? "{}")
        } else {
            FileHandle.standardError.write(Data("error: \(DisplayText.sanitize(error.description))\n".utf8))
        }
    }

    /// `value` in the wire format; a value JSON cannot hold (a NaN) is an internal error.
    static func encode(_ value: some Encodable) throws -> String {
        do {
            return try WireJSON.string(value)
        } catch {
            throw HelpdeskError(.internalError, "Could not write the JSON output: \(error)")
        }
    }

    /// Aligns columns; the last column takes what is left of `width` and is cut with an ellipsis.
    /// Widths are the terminal's (the console's `TextWidth`, measured as UTF-8, which is what is printed): a CJK
    /// character takes two columns, a combining accent none, so rows keep to `width`.
    static func table(_ headers: [String], _ rows: [[String]], width: Int = terminalWidth) -> String {
        guard !headers.isEmpty else { return "" }
        // Printed as UTF-8 whatever the locale says, so measured as UTF-8 (the thread's locale only).
        return TextWidth.measuringAs(locale: "C.UTF-8") { alignedTable(headers, rows, width: width) }
    }

    private static func alignedTable(_ headers: [String], _ rows: [[String]], width: Int) -> String {
        let cells = rows.map { $0.map { DisplayText.sanitize($0) } }
        var widths = headers.map { TextWidth.of($0) }
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count - 1 {
                widths[index] = max(widths[index], TextWidth.of(cell))
            }
        }
        let fixed = widths.dropLast().reduce(0, +) + 2 * (widths.count - 1)
        let lastWidth = max(8, width - fixed)
        func line(_ row: [String]) -> String {
            row.enumerated().map { index, cell in
                index == row.count - 1 ? TextWidth.truncate(cell, to: lastWidth) : TextWidth.fit(cell, to: widths[index])
            }.joined(separator: "  ")
        }
        return ([line(headers)] + cells.map(line)).joined(separator: "\n")
    }

    /// The terminal's width when stdout is one, else 80 (pipes and files get the 80-column layout).
    static let terminalWidth: Int = {
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }()

    /// A time for people in `zone`, labelled (`2026-11-29 10:00 UTC+1`); `-` for none.
    static func date(_ date: Date?, in zone: TimeZone) -> String {
        guard let date else { return "-" }
        return DisplayText.time(date, in: zone)
    }
}
