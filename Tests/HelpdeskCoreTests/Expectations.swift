// One file, linked into every test target (SwiftPM has no shared test-support target here).
import Foundation
import Testing
import HelpdeskCore

/// Expects `body` to throw a HelpdeskError with exactly `code` (and, when given, a problem with `field`).
@discardableResult
func expectError(
    _ code: ErrorCode, field: String? = nil, _ comment: Testing.Comment? = nil,
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> some Any
) -> HelpdeskError? {
    let error = #expect(throws: HelpdeskError.self, comment, sourceLocation: sourceLocation) { _ = try body() }
    #expect(error?.code == code, "\(comment.map { "\($0): " } ?? "")\(error.map(String.init(describing:)) ?? "")", sourceLocation: sourceLocation)
    if let field, let error {
        #expect(error.fieldErrors[field] != nil, "a problem with \(field) in \(error)", sourceLocation: sourceLocation)
    }
    return error
}

/// `expectError` for a body that awaits (the use cases are async).
@discardableResult
func expectError(
    _ code: ErrorCode, field: String? = nil, _ comment: Testing.Comment? = nil,
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> some Any
) async -> HelpdeskError? {
    let error = await #expect(throws: HelpdeskError.self, comment, sourceLocation: sourceLocation) { _ = try await body() }
    #expect(error?.code == code, "\(comment.map { "\($0): " } ?? "")\(error.map(String.init(describing:)) ?? "")", sourceLocation: sourceLocation)
    if let field, let error {
        #expect(error.fieldErrors[field] != nil, "a problem with \(field) in \(error)", sourceLocation: sourceLocation)
    }
    return error
}

/// A randomized test's seed: HELPDESK_TEST_SEED when set (to replay a failure), else the test's own.
struct TestSeed: CustomStringConvertible {
    let value: UInt64

    init(default fixed: UInt64) {
        value = ProcessInfo.processInfo.environment["HELPDESK_TEST_SEED"].flatMap { UInt64($0) } ?? fixed
    }

    var description: String { "seed \(value) (replay: HELPDESK_TEST_SEED=\(value))" }
}

extension TestSeed {
    /// Runs `body` with a generator from this seed; anything it throws is recorded with the seed.
    func run(sourceLocation: SourceLocation = #_sourceLocation, _ body: (inout SplitMix64) throws -> Void) {
        var random = SplitMix64(seed: value)
        do {
            try body(&random)
        } catch {
            Issue.record(error, "\(self)", sourceLocation: sourceLocation)
        }
    }
}

extension TestSeed {
    /// `run` for a body that awaits.
    func run(sourceLocation: SourceLocation = #_sourceLocation, _ body: (inout SplitMix64) async throws -> Void) async {
        var random = SplitMix64(seed: value)
        do {
            try await body(&random)
        } catch {
            Issue.record(error, "\(self)", sourceLocation: sourceLocation)
        }
    }
}
