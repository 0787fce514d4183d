/// One key press, decoded from whatever the terminal sent.
public enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case alt(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)

    static let named: [(String, Key)] = [
        ("ret", .enter), ("enter", .enter), ("esc", .escape), ("tab", .tab), ("S-tab", .backTab),
        ("backspace", .backspace), ("del", .delete), ("up", .up), ("down", .down), ("left", .left),
        ("right", .right), ("home", .home), ("end", .end), ("pageup", .pageUp), ("pagedown", .pageDown),
        ("space", .char(" ")), ("minus", .char("-")),
    ]

    /// Parses helix-style names: `a`, `G`, `C-d`, `A-x`, `ret`, `esc`, `tab`, `pageup`, `F5`, `space`.
    public init?(name: String) {
        if let match = Self.named.first(where: { $0.0 == name }) {
            self = match.1
            return
        }
        if name.count == 1, let c = name.first {
            self = .char(c)
            return
        }
        if name.hasPrefix("C-"), name.count == 3, let c = name.last {
            self = .ctrl(Character(c.lowercased()))
            return
        }
        if name.hasPrefix("A-"), name.count == 3, let c = name.last {
            self = .alt(c)
            return
        }
        if name.hasPrefix("F"), let n = Int(name.dropFirst()), (1...12).contains(n) {
            self = .function(n)
            return
        }
        return nil
    }

    /// The name shown in hints and help, the same one key maps use.
    public var name: String {
        switch self {
        case .char(" "): return "space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "C-\(c)"
        case .alt(let c): return "A-\(c)"
        case .function(let n): return "F\(n)"
        default: return Self.named.first { $0.1 == self }?.0 ?? "?"
        }
    }

    /// True for keys that type a character into a text field.
    public var isPrintable: Bool {
        if case .char = self { return true }
        return false
    }
}

/// What the event loop hands the console.
public enum ConsoleEvent: Sendable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// A second passed: clocks tick, other processes' changes are looked for.
    case tick
    /// Text the terminal delivered as one paste (bracketed paste mode): typed as text, never run.
    case paste(String)
}
