import Foundation

/// Timings of one operation: ours, and the floor's when there is one.
struct Measurement: Encodable {
    var operation: String
    var goalMs: Double?
    var runs: Int
    var p50Ms: Double
    var p95Ms: Double
    var floorP50Ms: Double?
    var floorP95Ms: Double?
    /// Our p50 over the floor's p50.
    var ratio: Double? { floorP50Ms.map { p50Ms / max($0, 1e-6) } }
    var note: String?

    enum CodingKeys: String, CodingKey {
        case operation, runs, note, ratio
        case goalMs = "goal_ms", p50Ms = "p50_ms", p95Ms = "p95_ms", floorP50Ms = "floor_p50_ms", floorP95Ms = "floor_p95_ms"
        case meetsGoal = "meets_goal"
    }

    var meetsGoal: Bool? { goalMs.map { p95Ms <= $0 } }

    /// Every field, absent ones as null, with the ratio and the verdict a reader of the JSON wants.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(operation, forKey: .operation)
        try container.encode(runs, forKey: .runs)
        try container.encode(goalMs, forKey: .goalMs)
        try container.encode(p50Ms, forKey: .p50Ms)
        try container.encode(p95Ms, forKey: .p95Ms)
        try container.encode(floorP50Ms, forKey: .floorP50Ms)
        try container.encode(floorP95Ms, forKey: .floorP95Ms)
        try container.encode(ratio, forKey: .ratio)
        try container.encode(meetsGoal, forKey: .meetsGoal)
        try container.encode(note, forKey: .note)
    }
}

/// Times a closure: a few unrecorded warm-up runs (page cache, statement caches), then `runs` runs.
struct Stopwatch {
    var runs: Int
    var warmup = 5

    func time(_ body: (Int) async throws -> Void) async rethrows -> [Double] {
        for run in 0..<warmup { try await body(run) }
        let clock = ContinuousClock()
        var samples: [Double] = []
        for run in 0..<runs {
            let start = clock.now
            try await body(warmup + run)
            samples.append((clock.now - start).seconds * 1000)
        }
        return samples
    }

    static func percentile(_ samples: [Double], _ p: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .nan }
        let index = min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))
        return sorted[index]
    }
}

extension Measurement {
    init(_ operation: String, goal: Double?, ours: [Double], floor: [Double]? = nil, note: String? = nil) {
        self.operation = operation
        goalMs = goal
        runs = ours.count
        p50Ms = Stopwatch.percentile(ours, 0.5)
        p95Ms = Stopwatch.percentile(ours, 0.95)
        floorP50Ms = floor.map { Stopwatch.percentile($0, 0.5) }
        floorP95Ms = floor.map { Stopwatch.percentile($0, 0.95) }
        self.note = note
    }
}

/// A duration as floating-point seconds, for timings.
extension Duration {
    var seconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }
}
