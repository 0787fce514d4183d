/// A one-line sparkline of values, `▁▂▃▄▅▆▇█` (or ASCII `_.-=#` where UTF-8 is missing).
public struct Sparkline {
    public static let blocks = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    public static let asciiBlocks = ["_", ".", "-", "=", "#"]

    public var values: [Int]
    public var ascii: Bool

    public init(values: [Int], ascii: Bool = false) {
        self.values = values
        self.ascii = ascii
    }

    /// The last `width` values scaled to the largest.
    public func text(width: Int) -> String {
        let shown = values.suffix(max(0, width))
        let top = max(1, shown.max() ?? 1)
        let marks = ascii ? Self.asciiBlocks : Self.blocks
        return shown.map { value in
            value <= 0 ? " " : marks[min(marks.count - 1, (value * marks.count - 1) / top)]
        }.joined()
    }
}

/// A horizontal bar with eighth-block precision (`#` in ASCII), for counts and percentages.
public struct Bar {
    public static let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    public var value: Double
    public var maximum: Double
    public var ascii: Bool

    public init(value: Double, maximum: Double, ascii: Bool = false) {
        self.value = value
        self.maximum = maximum
        self.ascii = ascii
    }

    public func text(width: Int) -> String {
        guard maximum > 0, width > 0 else { return "" }
        let eighths = Int((min(value, maximum) / maximum * Double(width * 8)).rounded())
        if ascii { return String(repeating: "#", count: eighths / 8) }
        return String(repeating: "█", count: eighths / 8) + Self.partials[eighths % 8]
    }
}
