import ArgumentParser
import Foundation
import GRDB
import HelpdeskSQLite

/// `helpdesk-bench`: builds a large helpdesk from a seed and measures what its users wait for.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpdesk-bench",
        abstract: "Measure Helpdesk on a generated helpdesk (build with -c release).",
        subcommands: [Run.self, ProbeFirstFrame.self, ProbeMemory.self],
        defaultSubcommand: Run.self)
}

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the database if needed, then measure every operation.")

    @Option(help: "Tickets to generate (about 3 comments each).")
    var tickets = 1_000_000

    @Option(help: "The database file (default .build-bench/helpdesk-TICKETS.sqlite).")
    var db: String?

    @Option(help: "Share of generated tickets written in Chinese, 0 to 1 (a new file only; default 0).")
    var chineseShare = 0.0

    @Option(help: "Timed runs per operation (p50 and p95 are over these).")
    var runs = 100

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 2026

    @Option(help: "Which groups to run: reads, writes, console, cli, api (comma-separated; default all but api).")
    var only: String = "reads,console,writes,cli"

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func run() async throws {
        let path = db ?? ".build-bench/helpdesk-\(tickets).sqlite"
        let log: (String) -> Void = { FileHandle.standardError.write(($0 + "\n").data(using: .utf8) ?? Data()) }
        var build: BuildFigures?
        if !FileManager.default.fileExists(atPath: path) {
            build = try BuildFigures.build(tickets: tickets, seed: seed, chineseShare: chineseShare, path: path, log: log)
        }
        let setup = try await BenchSetup(path: path)
        try setup.requireLegalStatusHistory(path)
        let stopwatch = Stopwatch(runs: runs)
        let groups = Set(only.split(separator: ",").map(String.init))
        let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var results: [Measurement] = []
        if groups.contains("reads") {
            log("reads…")
            results += try await ReadOperations(setup: setup, floor: try RawSQLite(path: path), stopwatch: stopwatch).all()
        }
        if groups.contains("console") {
            log("console…")
            results += try await ConsoleOperations(setup: setup, stopwatch: stopwatch).all()
            results += try await ProcessOperations(
                setup: setup, stopwatch: stopwatch, bench: binaries.appendingPathComponent("helpdesk-bench").path,
                helpdesk: binaries.appendingPathComponent("helpdesk").path
            ).console()
        }
        if groups.contains("writes") {
            log("writes…")
            results += try await WriteOperations(setup: setup, stopwatch: stopwatch).all()
        }
        if groups.contains("api") {
            log("api…")
            results += try await APIOperations(setup: setup, stopwatch: stopwatch).all()
        }
        if groups.contains("cli") {
            log("command line…")
            results += try await ProcessOperations(
                setup: setup, stopwatch: stopwatch, bench: binaries.appendingPathComponent("helpdesk-bench").path,
                helpdesk: binaries.appendingPathComponent("helpdesk").path
            ).commandLine()
        }
        let report = BenchReport(
            machine: Machine.describe(), tickets: try setup.count("tickets"), comments: try setup.count("comments"),
            databaseMB: Machine.fileMB(path), build: build, results: results)
        print(json ? try report.json() : report.table())
    }
}

struct ProbeFirstFrame: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "probe-first-frame", shouldDisplay: false)
    @Option var db: String
    func run() async throws { try await ConsoleProbes.firstFrame(path: db) }
}

struct ProbeMemory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "probe-memory", shouldDisplay: false)
    @Option var db: String
    func run() async throws { print(String(format: "%.1f", try await ConsoleProbes.memory(path: db))) }
}

extension BenchSetup {
    func count(_ table: String) throws -> Int {
        try database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }
}
