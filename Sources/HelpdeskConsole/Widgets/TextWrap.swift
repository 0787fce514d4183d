import HelpdeskCore

/// Word wrapping by terminal columns. Long words are broken; explicit newlines are kept. The text is
/// sanitized first, so what is measured is what is drawn.
public enum TextWrap {
    public static func lines(_ raw: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let text = DisplayText.sanitize(raw, keepNewlines: true)
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(word)
                var wordWidth = TextWidth.of(word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    var head = "", headWidth = 0
                    for character in word {
                        let w = TextWidth.of(character)
                        if headWidth + w > width - lineWidth - (lineWidth > 0 ? 1 : 0) { break }
                        head.append(character)
                        headWidth += w
                    }
                    if head.isEmpty && lineWidth == 0, let first = word.first {
                        // A glyph wider than the whole width: it gets a line of its own (clipped when
                        // drawn) rather than never fitting.
                        head = String(first)
                    }
                    if head.isEmpty {
                        result.append(line)
                        line = ""
                        lineWidth = 0
                        continue
                    }
                    result.append(lineWidth > 0 ? line + " " + head : head)
                    line = ""
                    lineWidth = 0
                    word = String(word.dropFirst(head.count))
                    wordWidth = TextWidth.of(word)
                }
                line += (lineWidth > 0 ? " " : "") + word
                lineWidth += (lineWidth > 0 ? 1 : 0) + wordWidth
            }
            result.append(line)
        }
        return result
    }
}
