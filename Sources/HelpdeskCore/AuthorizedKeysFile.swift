import Foundation

/// A static `authorized_keys` file that the helpdesk shares with other lines (an operator's own
/// key, another program's): the helpdesk's lines live in one marked block, which is rewritten on
/// every change, and every line outside it is kept as it was, as gitolite keeps its block.
public enum AuthorizedKeysFile {
    /// The block's first and last lines.
    public static let begin = "# BEGIN helpdesk: written by helpdesk ssh authorized-keys --write; edit only outside this block"
    public static let end = "# END helpdesk"

    /// `existing` with the helpdesk's block holding exactly `lines` (the block is added at the end
    /// when there is none); every other line is kept, in its place.
    /// - Throws: `VALIDATION_ERROR` on `file` when the markers are not one begin followed by one
    ///   end (a block cut short or doubled by hand is not guessed at: fix the file first).
    public static func merge(existing: String, lines: [String]) throws -> String {
        var kept = existing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if kept.last == "" { kept.removeLast() }
        let begins = kept.indices.filter { kept[$0].hasPrefix("# BEGIN helpdesk") }
        let ends = kept.indices.filter { kept[$0].hasPrefix("# END helpdesk") }
        let block = [begin] + lines + [end]
        switch (begins.count, ends.count) {
        case (0, 0):
            kept += block
        case (1, 1) where begins[0] < ends[0]:
            kept.replaceSubrange(begins[0]...ends[0], with: block)
        default:
            throw HelpdeskError.validation(
                "file", "its helpdesk block is broken (\(begins.count) BEGIN and \(ends.count) END lines): fix it by hand, then write again")
        }
        return kept.joined(separator: "\n") + "\n"
    }
}
