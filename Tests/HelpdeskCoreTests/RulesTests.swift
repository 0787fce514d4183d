import Foundation
import Testing
@testable import HelpdeskCore

struct TicketNumberTests {
    @Test func formatsUTCDayAndPadsToFourDigitsThenGrows() {
        #expect(TicketNumber.format(day: "20261129", sequence: 1) == "TICK-20261129-0001")
        #expect(TicketNumber.format(day: "20261129", sequence: 9999) == "TICK-20261129-9999")
        #expect(TicketNumber.format(day: "20261129", sequence: 10000) == "TICK-20261129-10000")
    }

    @Test func dayIsTakenInUTCAcrossMidnight() throws {
        let formatter = ISO8601DateFormatter()
        let beforeMidnight = try #require(formatter.date(from: "2026-11-29T23:59:59Z"))
        #expect(TicketNumber.day(of: beforeMidnight) == "20261129")
        #expect(TicketNumber.day(of: beforeMidnight.addingTimeInterval(1)) == "20261130")
        let newYork = try #require(formatter.date(from: "2026-11-29T20:30:00-05:00"))
        #expect(TicketNumber.day(of: newYork) == "20261130", "01:30 UTC is already the next day")
    }

    @Test func parsesOnlyTicketNumbers() throws {
        #expect(try TicketNumber.parse("tick-20261129-0042") == "TICK-20261129-0042")
        for bad in ["", "TICK-2026112-0001", "TICK-20261129-001", "TICK-20261129-00a1", "X-20261129-0001", "TICK-20261129-0001; DROP"] {
            expectError(.validation, field: "number", "\(bad)") { try TicketNumber.parse(bad) }
        }
    }
}

struct ValidationTests {
    @Test func collectsEveryFieldErrorAtOnce() {
        do {
            _ = try TicketRules.validate(NewTicketInput(subject: " ab ", description: "short", priority: "huge", category: "misc", customerEmail: "nope"))
            Issue.record("expected a validation error")
        } catch let error as HelpdeskError {
            #expect(error.code == .validation)
            #expect(Set(error.fieldErrors.keys) == ["subject", "description", "priority", "category", "customer_email"])
            #expect(error.fieldErrors["priority"] == ["must be one of: low, medium, high, urgent"])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func lengthsAreCountedAfterTrimming() throws {
        #expect(try Validator.subject("  Hello  ") == "Hello")
        expectError(.validation, field: "subject") { try Validator.subject("   Hey   ") }
        #expect(throws: Never.self) { try Validator.subject(String(repeating: "é", count: 200)) }
        expectError(.validation, field: "subject") { try Validator.subject(String(repeating: "x", count: 201)) }
        expectError(.validation, field: "description") { try Validator.description(String(repeating: "x", count: 10_001)) }
        expectError(.validation, field: "body") { try Validator.commentBody(" \n ") }
    }

    @Test func defaultsAreMediumAndGeneral() throws {
        let valid = try TicketRules.validate(NewTicketInput(subject: "Hello there", description: "Long enough text"))
        #expect(valid.priority == .medium)
        #expect(valid.category == .general)
    }

    @Test func emailsAreNormalisedAndChecked() throws {
        #expect(try Validator.email(" Ann@Example.COM ") == "ann@example.com")
        for bad in ["ann", "ann@", "@x.com", "ann@x", "a b@x.com", "ann@x..com", "ann@@x.com", "ann@x.com\u{1B}[2J"] {
            expectError(.validation, field: "email", "\(bad)") { try Validator.email(bad) }
        }
        expectError(.validation, field: "password") { try Validator.password("short") }
    }

    /// Issue 11, §6: one person, one address, however it was typed.
    @Test func composedDecomposedAndCasedFormsAreOneEmail() throws {
        // Swift's `==` holds canonically equivalent strings equal; the store compares bytes, so do we.
        func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
        let precomposed = "jos\u{E9}@c.test", decomposed = "jose\u{301}@c.test"
        #expect(bytes(precomposed) != bytes(decomposed), "two different strings as typed")
        #expect(bytes(try Validator.email(decomposed)) == bytes(precomposed))
        #expect(bytes(try Validator.email("JOS\u{C9}@C.TEST")) == bytes(precomposed))
        #expect(bytes(try Validator.email("JOSE\u{301}@c.test")) == bytes(precomposed))
        #expect(bytes(try Validator.email("stra\u{DF}e@x.test")) == bytes("strasse@x.test"), "full case folding")
        #expect(bytes(Validator.normalizedEmail(" Jose\u{301}@C.test ")) == bytes(precomposed))
    }

    /// Issue 11, §10: zones are IANA names; a user's wins over TZ, which wins over UTC; times are labelled.
    @Test func timeZonesAreIANANamesResolvedUserThenTZThenUTC() throws {
        #expect(try DisplayZone.validate("Europe/Paris") == "Europe/Paris")
        #expect(try DisplayZone.validate("UTC") == "UTC")
        for bad in ["GMT+1", "CET", "Mars/Olympus_Mons", "", "Europe/../etc"] {
            expectError(.validation, field: "time_zone", "\(bad)") { try DisplayZone.validate(bad) }
        }
        #expect(DisplayZone.resolve(userZone: "Asia/Kolkata", environmentTZ: "Europe/Paris").identifier == "Asia/Kolkata")
        #expect(DisplayZone.resolve(userZone: nil, environmentTZ: ":Europe/Paris").identifier == "Europe/Paris")
        #expect(DisplayZone.label(DisplayZone.resolve(userZone: nil, environmentTZ: "nonsense"), at: Fixture.t0) == "UTC")
        let winter = Date(timeIntervalSince1970: 1_795_950_000)  // 2026-11-29T11:00:00Z
        let paris = DisplayZone.resolve(userZone: "Europe/Paris", environmentTZ: nil)
        #expect(DisplayText.time(winter, in: paris) == "2026-11-29 12:00 UTC+1")
        #expect(DisplayText.time(winter, in: DisplayZone.utc, year: false) == "11-29 11:00 UTC")
        let kolkata = DisplayZone.resolve(userZone: "Asia/Kolkata", environmentTZ: nil)
        #expect(DisplayText.time(winter, in: kolkata) == "2026-11-29 16:30 UTC+5:30")
        #expect(DisplayZone.label(DisplayZone.resolve(userZone: "America/St_Johns", environmentTZ: nil), at: winter) == "UTC-3:30")
    }

    /// Issue 11, §10: one wording for clocks and categories, whichever face prints them.
    @Test func clockAndCategoryWordsAreShared() {
        let due = Date(timeIntervalSince1970: 1_795_950_000)
        func reading(_ state: SLAState, _ left: Int, paused: Bool = false, finished: Bool = false) -> SLAClockReading {
            SLAClockReading(state: state, due: due, secondsLeft: left, isPaused: paused, isFinished: finished)
        }
        #expect(DisplayText.clockProgress(reading(.atRisk, 1800)) == "30m left")
        #expect(DisplayText.clockProgress(reading(.pending, 7200, paused: true)) == "2h00m left (paused)")
        #expect(DisplayText.clockProgress(reading(.breached, -6660)) == "late by 1h51m")
        #expect(DisplayText.clockProgress(reading(.met, 7200, finished: true)) == "met with 2h00m to spare")
        #expect(DisplayText.clockProgress(reading(.breached, -6660, finished: true)) == "missed by 1h51m")
        #expect(DisplayText.clock("First response", reading(.atRisk, 1800), in: DisplayZone.utc)
            == "First response: at risk, 30m left, due 2026-11-29 11:00 UTC")
        #expect(DisplayText.category(.featureRequest) == "feature request")
    }

    @Test func randomTextNeverCrashesTheValidators() {
        let seed = TestSeed(default: 66)
        var random = SplitMix64(seed: seed.value)
        let alphabet = Array("aé日 \n\t\"*-@.\u{1B}\u{0}\u{202E}x")
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "a" })
            do {
                _ = try TicketRules.validate(NewTicketInput(subject: text, description: text, priority: text, category: text, customerEmail: text))
            } catch let error as HelpdeskError {
                #expect(error.code == .validation && !error.fieldErrors.isEmpty, "\(text.debugDescription): \(error); \(seed)")
            } catch {
                Issue.record("\(text.debugDescription): \(error); \(seed)")
            }
            #expect(SearchTerms(parsing: text).terms.allSatisfy { !$0.text.isEmpty && !$0.text.contains("\"") }, "\(text.debugDescription); \(seed)")
            #expect(!DisplayText.sanitize(text).unicodeScalars.contains { $0.value < 0x20 }, "\(text.debugDescription); \(seed)")
        }
    }
}

struct AssignmentAndLockoutTests {
    @Test func autoAssignmentPicksFewestThenLeastRecentlyAssigned() {
        let t = Fixture.t0
        #expect(AutoAssignment.choose(from: []) == nil)
        #expect(AutoAssignment.choose(from: [
            AgentLoad(agentId: 1, activeTickets: 3, lastAssignedAt: nil),
            AgentLoad(agentId: 2, activeTickets: 1, lastAssignedAt: t),
        ]) == 2)
        #expect(AutoAssignment.choose(from: [
            AgentLoad(agentId: 1, activeTickets: 1, lastAssignedAt: t),
            AgentLoad(agentId: 2, activeTickets: 1, lastAssignedAt: t.addingTimeInterval(-60)),
        ]) == 2)
        #expect(AutoAssignment.choose(from: [
            AgentLoad(agentId: 1, activeTickets: 1, lastAssignedAt: t),
            AgentLoad(agentId: 2, activeTickets: 1, lastAssignedAt: nil),
        ]) == 2, "never assigned counts as longest ago")
    }

    @Test func fiveFailuresWithinFifteenMinutesLockForFifteenMinutes() {
        let t = Fixture.t0
        var failures: [Date] = []
        var locked: Date?
        for minute in 0..<4 {
            (failures, locked) = LoginLockout.recordFailure(previous: failures, at: t.addingTimeInterval(Double(minute) * 60))
            #expect(locked == nil)
        }
        (failures, locked) = LoginLockout.recordFailure(previous: failures, at: t.addingTimeInterval(14 * 60))
        #expect(locked == t.addingTimeInterval(29 * 60))
        #expect(LoginLockout.isLocked(until: locked, at: t.addingTimeInterval(28 * 60)))
        #expect(!LoginLockout.isLocked(until: locked, at: t.addingTimeInterval(29 * 60)))
    }

    @Test func failuresOlderThanTheWindowDoNotCount() {
        let t = Fixture.t0
        let old = (0..<4).map { t.addingTimeInterval(Double($0) * 60) }
        let (kept, locked) = LoginLockout.recordFailure(previous: old, at: t.addingTimeInterval(16 * 60))
        #expect(locked == nil)
        #expect(kept.count == 3)
    }

    /// An attempt ends from the lock as stored when it ends: a lock set meanwhile beats a right
    /// password, and a wrong one never lifts it.
    @Test func anAttemptEndingUnderALockKeepsIt() {
        let t = Fixture.t0, lock = t.addingTimeInterval(15 * 60)
        let right = LoginLockout.conclude(passwordMatched: true, failures: [], lockedUntil: lock, at: t.addingTimeInterval(60))
        #expect(right.verdict == .locked(until: lock))
        #expect(right.lockedUntil == lock)
        let wrong = LoginLockout.conclude(passwordMatched: false, failures: [], lockedUntil: lock, at: t.addingTimeInterval(60))
        #expect(wrong.verdict == .locked(until: lock))
        #expect(wrong.lockedUntil == lock, "a failure after the lock must not lift it")
        let admitted = LoginLockout.conclude(passwordMatched: true, failures: [t], lockedUntil: lock, at: lock)
        #expect(admitted.verdict == .admitted)
        #expect(admitted.failures.isEmpty && admitted.lockedUntil == nil)
        let fifth = LoginLockout.conclude(passwordMatched: false, failures: Array(repeating: t, count: 4), lockedUntil: nil, at: t)
        #expect(fifth.verdict == .lockedNow(until: lock))
    }
}

struct TextTests {
    @Test func controlCharactersAndEscapesBecomeVisibleMarks() {
        let hostile = "Hi\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{202E}evil\u{200B}"
        let safe = DisplayText.sanitize(hostile)
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(safe == "Hi^[]0;pwned^G^[[2J<U+9B>31m<U+202E>evil<U+200B>")
        #expect(DisplayText.sanitize("a\nb", keepNewlines: true) == "a\nb")
        #expect(DisplayText.sanitize("a\nb") == "a^Jb")
    }

    @Test func durationsReadLikeAQueue() {
        #expect(DisplayText.duration(seconds: 45 * 60) == "45m")
        #expect(DisplayText.duration(seconds: 72 * 60) == "1h12m")
        #expect(DisplayText.duration(seconds: -(3 * 3600 + 5 * 60)) == "-3h05m")
        #expect(DisplayText.duration(seconds: 51 * 3600) == "2d03h")
    }

    @Test func searchSyntaxIsDataNotQuery() {
        let terms = SearchTerms(parsing: #"refund "double charge" NEAR(a b) -x expo* "unclosed"#).terms
        #expect(terms.map(\.text) == ["refund", "double charge", "NEAR", "a", "b", "x", "expo", "unclosed"])
        #expect(terms.contains { $0.text == "double charge" && $0.isPhrase })
        #expect(terms.contains { $0.text == "expo" && $0.isPrefix })
        #expect(terms.allSatisfy { !$0.text.contains("\"") && !$0.text.contains("(") })
    }
}

struct ReportPeriodRangeTests {
    @Test func reportDaysLieWithinTheAcceptedInstants() {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        expectError(.validation, field: "from") { try ReportPeriod.parse(from: "9999-12-01", to: "9999-12-31", now: now) }
        expectError(.validation, field: "to") { try ReportPeriod.parse(from: "2999-12-20", to: "3000-01-05", now: now) }
        expectError(.validation, field: "from") { try ReportPeriod.parse(from: "1999-12-31", to: "2000-01-05", now: now) }
        #expect((try? ReportPeriod.parse(from: "2999-12-01", to: "2999-12-31", now: now)) != nil)
    }
}
