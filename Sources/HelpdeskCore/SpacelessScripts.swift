/// Scripts written without spaces between words (issue 11 §7): Chinese, Japanese and Korean, Thai,
/// Lao, Khmer and Myanmar. Search cannot tell where their words end, so any substring of two or more
/// characters of such a run must find it (`打印` finds `打印机无法连接网络`); a single character
/// finds every run that holds it.
///
/// A run is a stretch of these scripts' letters and digits. Their combining marks (Thai vowel and
/// tone marks, say) belong to the letter before them and are left out of the run, so that a run is
/// compared letter by letter whatever marks it carries; their punctuation ends a run.
public enum SpacelessScripts {
    /// What a scalar is to a run.
    public enum Role: Sendable, Equatable {
        /// Part of a run.
        case letter
        /// A combining mark within a run: skipped, the run goes on.
        case mark
    }

    /// The scalar's part in a run; nil when it is not of these scripts (or is their punctuation).
    public static func role(of scalar: Unicode.Scalar) -> Role? {
        guard isSpaceless(scalar.value) else { return nil }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return .letter
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        default:
            return nil
        }
    }

    /// The blocks of the scripts written without spaces (Hangul included: Korean attaches its
    /// particles to the word, so `프린터` must find `프린터가`).
    private static func isSpaceless(_ value: UInt32) -> Bool {
        switch value {
        case 0x0E00...0x0EFF,  // Thai, Lao
            0x1000...0x109F,  // Myanmar
            0x1100...0x11FF,  // Hangul Jamo
            0x1780...0x17FF,  // Khmer
            0x2E80...0x2FDF,  // CJK radicals
            0x3000...0x303F,  // CJK symbols: 々 〇 and the like (punctuation there ends a run)
            0x3040...0x31FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun
            0x3400...0x4DBF,  // CJK extension A
            0x4E00...0x9FFF,  // CJK unified ideographs
            0xA960...0xA97F,  // Hangul Jamo extended A
            0xAC00...0xD7FF,  // Hangul syllables, Jamo extended B
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0xFF66...0xFF9F,  // half-width Katakana
            0x1B000...0x1B16F,  // Kana supplement
            0x20000...0x3FFFF:  // CJK extensions B and later
            return true
        default:
            return false
        }
    }

    /// Whether `text` ends in a run (its last letter-like scalar belongs to one): a `*` after such a
    /// term adds nothing, since any substring matches already.
    public static func endsInRun(_ text: String) -> Bool {
        for scalar in text.unicodeScalars.reversed() {
            switch role(of: scalar) {
            case .letter?: return true
            case .mark?: continue
            case nil: return false
            }
        }
        return false
    }

    /// Characters of a run that count as one word toward `SearchLimits.maximumWords`: a word of
    /// these languages is one to four characters, and each pair of characters is one list the index
    /// reads.
    public static let charactersPerWord = 4

    /// How many words `word` (no spaces) counts: one per stretch outside a run, and one per
    /// `charactersPerWord` letters of each run (rounded up).
    public static func wordCount(of word: Substring) -> Int {
        var count = 0
        var runLength = 0
        var inPlain = false
        func endRun() {
            count += (runLength + charactersPerWord - 1) / charactersPerWord
            runLength = 0
        }
        for scalar in word.unicodeScalars {
            switch role(of: scalar) {
            case .letter?:
                inPlain = false
                runLength += 1
            case .mark?:
                continue
            case nil:
                endRun()
                if !inPlain { count += 1 }
                inPlain = true
            }
        }
        endRun()
        return count
    }
}
