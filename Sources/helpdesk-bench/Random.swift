import HelpdeskCore

/// The core's SplitMix64 with the draws the generator needs; every figure comes from one seed.
struct SplitMix64Source {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func unit() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }

    mutating func below(_ bound: Int) -> Int { generator.next(below: bound) }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// Picks an index by weight.
    mutating func pick(_ weights: [Double]) -> Int {
        var target = unit() * weights.reduce(0, +)
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }
}
