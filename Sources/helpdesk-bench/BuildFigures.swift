import Foundation
import GRDB
import HelpdeskSQLite

/// How long the generated database took to build.
struct BuildFigures: Encodable {
    var seconds: Double
    var ticketsPerSecond: Double

    enum CodingKeys: String, CodingKey {
        case seconds
        case ticketsPerSecond = "tickets_per_second"
    }

    static func build(tickets: Int, seed: UInt64, chineseShare: Double = 0, path: String, log: (String) -> Void) throws -> BuildFigures {
        log("building \(tickets) tickets into \(path)…")
        let clock = ContinuousClock()
        let start = clock.now
        let partial = path + ".partial"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
        let database = try HelpdeskDatabase(path: partial)
        // A bigger page cache for the build only: ten indexes over a million rows thrash the default 8 MB.
        try database.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = -262144") }
        var generator = Generator(tickets: tickets, seed: seed, now: BenchSetup.now)
        generator.chineseShare = chineseShare
        let rate = try generator.build(into: database, log: log)
        try database.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try FileManager.default.moveItem(atPath: partial, toPath: path)
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
        let seconds = (clock.now - start).seconds
        log(String(format: "built in %.1f s (%.0f tickets/s on the bulk path)", seconds, rate))
        return BuildFigures(seconds: seconds, ticketsPerSecond: rate)
    }
}
