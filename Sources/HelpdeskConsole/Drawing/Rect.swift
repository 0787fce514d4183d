/// A rectangle of terminal cells.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var isEmpty: Bool { width == 0 || height == 0 }
    public var bottom: Int { y + height }
    public var right: Int { x + width }

    /// The area inside a margin on every side.
    public func inset(_ margin: Int) -> Rect {
        Rect(x: x + margin, y: y + margin, width: width - 2 * margin, height: height - 2 * margin)
    }

    /// One row of the rectangle (empty when out of range).
    public func row(_ index: Int) -> Rect {
        index < height ? Rect(x: x, y: y + index, width: width, height: 1) : Rect(x: x, y: y, width: 0, height: 0)
    }

    /// A centred box of at most the given size.
    public func centered(width w: Int, height h: Int) -> Rect {
        let width = min(w, self.width), height = min(h, self.height)
        return Rect(x: x + (self.width - width) / 2, y: y + (self.height - height) / 2, width: width, height: height)
    }
}

/// How much of a split a part takes.
public enum Constraint: Sendable, Equatable {
    case length(Int)
    case percentage(Int)
    case min(Int)
    case fill
}

public enum Direction: Sendable { case horizontal, vertical }

/// A one-dimensional splitter: fixed lengths and percentages first, then minimums, and `fill`
/// parts share what is left. Parts never overflow the area.
public enum Layout {
    public static func split(_ area: Rect, _ direction: Direction, _ constraints: [Constraint]) -> [Rect] {
        let total = direction == .horizontal ? area.width : area.height
        var sizes = constraints.map { constraint -> Int in
            switch constraint {
            case .length(let n): n
            case .percentage(let p): total * p / 100
            case .min(let n): n
            case .fill: 0
            }
        }
        var remaining = total - sizes.reduce(0, +)
        let growable = constraints.indices.filter {
            if case .fill = constraints[$0] { return true }
            if case .min = constraints[$0] { return true }
            return false
        }
        if remaining > 0 && !growable.isEmpty {
            let fills = growable.filter { constraints[$0] == .fill }
            let targets = fills.isEmpty ? growable : fills
            for (offset, index) in targets.enumerated() {
                let share = remaining / (targets.count - offset)
                sizes[index] += share
                remaining -= share
            }
        }
        var position = direction == .horizontal ? area.x : area.y
        let end = position + total
        return sizes.map { size in
            let clamped = max(0, min(size, end - position))
            defer { position += clamped }
            return direction == .horizontal
                ? Rect(x: position, y: area.y, width: clamped, height: area.height)
                : Rect(x: area.x, y: position, width: area.width, height: clamped)
        }
    }
}
