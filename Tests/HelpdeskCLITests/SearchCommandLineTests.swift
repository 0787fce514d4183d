import Foundation
import Testing

/// Issues 11 and 12 through the real binary: the limits' refusals, substrings of Chinese text,
/// ticket numbers and requesters' addresses, each within what the user may see.
struct SearchCommandLineTests {
    private func found(_ cli: CLI, _ search: String, as user: String) throws -> [String] {
        let list = try cli.json(["ticket", "list", "--search", search], as: user)
        return try #require(list["tickets"] as? [[String: Any]]).compactMap { $0["number"] as? String }
    }

    @Test func aCostlySearchIsRefusedOnSearchWithWhatToChange() throws {
        let cli = try CLI()
        try cli.seedUsers()
        _ = try cli.createTicket()
        let refused = try cli.run(["ticket", "list", "--search", "a* a* a*", "--json"], as: "dan@x.test")
        #expect(refused.status == 2)
        let error = try refused.json()
        #expect(error["code"] as? String == "VALIDATION_ERROR")
        let rules = try #require((error["errors"] as? [String: [String]])?["search"])
        #expect(rules.contains { $0.contains("at least 3 characters before *") }, "\(rules)")
        let text = try cli.run(["ticket", "list", "--search", "one two three four five six seven eight nine"], as: "dan@x.test")
        #expect(text.status == 2)
        #expect(text.stderr.contains("at most 8 words"), "\(text.stderr)")
    }

    @Test func chineseSubstringsNumbersAndAddressesFindTicketsWithinSight() throws {
        let cli = try CLI()
        try cli.seedUsers()
        let printer = try cli.createTicket(subject: "打印机无法连接网络")
        let other = try cli.createTicket(subject: "Scanner jams on every page", as: "alice@x.test")
        #expect(try found(cli, "打印", as: "dan@x.test") == [printer])
        #expect(try found(cli, "连接", as: "admin@x.test") == [printer])
        #expect(try found(cli, printer.lowercased(), as: "admin@x.test") == [printer])
        #expect(try found(cli, other, as: "dan@x.test") == [], "another's ticket number finds nothing for a customer")
        #expect(try found(cli, "dan@x.test", as: "admin@x.test") == [printer])
        #expect(try found(cli, "Alice", as: "admin@x.test") == [other])
        #expect(try found(cli, "alice@x.test", as: "dan@x.test") == [])
    }
}
