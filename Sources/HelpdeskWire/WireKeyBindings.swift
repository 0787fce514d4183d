import HelpdeskCore

/// `keys --json`: the console's key bindings, `{"bindings": [...]}`, in the order of the Markdown
/// reference (by context, then by the command table).
public struct WireKeyBindings: Codable, Sendable, Equatable {
    /// One entry per context and command that has keys bound there.
    public var bindings: [WireKeyBinding]

    /// The bindings, in order.
    public init(bindings: [WireKeyBinding]) {
        self.bindings = bindings
    }
}

/// One command's keys in one context of the console.
public struct WireKeyBinding: Codable, Sendable, Equatable {
    /// The context (`global`, `queue`, `ticket`, `editor`, ...).
    public var context: String
    /// The keys, in helix-style names (`C-d`, `ret`); a prefix sequence is written with spaces (`g g`).
    public var keys: [String]
    /// The command's name (`ticket.reply`).
    public var command: String
    /// What the command does, for a person.
    public var description: String
    /// The roles that may use it; empty when everyone may.
    public var roles: [Role]

    /// A binding.
    public init(context: String, keys: [String], command: String, description: String, roles: [Role]) {
        self.context = context
        self.keys = keys
        self.command = command
        self.description = description
        self.roles = roles
    }
}
