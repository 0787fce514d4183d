/// A helix-style theme: dotted scopes that fall back to their parent (`ticket.priority.urgent` →
/// `ticket.priority` → `ticket`), a `[palette]` of named colours, and `inherits`.
public struct Theme: Sendable, Equatable {
    public var name: String
    public var scopes: [String: Style] = [:]

    public init(name: String, scopes: [String: Style] = [:]) {
        self.name = name
        self.scopes = scopes
    }

    /// The fallback when no theme loads: plain text, with selection in reverse video.
    public static let builtin = Theme(name: "builtin", scopes: [
        "ui.selection": Style(attributes: .reversed), "ui.header": Style(attributes: .bold),
        "ui.message.error": Style(attributes: .bold), "thread.internal": Style(attributes: .italic),
    ])

    public func style(_ scope: String) -> Style {
        var key = Substring(scope)
        while true {
            if let style = scopes[String(key)] { return style }
            guard let dot = key.lastIndex(of: ".") else { return .plain }
            key = key[..<dot]
        }
    }

    /// Whether this theme's colours can be shown: with fewer colours than it uses, a theme should
    /// fall back to `mono`.
    public var usesColour: Bool { scopes.values.contains { $0.fg != nil || $0.bg != nil } }

    /// Reads a theme file's scopes and palette over a parent theme.
    public static func parse(_ document: TOMLTable, name: String, over parent: Theme?, file: String) -> (Theme, [ConfigWarning]) {
        var theme = parent ?? Theme(name: name)
        theme.name = name
        var warnings: [ConfigWarning] = []
        var palette: [String: Color] = [:]
        if let table = document["palette"]?.table {
            for entry in table.entries {
                if let text = entry.value.string, let color = Color(parsing: text) {
                    palette[entry.key] = color
                } else {
                    warnings.append(ConfigWarning(file: file, line: entry.line, message: "bad colour for palette '\(entry.key)'"))
                }
            }
        }
        func color(_ value: TOMLValue?, line: Int) -> Color? {
            guard let text = value?.string else { return nil }
            if let named = palette[text] ?? Color(parsing: text) { return named }
            warnings.append(ConfigWarning(file: file, line: line, message: "bad colour '\(text)'"))
            return nil
        }
        for entry in document.entries where entry.key != "palette" && entry.key != "inherits" {
            switch entry.value {
            case .string:
                if let fg = color(entry.value, line: entry.line) { theme.scopes[entry.key] = Style(fg: fg) }
            case .table(let table):
                var style = Style(fg: color(table["fg"], line: entry.line), bg: color(table["bg"], line: entry.line))
                if case .array(let modifiers)? = table["modifiers"] {
                    for modifier in modifiers {
                        if let name = modifier.string, let attribute = Attributes.names.first(where: { $0.0 == name })?.1 {
                            style.attributes.insert(attribute)
                        } else {
                            warnings.append(ConfigWarning(file: file, line: entry.line, message: "unknown modifier \(modifier)"))
                        }
                    }
                }
                for key in table.entries.map(\.key) where !["fg", "bg", "modifiers"].contains(key) {
                    warnings.append(ConfigWarning(file: file, line: entry.line, message: "unknown style field '\(key)'"))
                }
                theme.scopes[entry.key] = style
            default:
                warnings.append(ConfigWarning(file: file, line: entry.line, message: "'\(entry.key)' must be a colour or a style table"))
            }
        }
        return (theme, warnings)
    }

}
