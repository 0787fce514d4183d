import Foundation

/// Search text split into terms: bare words (a trailing `*` makes a prefix) and quoted phrases.
/// Every other character is data, never query syntax. A term typed again (in any letter case or
/// with other accents, which the index folds too) is kept once: it cannot change the answer, only
/// its cost.
///
/// What a search finds (issue 11 §9), within what the user may see: tickets whose subject and
/// description, or one of whose comments, hold every term; tickets whose requester's name holds
/// every term (`Frank`, `frank cust*`); when the whole search is an email address, the tickets
/// of the user with that address; when it is one or more ticket numbers (any letter case), those
/// tickets.
public struct SearchTerms: Sendable, Equatable {
    public struct Term: Sendable, Equatable {
        public var text: String
        public var isPrefix: Bool
        public var isPhrase: Bool
    }

    public var terms: [Term]
    /// The ticket numbers, upper case, when every word of the search (split at white space) is one.
    public var ticketNumbers: [String]
    /// The address, lower case, when the whole search is one email address.
    public var email: String?

    public init(parsing input: String) {
        let words = input.split(whereSeparator: \.isWhitespace).map(String.init)
        let numbers = words.compactMap { try? TicketNumber.parse($0) }
        ticketNumbers = !words.isEmpty && numbers.count == words.count ? numbers : []
        email = words.count == 1 ? try? Validator.email(words[0]) : nil
        var terms: [Term] = []
        var rest = Substring(input)
        while let quote = rest.firstIndex(of: "\"") {
            terms += Self.words(rest[..<quote])
            let afterQuote = rest.index(after: quote)
            let close = rest[afterQuote...].firstIndex(of: "\"") ?? rest.endIndex
            let phrase = rest[afterQuote..<close].split(whereSeparator: { !Self.isWordCharacter($0) }).joined(separator: " ")
            if !phrase.isEmpty { terms.append(Term(text: phrase, isPrefix: false, isPhrase: true)) }
            rest = close == rest.endIndex ? "" : rest[rest.index(after: close)...]
        }
        terms += Self.words(rest)
        var seen: Set<String> = []
        self.terms = terms.filter { term in
            let key = (term.isPhrase ? "\"" : "") + term.text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                + (term.isPrefix ? "*" : "")
            return seen.insert(key).inserted
        }
    }

    /// How many words the terms hold, each word of a phrase counted, and a run of a script written
    /// without spaces counted by its length (`SpacelessScripts.wordCount`).
    public var wordCount: Int {
        terms.reduce(0) { total, term in
            total + term.text.split(separator: " ").reduce(0) { $0 + SpacelessScripts.wordCount(of: $1) }
        }
    }

    private static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    private static func words(_ text: Substring) -> [Term] {
        var result: [Term] = []
        var current = ""
        func flush(prefix: Bool) {
            if !current.isEmpty { result.append(Term(text: current, isPrefix: prefix, isPhrase: false)) }
            current = ""
        }
        for c in text {
            if isWordCharacter(c) {
                current.append(c)
            } else {
                flush(prefix: c == "*")
            }
        }
        flush(prefix: false)
        return result
    }
}
