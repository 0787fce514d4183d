import Foundation
import HelpdeskCore
import Testing

/// The helpdesk's block in a shared authorized_keys file.
struct AuthorizedKeysFileTests {
    let begin = AuthorizedKeysFile.begin, end = AuthorizedKeysFile.end

    @Test func theBlockIsAddedOnceThenReplacedAndEveryOtherLineKept() throws {
        let foreign = "# the operator's own key\nssh-ed25519 AAAAoperator ops@laptop\n"
        let first = try AuthorizedKeysFile.merge(existing: foreign, lines: ["line 1", "line 2"])
        #expect(first == foreign + "\(begin)\nline 1\nline 2\n\(end)\n")
        let withMore = first + "ssh-ed25519 AAAAbackup backup@host\n"
        let second = try AuthorizedKeysFile.merge(existing: withMore, lines: ["line 2"])
        #expect(second == foreign + "\(begin)\nline 2\n\(end)\nssh-ed25519 AAAAbackup backup@host\n")
        #expect(try AuthorizedKeysFile.merge(existing: "", lines: []) == "\(begin)\n\(end)\n")
    }

    @Test func aBrokenBlockIsNotGuessedAt() {
        for broken in ["\(begin)\nline\n", "line\n\(end)\n", "\(end)\n\(begin)\n", "\(begin)\n\(end)\n\(begin)\n\(end)\n"] {
            expectError(.validation, field: "file", Comment(rawValue: broken)) { try AuthorizedKeysFile.merge(existing: broken, lines: ["x"]) }
        }
    }
}
