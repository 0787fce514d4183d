import GRDB
import HelpdeskCore

/// Text as the FTS5 indexes see it, so that any substring of two or more characters of a script
/// written without spaces finds it (`SpacelessScripts`, issue 11 §7).
///
/// FTS5's `unicode61` tokenizer makes a whole run of such a script one token (`打印机无法连接网络`
/// is found only by itself) and splits Thai at its vowel marks. So the index is given each run as
/// its overlapping pairs of letters and its last letter, as separate words: `打印机` is indexed as
/// `打印 印机 机`. A substring of two or more letters is then the phrase of its pairs (`"打印 印机"`),
/// found at consecutive positions; a single letter is a prefix of the pairs it starts or the last
/// letter itself (`"机"*`). Text without these scripts is passed through unchanged, so the rest of
/// the index, and every other search, is as before.
///
/// The triggers that keep `ticket_fts`, `comment_fts` and `user_fts` call `helpdesk_search_text`
/// (registered on every connection by `HelpdeskDatabase`); the indexes are external-content tables
/// over the raw columns, so they must never be rebuilt with FTS5's `rebuild` command, which would
/// index the raw text (and FTS5's `integrity-check` with a rank of 1, which compares the index with
/// the raw columns, reports the rows that hold such text; `PRAGMA integrity_check`, which
/// `helpdesk check` runs, does not compare an external-content index with its table).
enum SearchText {
    /// The SQL function the triggers index through.
    static let functionName = "helpdesk_search_text"

    /// `helpdesk_search_text(text)`: `indexed(text)`; NULL stays NULL.
    static let function = DatabaseFunction(functionName, argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(indexed)
    }

    /// The text the index is given for `text`.
    static func indexed(_ text: String) -> String {
        // Every one of these scripts is encoded in three or four UTF-8 bytes, whose first byte is
        // 0xE0 or more: most text has none and is returned as it came.
        guard text.utf8.contains(where: { $0 >= 0xE0 }) else { return text }
        var out = String.UnicodeScalarView()
        var run: [Unicode.Scalar] = []
        func endRun() {
            guard let last = run.last else { return }
            out.append(" ")
            for (first, second) in zip(run, run.dropFirst()) {
                out.append(first)
                out.append(second)
                out.append(" ")
            }
            out.append(last)
            out.append(" ")
            run.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            switch SpacelessScripts.role(of: scalar) {
            case .letter?: run.append(scalar)
            case .mark?: continue
            case nil:
                endRun()
                out.append(scalar)
            }
        }
        endRun()
        return String(out)
    }

    /// The words the index holds for a term's text (a word, or a phrase's words joined by spaces) in
    /// order, and whether the last is a prefix: the same split as `indexed`, except that a run which
    /// ends the term gives no last letter of its own (the term's run may go on in the text), unless
    /// it is a single letter, which is then a prefix of the pairs it starts.
    static func queryWords(_ text: String, isPrefix: Bool) -> (words: [String], isPrefix: Bool) {
        enum Piece {
            case plain(String)
            case run([Unicode.Scalar])
        }
        var pieces: [Piece] = []
        for word in text.split(separator: " ") {
            var plain = String.UnicodeScalarView(), run: [Unicode.Scalar] = []
            func end() {
                if !plain.isEmpty { pieces.append(.plain(String(plain))) }
                if !run.isEmpty { pieces.append(.run(run)) }
                plain.removeAll()
                run.removeAll()
            }
            for scalar in word.unicodeScalars {
                switch SpacelessScripts.role(of: scalar) {
                case .letter?:
                    if !plain.isEmpty { end() }
                    run.append(scalar)
                case .mark?:
                    continue
                case nil:
                    if !run.isEmpty { end() }
                    plain.append(scalar)
                }
            }
            end()
        }
        var words: [String] = []
        var prefix = isPrefix
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case .plain(let text):
                words.append(text)
                prefix = isPrefix
            case .run(let letters):
                for (first, second) in zip(letters, letters.dropFirst()) { words.append(String(String.UnicodeScalarView([first, second]))) }
                let isLast = index == pieces.count - 1
                if let last = letters.last, !isLast || letters.count == 1 { words.append(String(String.UnicodeScalarView([last]))) }
                prefix = letters.count == 1
            }
        }
        return (words, prefix)
    }
}
