import Foundation

/// Timings of one operation: ours, and the floor's when there is one.
struct Measurement: Codable {
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
        case operation, runs, note
        case goalMs = "goal_ms", p50Ms = "p50_ms", p95Ms = "p95_ms", floorP50Ms = "floor_p50_ms", floorP95Ms = "floor_p95_ms"
    }

    var meetsGoal: Bool? { goalMs.map { p95Ms <= $0 } }
}

/// Times a closure: a few unrecorded warm-up runs (page cache, statement caches), then `runs` runs.
struct Stopwatch {
    var runs: Int
    var warmup = 5

    func time(_ body: (Int) throws -> Void) rethrows -> [Double] {
        for run in 0..<warmup { try body(run) }
        let clock = ContinuousClock()
        return try (0..<runs).map { run in
            let start = clock.now
            try body(warmup + run)
            return (clock.now - start).seconds * 1000
        }
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
