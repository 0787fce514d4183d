/// What one search may cost. A search runs over the whole helpdesk's index on the one database
/// connection that a console, a command or a server shares with everything else, so whatever grows
/// with what a user types is bounded here (issue 12: at 30,000 tickets `a*` took 20 s, ten `a*`
/// over two minutes, and the console's database queue waited behind them). Every engine enforces
/// these; faces only pass the text on.
public enum SearchLimits {
    /// The longest search text, in characters.
    public static let maximumLength = 500

    /// Characters a prefix (`word*`) needs before its `*`. A prefix stands for every indexed word
    /// that begins with it, and the index merges all of their lists each time it is asked: one or
    /// two letters start thousands of words, including the commonest, while three narrow them to a
    /// few dozen.
    public static let minimumPrefixLength = 3

    /// Words one search may hold, counting each word of a phrase (and one per four characters of a
    /// script written without spaces, `SpacelessScripts.charactersPerWord`). Each word is a list the index
    /// reads and intersects with the others; eight is more than anyone types to find a ticket, and
    /// a pasted paragraph would otherwise cost one list per word. A word typed twice counts once
    /// (it is searched once: the answer cannot change).
    public static let maximumWords = 8

    /// How long one search may run before it is stopped and refused. The slowest search measured at
    /// a million tickets (a phrase of two common words) takes about 100 ms, so a second leaves room
    /// for a busy machine, yet a user is told soon to narrow a search instead of waiting, and the
    /// connection is free again for everyone else's work.
    public static let deadline: Duration = .seconds(1)

    /// What the user can do when a search ran past `deadline`.
    public static let narrowThisSearch =
        "took longer than \(deadlineText) and was stopped; narrow it: add a rarer word, lengthen prefixes (word*), or filter by status, priority or requester"

    /// The refusal of a search that ran past `deadline`: `VALIDATION_ERROR` on `search`.
    public static var deadlineExceeded: HelpdeskError { .validation("search", narrowThisSearch) }

    private static var deadlineText: String {
        let milliseconds = deadline.components.seconds * 1000 + deadline.components.attoseconds / 1_000_000_000_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
    }

    /// The search's terms, checked against the limits above.
    /// - Throws: `VALIDATION_ERROR` on `search`: longer than `maximumLength`; a prefix shorter than
    ///   `minimumPrefixLength`; more than `maximumWords` words.
    public static func check(_ text: String) throws -> SearchTerms {
        guard text.count <= maximumLength else {
            throw HelpdeskError.validation("search", "must be at most \(maximumLength) characters")
        }
        let terms = SearchTerms(parsing: text)
        var errors = FieldErrors()
        // A `*` after a run of a script written without spaces adds nothing (any substring matches).
        let short = terms.terms.filter { $0.isPrefix && !SpacelessScripts.endsInRun($0.text) && $0.text.count < minimumPrefixLength }
        if !short.isEmpty {
            let listed = short.map { "\($0.text)*" }.joined(separator: ", ")
            errors.add("search", "a prefix needs at least \(minimumPrefixLength) characters before * (\(listed)); type more of the word")
        }
        // A ticket number is one word to the user, though the text index sees three.
        let words = terms.ticketNumbers.isEmpty ? terms.wordCount : terms.ticketNumbers.count
        if words > maximumWords {
            errors.add("search", "may hold at most \(maximumWords) words (got \(words)); leave out the common ones")
        }
        try errors.throwIfAny()
        return terms
    }
}
