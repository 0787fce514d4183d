import Foundation
import HelpdeskCore
import HelpdeskWire
import Testing

/// A malformed command line answers `--json` with the error object like every other error, and
/// the key reference is available as JSON.
struct UsageErrorTests {
    @Test(arguments: [
        (["ticket", "list", "--bogus"], "bogus"),
        (["ticket", "show"], "number"),
        (["ticket", "create", "--description", "Printer is on fire again"], "subject"),
        (["ticket", "list", "--limit", "many"], "limit"),
        (["user", "add", "--email"], "email"),
        (["no-such-command"], "arguments"),
    ])
    func aMalformedCommandLineWithJSONPrintsTheErrorObject(arguments: [String], field: String) throws {
        let cli = try CLI()
        let result = try cli.run(arguments + ["--json"], as: "admin@x.test")
        #expect(result.status == 64, "the documented status of a malformed command line")
        let error = try WireJSON.decoder().decode(WireError.self, from: Data(result.stdout.utf8))
        #expect(error.code == .validation)
        #expect(error.errors[field]?.isEmpty == false, "the problem is filed under \(field): \(error)")
        #expect(result.stderr.isEmpty, "no usage text besides the JSON: \(result.stderr)")
        let human = try cli.run(arguments, as: "admin@x.test")
        #expect(human.status == 64)
        #expect(human.stdout.isEmpty && human.stderr.contains("Error: "), "without --json, the usage text on stderr")
    }

    @Test func theKeyReferenceIsAlsoJSON() throws {
        let cli = try CLI()
        let result = try cli.run(["keys", "--json"])
        #expect(result.status == 0)
        let keys = try WireJSON.decoder().decode(WireKeyBindings.self, from: Data(result.stdout.utf8))
        let first = try #require(keys.bindings.first)
        #expect(first.context == "global" && first.keys == ["C-c"] && first.command == "app.quit" && first.roles.isEmpty, "\(first)")
        #expect(first.description.hasPrefix("Quit"))
        #expect(keys.bindings.contains { $0.command == "screen.admin" && $0.roles == [.admin] })
        let markdown = try cli.run(["keys"]).stdout
        #expect(markdown.split(separator: "\n").count == keys.bindings.count + 2, "one row per binding, below the header")
    }
}
