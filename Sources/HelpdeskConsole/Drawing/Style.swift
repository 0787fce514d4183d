/// A terminal colour: the terminal's own default, one of the 16 ANSI colours, a 256-colour index,
/// or RGB (drawn as the nearest 256-colour index where the terminal lacks direct colour).
public enum Color: Hashable, Sendable {
    case `default`
    case indexed(UInt8)
    case rgb(UInt8, UInt8, UInt8)

    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "gray", "light-red", "light-green", "light-yellow", "light-blue", "light-magenta", "light-cyan", "light-white",
    ]

    /// Parses `default`, an ANSI name, `0`–`255`, or `#rrggbb`; nil for anything else.
    public init?(parsing text: String) {
        let value = text.lowercased()
        if value == "default" || value == "reset" {
            self = .default
        } else if let index = Self.ansiNames.firstIndex(of: value) {
            self = .indexed(UInt8(index))
        } else if let number = UInt8(value) {
            self = .indexed(number)
        } else if value.hasPrefix("#"), value.count == 7, let rgb = UInt32(value.dropFirst(), radix: 16) {
            self = .rgb(UInt8(rgb >> 16 & 0xFF), UInt8(rgb >> 8 & 0xFF), UInt8(rgb & 0xFF))
        } else {
            return nil
        }
    }

    /// The 256-colour index closest to an RGB colour (the 6x6x6 cube or the grey ramp).
    public var nearestIndex: Int {
        switch self {
        case .default: return -1
        case .indexed(let index): return Int(index)
        case .rgb(let r, let g, let b):
            func level(_ c: UInt8) -> Int { c < 48 ? 0 : (c < 115 ? 1 : (Int(c) - 35) / 40) }
            let cube = 16 + 36 * level(r) + 6 * level(g) + level(b)
            let average = (Int(r) + Int(g) + Int(b)) / 3
            let grey = average > 238 ? 255 : 232 + max(0, (average - 3) / 10)
            let cubeValues = [0, 95, 135, 175, 215, 255]
            func distance(_ index: Int) -> Int {
                let (cr, cg, cb): (Int, Int, Int)
                if index >= 232 {
                    let v = 8 + (index - 232) * 10
                    (cr, cg, cb) = (v, v, v)
                } else {
                    let i = index - 16
                    (cr, cg, cb) = (cubeValues[i / 36], cubeValues[i / 6 % 6], cubeValues[i % 6])
                }
                return (cr - Int(r)) * (cr - Int(r)) + (cg - Int(g)) * (cg - Int(g)) + (cb - Int(b)) * (cb - Int(b))
            }
            return distance(cube) <= distance(grey) ? cube : grey
        }
    }
}

/// Text attributes; every one of them is available on a monochrome terminal.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1)
    public static let dim = Attributes(rawValue: 2)
    public static let italic = Attributes(rawValue: 4)
    public static let underline = Attributes(rawValue: 8)
    public static let reversed = Attributes(rawValue: 16)

    public static let names: [(String, Attributes)] = [
        ("bold", .bold), ("dim", .dim), ("italic", .italic), ("underlined", .underline), ("underline", .underline),
        ("reversed", .reversed), ("reverse", .reversed),
    ]
}

/// How a cell looks. A style laid over another keeps the lower one's colours where it has none.
public struct Style: Hashable, Sendable {
    public var fg: Color?
    public var bg: Color?
    public var attributes: Attributes

    public init(fg: Color? = nil, bg: Color? = nil, attributes: Attributes = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }

    public static let plain = Style()

    public func patched(with top: Style) -> Style {
        Style(fg: top.fg ?? fg, bg: top.bg ?? bg, attributes: attributes.union(top.attributes))
    }
}
