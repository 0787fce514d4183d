import CWidth
import Foundation
import HelpdeskCore

/// Column widths as the terminal computes them (through the C library's `wcwidth`, which ncursesw
/// uses), so the cell grid and the screen agree. Every measure is of text as it will be drawn: the
/// string functions sanitize first (`DisplayText.sanitize`), so invisible characters that become
/// visible marks are counted at the marks' width.
public enum TextWidth {
    /// What one grapheme becomes on the grid: one cell per scalar that takes columns, each with the
    /// zero-width scalars (combining marks) that follow it. A terminal draws an emoji with a skin
    /// tone modifier, or a second regional indicator, as glyphs of their own (tmux 3.3 does), so the
    /// grid does too; a scalar the locale cannot show becomes its ASCII fallback or `?`.
    public static func cells(of character: Character) -> [(symbol: String, width: Int)] {
        var cells: [(symbol: String, width: Int)] = []
        for scalar in character.unicodeScalars {
            let width = helpdesk_wcwidth(scalar.value)
            if width > 0 {
                cells.append((String(scalar), Int(width)))
            } else if width == 0 {
                // A combining mark joins the cell before it; one with nothing to join is dropped.
                if let last = cells.indices.last { cells[last].symbol.unicodeScalars.append(scalar) }
            } else if scalar.properties.isEmojiPresentation && isUTF8 {
                cells.append((String(scalar), 2))
            } else {
                cells.append((asciiFallback(scalar), 1))
            }
        }
        return cells
    }

    /// Width of one grapheme: the columns of its cells.
    public static func of(_ character: Character) -> Int {
        if character.isASCII, let byte = character.asciiValue, byte >= 0x20 && byte < 0x7F { return 1 }
        return cells(of: character).reduce(0) { $0 + $1.width }
    }

    /// Width of text as drawn (sanitized first).
    public static func of(_ text: String) -> Int {
        if isPrintableASCII(text) { return text.utf8.count }
        return DisplayText.sanitize(text).reduce(0) { $0 + of($1) }
    }

    /// Whether the terminal's locale shows UTF-8 (false in the C locale: then the program's own glyphs
    /// fall back to ASCII and other text shows `?`).
    public static var isUTF8: Bool { helpdesk_wcwidth(0x2026) == 1 }

    /// Printable ASCII is one column per byte; most of what a helpdesk shows is, and it skips the
    /// grapheme breaking and `wcwidth` calls.
    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// The mark of cut text: `…`, or `...` where the locale cannot show it.
    public static var ellipsis: String { isUTF8 ? "…" : "..." }

    /// Cuts text to at most `width` columns (as drawn), ending in the ellipsis when cut, never
    /// splitting a wide glyph.
    public static func truncate(_ raw: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        let text = DisplayText.sanitize(raw)
        let mark = ellipsis, markWidth = of(mark)
        if isPrintableASCII(text) {
            let count = text.utf8.count
            if count <= width { return text }
            if width <= markWidth { return String(mark.prefix(width)) }
            return String(decoding: text.utf8.prefix(width - markWidth), as: UTF8.self) + mark
        }
        if of(text) <= width { return text }
        if width <= markWidth { return String(mark.prefix(width)) }
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - markWidth { break }
            result.append(character)
            used += w
        }
        return result + mark
    }

    /// Pads with spaces to exactly `width` columns (truncating first when longer).
    public static func fit(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }

    /// The ASCII stand-in for a scalar the locale cannot show: the program's own glyphs (borders,
    /// separators, bars, bullets, arrows) keep their sense; anything else is `?`. One column each.
    static func asciiFallback(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00B7, 0x2022, 0x2027: return "."  // · • ‧
        case 0x2026: return "."  // … (truncate writes "..." itself)
        case 0x2500, 0x2501, 0x2550, 0x2013, 0x2014, 0x2212: return "-"  // ─ ━ ═ – — −
        case 0x2502, 0x2503, 0x2551: return "|"
        case 0x250C...0x254B, 0x2554...0x256C, 0x256D...0x2570: return "+"
        case 0x2581...0x2588: return "#"  // ▁..█
        case 0x2589...0x258F: return "#"
        case 0x2190: return "<"
        case 0x2192: return ">"
        case 0x2191: return "^"
        case 0x2193: return "v"
        case 0x201C, 0x201D: return "\""
        case 0x2018, 0x2019: return "'"
        case 0x2713, 0x2714: return "v"
        case 0x2717, 0x2718: return "x"
        case 0x25B6, 0x25B8, 0x203A: return ">"
        default: return "?"
        }
    }
}

extension TextWidth {
    /// Runs `body` with this thread's character type switched to `name` (`"C"` for an ASCII-only
    /// terminal), other threads unaffected; for tests that measure as another locale would.
    public static func measuringAs<T>(locale name: String, _ body: () throws -> T) rethrows -> T {
        _ = helpdesk_use_thread_ctype(name)
        defer { _ = helpdesk_use_thread_ctype(nil) }
        return try body()
    }

    /// Takes the character type from the environment (`LC_ALL`, `LC_CTYPE`, `LANG`), or `name` when
    /// given; returns whether the terminal should get UTF-8 glyphs. A UTF-8 locale this machine lacks
    /// (an SSH client's `LANG=fr_FR.UTF-8` on a server without it) falls back to the nearest it has,
    /// `C.UTF-8`; a locale that is not UTF-8, or none, gives ASCII.
    @discardableResult
    public static func adoptLocale(_ name: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if let name { return helpdesk_set_ctype_locale(name) == 1 }
        if helpdesk_set_ctype_locale(nil) == 1 { return true }
        if asksForUTF8(environment) { return helpdesk_set_ctype_locale("C.UTF-8") == 1 }
        return false
    }

    /// Whether the locale variable that decides the character type (`LC_ALL`, else `LC_CTYPE`, else
    /// `LANG`; the first that is set and not empty) names the UTF-8 codeset (`….UTF-8`, `….utf8`).
    public static func asksForUTF8(_ environment: [String: String]) -> Bool {
        guard let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else {
            return false
        }
        let codeset = name.split(separator: ".", maxSplits: 1).dropFirst().first?.split(separator: "@").first.map(String.init) ?? ""
        return ["utf-8", "utf8"].contains(codeset.lowercased())
    }
}
