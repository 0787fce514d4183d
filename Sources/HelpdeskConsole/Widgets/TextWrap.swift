import HelpdeskCore

/// Word wrapping by terminal columns. Long words are broken; explicit newlines are kept. The text is
/// sanitized first, so what is measured is what is drawn. A single character wider than the whole
/// width gets a line of its own (clipped when drawn) rather than never fitting.
public enum TextWrap {
    public static func lines(_ raw: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let text = DisplayText.sanitize(raw, keepNewlines: true)
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = "", lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
                let wordWidth = TextWidth.of(word)
                let gap = line.isEmpty && lineWidth == 0 ? 0 : 1
                if lineWidth + gap + wordWidth <= width {
                    line += (gap == 1 ? " " : "") + word
                    lineWidth += gap + wordWidth
                    continue
                }
                if lineWidth > 0 || !line.isEmpty {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                if wordWidth <= width {
                    line = word
                    lineWidth = wordWidth
                    continue
                }
                // Too long for any line: cut into pieces of at most `width` columns (at least one
                // character each); the last piece starts the next line.
                for character in word {
                    let w = TextWidth.of(character)
                    if lineWidth + w > width && !line.isEmpty {
                        result.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    line.append(character)
                    lineWidth += w
                }
            }
            result.append(line)
        }
        return result
    }
}
