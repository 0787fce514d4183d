import CWidth

/// Column widths as the terminal computes them (through the C library's `wcwidth`, which ncursesw
/// uses), so the cell grid and the screen agree.
public enum TextWidth {
    /// Width of one grapheme: its first scalar's width (combining marks and variation selectors add
    /// none), 2 for emoji presentation sequences; 0 for what does not print.
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        let width = Int(helpdesk_wcwidth(first.value))
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        if width < 0 { return first.properties.isEmojiPresentation ? 2 : 0 }
        return width
    }

    /// False for what the locale cannot show (any non-ASCII letter in the C locale): drawn as `?`.
    public static func isPrintable(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        return helpdesk_wcwidth(first.value) >= 0 || first.properties.isEmojiPresentation
    }

    public static func of(_ text: String) -> Int {
        if isPrintableASCII(text) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// Printable ASCII is one column per byte; most of what a helpdesk shows is, and it skips the
    /// grapheme breaking and `wcwidth` calls.
    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// Cuts text to at most `width` columns, ending in `…` when cut, never splitting a wide glyph.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if isPrintableASCII(text) {
            let count = text.utf8.count
            return count <= width ? text : String(decoding: text.utf8.prefix(width - 1), as: UTF8.self) + "…"
        }
        if of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// Pads with spaces to exactly `width` columns (truncating first when longer).
    public static func fit(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }
}

extension TextWidth {
    /// Takes the character type from the environment (`LANG`/`LC_*`), falling back to C.UTF-8 when the
    /// environment names none; returns whether the terminal should get UTF-8 glyphs.
    @discardableResult
    public static func adoptLocale(_ name: String? = nil) -> Bool {
        if let name { return helpdesk_set_ctype_locale(name) == 1 }
        if helpdesk_set_ctype_locale(nil) == 1 { return true }
        return false
    }
}
