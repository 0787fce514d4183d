/// The key reference as a Markdown table, generated from the command table and a key map: the README
/// embeds the default one, and a test keeps the two equal.
public enum KeyReference {
    public static func markdown(_ keyMap: KeyMap) -> String {
        var lines = ["| context | keys | command | what it does |", "| --- | --- | --- | --- |"]
        for context in KeyContext.allCases {
            for command in CommandTable.all {
                let keys = keyMap.keys(for: command.name, in: context)
                guard !keys.isEmpty else { continue }
                let shown = keys.map { "`\($0.replacingOccurrences(of: "|", with: "\\|"))`" }.joined(separator: " ")
                let who = command.roles.isEmpty ? "" : " (" + command.roles.map(\.rawValue).joined(separator: ", ") + ")"
                lines.append("| \(context.rawValue) | \(shown) | `\(command.name)` | \(command.description)\(who) |")
            }
        }
        return lines.joined(separator: "\n")
    }
}
