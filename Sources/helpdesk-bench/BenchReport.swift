import Foundation
import GRDBSQLite

/// The machine the figures come from.
struct Machine: Encodable {
    var cpu: String
    var cores: Int
    var memoryGB: Double
    var system: String
    var sqlite: String

    enum CodingKeys: String, CodingKey {
        case cpu, cores, system, sqlite
        case memoryGB = "memory_gb"
    }

    static func describe() -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown"
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return Machine(
            cpu: model, cores: ProcessInfo.processInfo.activeProcessorCount,
            memoryGB: (Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824).rounded(),
            system: "Linux \(release)", sqlite: String(cString: sqlite3_libversion()))
    }

    static func fileMB(_ path: String) -> Double {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return Double(size) / 1_048_576
    }
}

struct BenchReport: Encodable {
    var machine: Machine
    var tickets: Int
    var comments: Int
    var databaseMB: Double
    var build: BuildFigures?
    var results: [Measurement]

    enum CodingKeys: String, CodingKey {
        case machine, tickets, comments, build, results
        case databaseMB = "database_mb"
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func table() -> String {
        var lines = [
            "\(tickets) tickets, \(comments) comments, \(String(format: "%.0f", databaseMB)) MB; \(machine.cpu), \(machine.cores) cores, SQLite \(machine.sqlite)"
        ]
        if let build {
            lines.append(String(format: "built in %.0f s, %.0f tickets/s on the bulk path", build.seconds, build.ticketsPerSecond))
        }
        let header = ["operation", "goal p95", "p50", "p95", "floor p50", "ratio", "goal"]
        var rows = [header]
        for result in results {
            rows.append([
                result.operation,
                result.goalMs.map { Self.format($0) } ?? "",
                Self.format(result.p50Ms), Self.format(result.p95Ms),
                result.floorP50Ms.map { Self.format($0) } ?? "",
                result.ratio.map { String(format: "%.2f", $0) } ?? "",
                result.meetsGoal.map { $0 ? "met" : "MISSED" } ?? "",
            ])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for (index, row) in rows.enumerated() {
            lines.append(row.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }.joined(separator: "  "))
            if index == 0 { lines.append(String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))) }
        }
        lines.append("times in ms (memory in MB); p50/p95 over \(results.first?.runs ?? 0) runs; ratio = our p50 / floor p50")
        return lines.joined(separator: "\n")
    }

    static func format(_ ms: Double) -> String {
        ms >= 100 ? String(format: "%.0f", ms) : ms >= 10 ? String(format: "%.1f", ms) : String(format: "%.2f", ms)
    }
}
