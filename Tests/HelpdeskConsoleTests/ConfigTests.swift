import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskUseCases
import HelpdeskSQLite
import Testing

struct ConfigTests {
    let loader = ConfigLoader.standard(environment: ["XDG_CONFIG_HOME": "/nonexistent"])

    func userDirectory(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-config-\(UUID().uuidString)")
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return directory
    }

    @Test func theShippedFilesAreFound() async throws {
        let shipped = try #require(loader.shipped)
        let keymaps = try FileManager.default.contentsOfDirectory(atPath: shipped.appendingPathComponent("keymaps").path)
        let themes = try FileManager.default.contentsOfDirectory(atPath: shipped.appendingPathComponent("themes").path)
        #expect(Set(keymaps) == ["default.toml", "vim.toml", "emacs.toml"])
        #expect(Set(themes).isSuperset(of: ["default.toml", "dark.toml", "light.toml", "high-contrast.toml", "mono.toml"]))
    }

    @Test("every shipped theme loads without a warning", arguments: ["default", "dark", "light", "high-contrast", "mono"])
    func shippedTheme(name: String) {
        var warnings: [ConfigWarning] = []
        let theme = loader.loadTheme(name, &warnings)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(theme.style("ui.selection").attributes.contains(.reversed) || name == "high-contrast")
        #expect(theme.style("ticket.priority.urgent") != .plain)
    }

    @Test("every shipped key map loads without a warning", arguments: ["default", "vim", "emacs"])
    func shippedKeyMap(name: String) {
        var warnings: [ConfigWarning] = []
        let map = loader.loadKeyMap(name, &warnings)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(map.resolve([.char("j")], in: [.queue]) == .command("list.down"))
        #expect(map.resolve([.ctrl("c")], in: [.queue]) == .command("app.quit"))
    }

    @Test func defaultBindingsMatchTheDocumentedConventions() {
        var warnings: [ConfigWarning] = []
        let map = loader.loadKeyMap("default", &warnings)
        let expected: [([Key], KeyContext, String)] = [
            ([.char("k")], .queue, "list.up"), ([.up], .queue, "list.up"), ([.char("g"), .char("g")], .queue, "list.top"),
            ([.char("G")], .queue, "list.bottom"), ([.home], .queue, "list.top"), ([.ctrl("d")], .queue, "list.page-down"),
            ([.pageUp], .queue, "list.page-up"), ([.tab], .queue, "pane.next"), ([.char("h")], .queue, "pane.left"),
            ([.enter], .queue, "ticket.open"), ([.escape], .queue, "app.cancel"), ([.char("r")], .queue, "ticket.reply"),
            ([.char("i")], .queue, "ticket.note"), ([.char("s")], .queue, "ticket.status"), ([.char("p")], .queue, "ticket.priority"),
            ([.char("a")], .queue, "ticket.assign"), ([.char("/")], .queue, "search.start"), ([.char("f")], .queue, "filter.open"),
            ([.char("?")], .queue, "app.help"), ([.char("q")], .queue, "app.back"), ([.ctrl("s")], .editor, "editor.submit"),
        ]
        for (keys, context, command) in expected {
            #expect(map.resolve(keys, in: [context]) == .command(command), "\(keys) in \(context)")
        }
        #expect(map.resolve([.char("g")], in: [.queue]) == .pending)
        #expect(map.resolve([.char("z")], in: [.queue]) == .none)
    }

    @Test func aUserOverrideChangesOneKeyAndNothingElse() async throws {
        let user = try userDirectory(["keymap.toml": "[keys.queue]\nj = \"list.up\"\n"])
        var overridden = loader
        overridden.user = user
        var warnings: [ConfigWarning] = []
        let custom = overridden.loadKeyMap("default", &warnings)
        let standard = loader.loadKeyMap("default", &warnings)
        #expect(warnings.isEmpty)
        #expect(custom.resolve([.char("j")], in: [.queue]) == .command("list.up"))
        var expected = standard
        expected.tables[.queue]?[.char("j")] = .command("list.up")
        #expect(custom == expected)
    }

    @Test func badKeyMapsAndThemesNameFileLineAndProblem() async throws {
        let user = try userDirectory([
            "keymap.toml": "[keys.queue]\nj = \"list.sideways\"\nC-Q-x = \"list.up\"\n[keys.nowhere]\nk = \"list.up\"\n",
            "themes/bad.toml": "\"ui.selection\" = { fg = \"not-a-colour\" }\n\"sla.breached\" = { modifiers = [\"blinking\"] }\n",
            "themes/a.toml": "inherits = \"b\"\n",
            "themes/b.toml": "inherits = \"a\"\n",
            "themes/broken.toml": "\"ui\" = { fg = \"red\"\n",
        ])
        var custom = loader
        custom.user = user
        var warnings: [ConfigWarning] = []
        let map = custom.loadKeyMap("default", &warnings)
        let file = user.appendingPathComponent("keymap.toml").path
        #expect(warnings.map(\.description) == [
            "\(file):2: unknown command 'list.sideways'",
            "\(file):3: unknown key name 'C-Q-x'",
            "\(file):4: unknown key context 'nowhere'",
        ])
        #expect(map.resolve([.char("j")], in: [.queue]) == .command("list.down"), "the default stays")

        warnings = []
        _ = custom.loadTheme("bad", &warnings)
        #expect(warnings.map(\.message) == ["bad colour 'not-a-colour'", "unknown modifier string(\"blinking\")"])
        #expect(warnings.map(\.line) == [1, 2])
        warnings = []
        let cyclic = custom.loadTheme("a", &warnings)
        #expect(warnings.first?.message.contains("'inherits' makes a cycle: a → b → a") == true)
        #expect(cyclic == Theme.builtin)
        warnings = []
        _ = custom.loadTheme("broken", &warnings)
        #expect(warnings.first?.line == 1)
        #expect(warnings.first?.file.hasSuffix("themes/broken.toml") == true)
    }

    @Test func theConsoleStartsWithTheDefaultsAndShowsTheProblem() async throws {
        let user = try userDirectory(["keymap.toml": "[keys.queue]\nj = \"nope\"\n"])
        let fx = try await ConsoleFixture()
        let console = await fx.console(as: fx.alice, config: ConsoleFixture.config(user: user))
        #expect(console.screen.contains("keymap.toml:2: unknown command 'nope'"))
    }

    @Test func themesFallBackToParentScopesAndPalettes() async throws {
        var warnings: [ConfigWarning] = []
        let dark = loader.loadTheme("dark", &warnings)
        #expect(dark.style("ticket.priority.urgent.extra") == dark.style("ticket.priority.urgent"))
        #expect(dark.style("ticket.priority.urgent").fg == .rgb(0xFF, 0x5F, 0x5F), "palette names resolve")
        #expect(dark.style("ui.header") == loader.loadTheme("default", &warnings).style("ui.header"), "inherited from default")
        #expect(Color(parsing: "#5fafff")?.nearestIndex == 75)
        #expect(Color(parsing: "light-red") == .indexed(9))
    }

    @Test func noColorAndColourlessTerminalsGetMono() {
        let noColor = loader.load(keymap: nil, theme: nil, environment: ["NO_COLOR": "1"], colours: 256, utf8: true)
        #expect(noColor.theme.name == "mono")
        let emptyNoColor = loader.load(keymap: nil, theme: nil, environment: ["NO_COLOR": ""], colours: 256, utf8: true)
        #expect(emptyNoColor.theme.name == "default")
        let vt100 = loader.load(keymap: nil, theme: "dark", environment: [:], colours: 0, utf8: false)
        #expect(!vt100.theme.usesColour)
        #expect(vt100.glyphs == .ascii)
    }

    @Test func tomlParserHandlesTheSubsetAndRefusesDuplicates() async throws {
        let document = try TOMLParser.parse("""
            # comment
            top = "value" # trailing
            [a.b]
            list = [
              "x", # first
              "y",
            ]
            inline = { fg = "red", modifiers = ["bold"] }
            "quoted.key" = 'literal \\n'
            number = 42
            flag = true
            """)
        #expect(document["top"] == .string("value"))
        let b = try #require(document["a"]?.table?["b"]?.table)
        #expect(b["list"] == .array([.string("x"), .string("y")]))
        #expect(b["inline"]?.table?["modifiers"] == .array([.string("bold")]))
        #expect(b["quoted.key"] == .string("literal \\n"))
        #expect(b["number"] == .integer(42))
        #expect(b.line(of: "flag") == 11)
        #expect(throws: TOMLError(line: 2, message: "duplicate key 'a'")) { try TOMLParser.parse("a = 1\na = 2\n") }
        #expect(throws: TOMLError(line: 2, message: "table [t] is defined twice")) { try TOMLParser.parse("[t]\n[t]\n") }
        #expect(throws: TOMLError(line: 1, message: "unterminated string")) { try TOMLParser.parse("a = \"unterminated\n") }
    }

    @Test func randomInputNeverCrashesTheParsers() {
        let seed = TestSeed(default: 7)
        var random = SplitMix64(seed: seed.value)
        let pieces = ["[", "]", "=", "\"", "'", "{", "}", ",", "\n", "a", "keys", ".", "queue", "j", "list.down", " ", "#", "1", "C-", "inherits"]
        for _ in 0..<2_000 {
            let text = (0..<random.next(below: 30)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
            let document: TOMLTable
            do {
                document = try TOMLParser.parse(text)
            } catch let error as TOMLError {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                #expect((1...lines).contains(error.line), "\(text.debugDescription): \(error); \(seed)")
                continue
            } catch {
                Issue.record("\(text.debugDescription): \(error); \(seed)")
                continue
            }
            var map = KeyMap()
            _ = map.apply(document, file: "fuzz.toml")
            _ = Theme.parse(document, name: "fuzz", over: nil, file: "fuzz.toml")
            _ = SavedView.parse(document, file: "fuzz.toml")
        }
    }
}
