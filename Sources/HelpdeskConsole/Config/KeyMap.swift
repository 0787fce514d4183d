import Foundation

/// Key bindings per context, helix-style: `key = "command.name"`, nested tables for prefix keys.
public struct KeyMap: Sendable, Equatable {
    public indirect enum Node: Sendable, Equatable {
        case command(String)
        case prefix([Key: Node])
    }

    public var tables: [KeyContext: [Key: Node]] = [:] {
        didSet { keysByCommand = Self.keysByCommand(tables) }
    }
    /// Per context, each command's keys (shortest first): the footer asks for them on every frame.
    private var keysByCommand: [KeyContext: [String: [String]]] = [:]

    public init() {}

    /// What a key sequence means in a context chain (focused first, then global).
    public enum Resolution: Equatable {
        case command(String)
        case pending
        case none
    }

    /// - Parameter includingGlobal: false to look in `contexts` only (a text field takes its editing
    ///   keys before the global table gets them).
    public func resolve(_ keys: [Key], in contexts: [KeyContext], includingGlobal: Bool = true) -> Resolution {
        for context in contexts + (includingGlobal ? [.global] : []) {
            var table = tables[context] ?? [:]
            for (offset, key) in keys.enumerated() {
                guard let node = table[key] else { break }
                switch node {
                case .command(let name):
                    if offset == keys.count - 1 { return .command(name) }
                case .prefix(let next):
                    if offset == keys.count - 1 { return .pending }
                    table = next
                    continue
                }
                break
            }
        }
        return .none
    }

    /// The keys bound to a command in a context (prefix sequences joined with spaces), for hints.
    public func keys(for command: String, in context: KeyContext) -> [String] {
        keysByCommand[context]?[command] ?? []
    }

    private static func keysByCommand(_ tables: [KeyContext: [Key: Node]]) -> [KeyContext: [String: [String]]] {
        func walk(_ table: [Key: Node], _ prefix: [String], into result: inout [String: [String]]) {
            for (key, node) in table {
                switch node {
                case .command(let name): result[name, default: []].append((prefix + [key.name]).joined(separator: " "))
                case .prefix(let next): walk(next, prefix + [key.name], into: &result)
                }
            }
        }
        return tables.mapValues { table in
            var result: [String: [String]] = [:]
            walk(table, [], into: &result)
            return result.mapValues { $0.sorted { ($0.count, $0) < ($1.count, $1) } }
        }
    }

    /// Applies a file's `[keys.CONTEXT]` tables over this map, key by key. Problems become warnings
    /// naming the file and line; the rest of the file still applies.
    public mutating func apply(_ document: TOMLTable, file: String) -> [ConfigWarning] {
        var warnings: [ConfigWarning] = []
        for entry in document.entries where entry.key != "keys" && entry.key != "inherits" {
            warnings.append(ConfigWarning(file: file, line: entry.line, message: "unknown setting '\(entry.key)'"))
        }
        guard let keys = document["keys"]?.table else { return warnings }
        for section in keys.entries {
            guard let context = KeyContext(rawValue: section.key), let table = section.value.table else {
                warnings.append(ConfigWarning(file: file, line: section.line, message: "unknown key context '\(section.key)'"))
                continue
            }
            tables[context] = merge(table, into: tables[context] ?? [:], context: context, file: file, warnings: &warnings)
        }
        return warnings
    }

    private func merge(
        _ table: TOMLTable, into existing: [Key: Node], context: KeyContext, file: String, warnings: inout [ConfigWarning]
    ) -> [Key: Node] {
        var result = existing
        for entry in table.entries {
            guard let key = Key(name: entry.key) else {
                warnings.append(ConfigWarning(file: file, line: entry.line, message: "unknown key name '\(entry.key)'"))
                continue
            }
            switch entry.value {
            case .string(let name):
                guard let command = CommandTable.named(name) else {
                    warnings.append(ConfigWarning(file: file, line: entry.line, message: "unknown command '\(name)'"))
                    continue
                }
                if !command.contexts.contains(context) && context != .global && !command.contexts.contains(.global) {
                    warnings.append(ConfigWarning(
                        file: file, line: entry.line, message: "command '\(name)' does not apply in [keys.\(context.rawValue)]"))
                    continue
                }
                result[key] = .command(name)
            case .table(let nested):
                var inner: [Key: Node] = [:]
                if case .prefix(let old) = result[key] { inner = old }
                result[key] = .prefix(merge(nested, into: inner, context: context, file: file, warnings: &warnings))
            default:
                warnings.append(ConfigWarning(file: file, line: entry.line, message: "'\(entry.key)' must be a command name or a table of keys"))
            }
        }
        return result
    }
}
