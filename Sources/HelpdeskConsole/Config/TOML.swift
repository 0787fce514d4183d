/// A TOML value of the kinds key maps, themes and views use.
public indirect enum TOMLValue: Equatable, Sendable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case array([TOMLValue])
    case table(TOMLTable)

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var table: TOMLTable? {
        if case .table(let t) = self { return t }
        return nil
    }
}

/// A table that keeps its keys in file order with the line each was written on, so that a problem
/// found after parsing can still name its line.
public struct TOMLTable: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var key: String
        public var value: TOMLValue
        public var line: Int
    }

    public var entries: [Entry] = []

    public subscript(key: String) -> TOMLValue? {
        entries.first { $0.key == key }?.value
    }

    public func line(of key: String) -> Int? {
        entries.first { $0.key == key }?.line
    }
}

/// A parse error with its position.
public struct TOMLError: Error, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }
}

/// A small TOML parser: comments, `[dotted.table]` headers, bare, quoted and dotted keys, basic and
/// literal strings, integers, booleans, arrays (over several lines) and inline tables. It refuses a
/// key defined twice, as TOML requires, and anything it does not support, naming the line.
/// Tables and arrays nest at most `maximumDepth` deep, however they are written (headers, dotted
/// keys, inline tables, arrays): parsing and every reader of the result recurse once per level, so
/// a small file nested thousands deep would otherwise overflow the stack.
public struct TOMLParser {
    /// The deepest nesting accepted; the shipped files use 4.
    public static let maximumDepth = 32

    private let chars: [Character]
    private var index = 0
    private var line = 1

    private final class Node {
        var entries: [(key: String, value: Any, line: Int)] = []
        var isInline = false
        var isHeader = false
        /// How many tables contain this one (the document's root is 0).
        var depth = 0

        func child(_ key: String) -> Any? { entries.first { $0.key == key }?.value }
    }

    public static func parse(_ text: String) throws -> TOMLTable {
        var parser = TOMLParser(chars: Array(text))
        return try parser.parseDocument()
    }

    private init(chars: [Character]) {
        self.chars = chars
    }

    private func fail(_ message: String) -> TOMLError { TOMLError(line: line, message: message) }

    private func tooDeep() -> TOMLError {
        fail("tables and arrays nest deeper than \(Self.maximumDepth) levels; at most \(Self.maximumDepth) are allowed")
    }

    private var current: Character? { index < chars.count ? chars[index] : nil }

    private mutating func advance() {
        if current == "\n" { line += 1 }
        index += 1
    }

    private mutating func skipSpaces() {
        while let c = current, c == " " || c == "\t" || c == "\r" { advance() }
    }

    private mutating func skipComment() {
        if current == "#" { while let c = current, c != "\n" { advance() } }
    }

    /// Skips blank lines and comments (inside arrays as well).
    private mutating func skipTrivia() {
        while true {
            skipSpaces()
            skipComment()
            if current == "\n" { advance() } else { return }
        }
    }

    private mutating func expectLineEnd() throws {
        skipSpaces()
        skipComment()
        if let c = current, c != "\n" { throw fail("unexpected '\(c)' after a value") }
    }

    private mutating func parseDocument() throws -> TOMLTable {
        let root = Node()
        var table = root
        while true {
            skipTrivia()
            guard let c = current else { break }
            if c == "[" {
                advance()
                if current == "[" { throw fail("arrays of tables are not supported") }
                let path = try parseKeyPath(until: "]")
                advance()
                try expectLineEnd()
                table = try descend(root, path, header: true)
            } else {
                let keyLine = line
                let path = try parseKeyPath(until: "=")
                advance()
                skipSpaces()
                let value = try parseValue(depth: table.depth + path.count)
                try expectLineEnd()
                try assign(value, at: path, in: table, line: keyLine)
            }
        }
        return convert(root)
    }

    private mutating func descend(_ root: Node, _ path: [String], header: Bool) throws -> Node {
        var node = root
        for (offset, key) in path.enumerated() {
            if let existing = node.child(key) {
                guard let next = existing as? Node, !next.isInline else { throw fail("'\(key)' is already a value, not a table") }
                if header && offset == path.count - 1 && next.isHeader { throw fail("table [\(path.joined(separator: "."))] is defined twice") }
                node = next
            } else {
                let next = Node()
                next.depth = node.depth + 1
                guard next.depth <= Self.maximumDepth else { throw tooDeep() }
                node.entries.append((key, next, line))
                node = next
            }
        }
        if header { node.isHeader = true }
        return node
    }

    private mutating func assign(_ value: Any, at path: [String], in table: Node, line keyLine: Int) throws {
        let parent = try descend(table, Array(path.dropLast()), header: false)
        guard let key = path.last else { throw fail("missing key") }
        if parent.child(key) != nil { throw TOMLError(line: keyLine, message: "duplicate key '\(key)'") }
        parent.entries.append((key, value, keyLine))
    }

    private mutating func parseKeyPath(until terminator: Character) throws -> [String] {
        var path: [String] = []
        while true {
            skipSpaces()
            guard let c = current else { throw fail("unexpected end of file in a key") }
            if c == "\"" || c == "'" {
                path.append(try parseString())
            } else {
                var key = ""
                while let k = current, k.isLetter || k.isNumber || k == "-" || k == "_" {
                    key.append(k)
                    advance()
                }
                if key.isEmpty { throw fail("expected a key, found '\(c == "\n" ? "end of line" : String(c))'") }
                path.append(key)
            }
            skipSpaces()
            if current == "." {
                advance()
                continue
            }
            guard current == terminator else {
                throw fail("expected '\(terminator)' after key '\(path.joined(separator: "."))'")
            }
            return path
        }
    }

    private mutating func parseString() throws -> String {
        let quote = current
        advance()
        var result = ""
        while let c = current {
            if c == "\n" { throw fail("unterminated string") }
            advance()
            if c == quote { return result }
            if c == "\\" && quote == "\"" {
                guard let e = current else { break }
                advance()
                switch e {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "\"": result.append("\"")
                case "\\": result.append("\\")
                case "u", "U":
                    let count = e == "u" ? 4 : 8
                    var hex = ""
                    for _ in 0..<count {
                        guard let h = current else { break }
                        hex.append(h)
                        advance()
                    }
                    guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                        throw fail("bad unicode escape \\\(e)\(hex)")
                    }
                    result.unicodeScalars.append(scalar)
                default: throw fail("unknown escape \\\(e)")
                }
            } else {
                result.append(c)
            }
        }
        throw fail("unterminated string")
    }

    /// A value `depth` levels down (a value of the root table is at 1).
    private mutating func parseValue(depth: Int) throws -> Any {
        guard let c = current else { throw fail("missing value") }
        if (c == "[" || c == "{") && depth > Self.maximumDepth { throw tooDeep() }
        switch c {
        case "\"", "'":
            return TOMLValue.string(try parseString())
        case "[":
            advance()
            var items: [TOMLValue] = []
            while true {
                skipTrivia()
                if current == "]" {
                    advance()
                    return TOMLValue.array(items)
                }
                guard let item = try parseValue(depth: depth + 1) as? TOMLValue else { throw fail("tables inside arrays are not supported") }
                items.append(item)
                skipTrivia()
                if current == "," {
                    advance()
                } else if current != "]" {
                    throw fail("expected ',' or ']' in an array")
                }
            }
        case "{":
            advance()
            let node = Node()
            node.isInline = true
            node.depth = depth
            skipSpaces()
            if current == "}" {
                advance()
                return node
            }
            while true {
                let keyLine = line
                let path = try parseKeyPath(until: "=")
                advance()
                skipSpaces()
                let value = try parseValue(depth: node.depth + path.count)
                try assign(value, at: path, in: node, line: keyLine)
                skipSpaces()
                if current == "," {
                    advance()
                    skipSpaces()
                } else if current == "}" {
                    advance()
                    return node
                } else {
                    throw fail("expected ',' or '}' in an inline table")
                }
            }
        default:
            var word = ""
            while let w = current, w.isLetter || w.isNumber || w == "-" || w == "+" || w == "_" || w == "." || w == ":" {
                word.append(w)
                advance()
            }
            if word == "true" { return TOMLValue.bool(true) }
            if word == "false" { return TOMLValue.bool(false) }
            if let number = Int(word.replacingOccurrences(of: "_", with: "")) { return TOMLValue.integer(number) }
            throw fail(word.isEmpty ? "expected a value, found '\(c)'" : "unsupported value '\(word)'")
        }
    }

    private func convert(_ node: Node) -> TOMLTable {
        TOMLTable(entries: node.entries.map { entry in
            let value: TOMLValue = (entry.value as? Node).map { .table(convert($0)) } ?? (entry.value as? TOMLValue ?? .bool(false))
            return TOMLTable.Entry(key: entry.key, value: value, line: entry.line)
        })
    }
}
