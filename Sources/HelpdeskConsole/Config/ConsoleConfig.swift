import Foundation
import HelpdeskCore

/// Everything the console reads from files: key map, theme, saved views and glyphs, with the warnings
/// met on the way. A bad file never stops the console: it keeps the defaults and says what was wrong.
public struct ConsoleConfig: Sendable {
    public var keyMap: KeyMap
    public var theme: Theme
    public var views: [SavedView]
    public var glyphs: Glyphs
    public var warnings: [ConfigWarning]
    /// The `TZ` variable, for times of users with no zone of their own (`DisplayZone.resolve`).
    public var environmentTZ: String?
    /// Whether `C-o` may run `$VISUAL`/`$EDITOR`. Off over SSH: an editor's shell escape would hand
    /// the user the shared account (issue 13); the in-console editor is the way to write there.
    public var externalEditorAllowed = true

    public init(keyMap: KeyMap, theme: Theme, views: [SavedView], glyphs: Glyphs, warnings: [ConfigWarning]) {
        self.keyMap = keyMap
        self.theme = theme
        self.views = views
        self.glyphs = glyphs
        self.warnings = warnings
    }
}

/// Finds and reads configuration: the files shipped beside the binary (`keymaps/`, `themes/`,
/// `views.toml`), then the user's `$XDG_CONFIG_HOME/helpdesk/` (`config.toml`, `keymap.toml`,
/// `themes/`, `views.toml`).
public struct ConfigLoader: Sendable {
    public var shipped: URL?
    public var user: URL?

    public init(shipped: URL?, user: URL?) {
        self.shipped = shipped
        self.user = user
    }

    /// The shipped files next to the executable (SwiftPM's resource bundle layout) and the user's
    /// configuration directory from the environment.
    public static func standard(environment: [String: String]) -> ConfigLoader {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            executable.appendingPathComponent("Helpdesk_HelpdeskConsole.resources"),
            executable.deletingLastPathComponent().appendingPathComponent("share/helpdesk"),
        ] + [Bundle.main.bundleURL.appendingPathComponent("Helpdesk_HelpdeskConsole.resources")]
        let shipped = candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("keymaps").path) }
        let configHome = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return ConfigLoader(shipped: shipped, user: URL(fileURLWithPath: configHome).appendingPathComponent("helpdesk"))
    }

    /// Loads everything. `keymap` and `theme` are names or paths; nil reads `config.toml`, then the
    /// defaults (`default`, or `mono` when `NO_COLOR` is set and non-empty).
    public func load(keymap: String?, theme: String?, environment: [String: String], colours: Int, utf8: Bool) -> ConsoleConfig {
        var warnings: [ConfigWarning] = []
        var settings = TOMLTable()
        if let file = user?.appendingPathComponent("config.toml"), FileManager.default.fileExists(atPath: file.path) {
            settings = read(file, &warnings) ?? TOMLTable()
        }
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let themeName = theme ?? (noColor ? "mono" : settings["theme"]?.string ?? "default")
        let keymapName = keymap ?? settings["keymap"]?.string ?? "default"
        var loadedTheme = loadTheme(themeName, &warnings)
        if colours < 8 && loadedTheme.usesColour { loadedTheme = loadTheme("mono", &warnings) }
        var config = ConsoleConfig(
            keyMap: loadKeyMap(keymapName, &warnings), theme: loadedTheme, views: loadViews(&warnings),
            glyphs: utf8 ? .unicode : .ascii, warnings: warnings)
        config.environmentTZ = environment["TZ"]
        return config
    }

    func read(_ url: URL, _ warnings: inout [ConfigWarning]) -> TOMLTable? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            warnings.append(ConfigWarning(file: url.path, line: nil, message: "cannot read the file"))
            return nil
        }
        do {
            return try TOMLParser.parse(text)
        } catch let error as TOMLError {
            warnings.append(ConfigWarning(file: url.path, line: error.line, message: error.message))
        } catch {
            warnings.append(ConfigWarning(file: url.path, line: nil, message: "\(error)"))
        }
        return nil
    }

    /// A name is looked up in the user's then the shipped directory; anything with a slash or a
    /// `.toml` ending is a path.
    func locate(_ name: String, folder: String) -> URL? {
        if name.contains("/") || name.hasSuffix(".toml") { return URL(fileURLWithPath: name) }
        return [user, shipped].compactMap { $0?.appendingPathComponent("\(folder)/\(name).toml") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    public func loadKeyMap(_ name: String, _ warnings: inout [ConfigWarning]) -> KeyMap {
        var map = KeyMap()
        if let base = shipped?.appendingPathComponent("keymaps/default.toml"), let document = read(base, &warnings) {
            warnings += map.apply(document, file: base.path)
        } else {
            map.tables[.global] = [.ctrl("c"): .command("app.quit"), .char("q"): .command("app.back"), .escape: .command("app.back")]
        }
        if name != "default" {
            if let url = locate(name, folder: "keymaps"), let document = read(url, &warnings) {
                warnings += map.apply(document, file: url.path)
            } else if locate(name, folder: "keymaps") == nil {
                warnings.append(ConfigWarning(file: name, line: nil, message: "no such key map"))
            }
        }
        if let override = user?.appendingPathComponent("keymap.toml"), FileManager.default.fileExists(atPath: override.path),
            let document = read(override, &warnings)
        {
            warnings += map.apply(document, file: override.path)
        }
        return map
    }

    public func loadTheme(_ name: String, _ warnings: inout [ConfigWarning]) -> Theme {
        var chain: [(String, URL, TOMLTable)] = []
        var next: String? = name
        while let current = next {
            if chain.contains(where: { $0.0 == current }) {
                warnings.append(ConfigWarning(
                    file: chain.last?.1.path ?? current, line: chain.last?.2.line(of: "inherits"),
                    message: "'inherits' makes a cycle: \((chain.map(\.0) + [current]).joined(separator: " → "))"))
                return .builtin
            }
            guard let url = locate(current, folder: "themes") else {
                warnings.append(ConfigWarning(file: current, line: nil, message: "no such theme"))
                return .builtin
            }
            guard let document = read(url, &warnings) else { return .builtin }
            chain.append((current, url, document))
            next = document["inherits"]?.string
        }
        var theme: Theme?
        for (themeName, url, document) in chain.reversed() {
            let (parsed, problems) = Theme.parse(document, name: themeName, over: theme, file: url.path)
            warnings += problems
            theme = parsed
        }
        var result = theme ?? .builtin
        result.name = name
        return result
    }

    public func loadViews(_ warnings: inout [ConfigWarning]) -> [SavedView] {
        for directory in [user, shipped] {
            guard let url = directory?.appendingPathComponent("views.toml"), FileManager.default.fileExists(atPath: url.path) else { continue }
            guard let document = read(url, &warnings) else { continue }
            let (views, problems) = SavedView.parse(document, file: url.path)
            warnings += problems
            if !views.isEmpty { return views }
        }
        return [SavedView(name: "All I can see", query: TicketQuery())]
    }
}
