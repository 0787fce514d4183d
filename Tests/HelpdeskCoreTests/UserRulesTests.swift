import Foundation
import Testing
@testable import HelpdeskCore

struct UserRulesTests {
    @Test func theFirstUserMustBeAnAdminAndOnlyTheFirst() {
        #expect(throws: Never.self) { try UserRules.requireFirstUser(role: .admin, existingUsers: 0) }
        expectError(.validation, field: "role") { try UserRules.requireFirstUser(role: .agent, existingUsers: 0) }
        expectError(.unauthorized) { try UserRules.requireFirstUser(role: .admin, existingUsers: 1) }
    }

    @Test(arguments: [
        // (role, active, stays an active admin, other active admins, refused)
        (Role.admin, true, false, 0, true),
        (Role.admin, true, false, 1, false),
        (Role.admin, true, true, 0, false),
        (Role.admin, false, false, 0, false),  // already inactive: nothing is lost
        (Role.agent, true, false, 0, false),
    ])
    func theLastActiveAdminStays(role: Role, active: Bool, remains: Bool, others: Int, refused: Bool) {
        var user = Fixture.admin
        user.role = role
        user.isActive = active
        let change = { try UserRules.requireAnotherActiveAdmin(changing: user, remainsActiveAdmin: remains, otherActiveAdmins: others) }
        if refused {
            expectError(.conflict) { try change() }
        } else {
            #expect(throws: Never.self) { try change() }
        }
    }

    @Test func generatedPasswordsUseTheUnambiguousAlphabetAndLength() {
        let seed = TestSeed(default: 0x5EED_0001)
        seed.run { generator in
            let passwords = (0..<200).map { _ in UserRules.generatePassword(using: &generator) }
            #expect(passwords.allSatisfy { $0.count == 16 }, "\(seed)")
            #expect(passwords.allSatisfy { $0.allSatisfy { !"0O1lI".contains($0) } }, "\(seed)")
            #expect(Set(passwords).count == passwords.count, "\(seed)")
            #expect(Set(passwords.joined()).count == UserRules.generatedPasswordAlphabet.count, "every letter is drawn (\(seed))")
        }
    }
}

struct ReportPeriodTests {
    @Test func bothBadBoundsAreReportedTogether() {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let error = expectError(.validation) { try ReportPeriod.parse(from: "2026-13-01", to: "x", now: now) }
        #expect(error.map { Set($0.fieldErrors.keys) } == ["from", "to"])
        expectError(.validation, field: "from") { try ReportPeriod.parse(from: "2026-11-29", to: "2026-11-01", now: now) }
    }
}

extension ReportPeriodTests {
    @Test func aPeriodIsAtMostTenYears() throws {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let longest = try ReportPeriod.parse(from: "2016-01-01", to: "2026-01-07", now: now)
        #expect(Int(longest.until.timeIntervalSince(longest.from) / 86400) == 3_660)
        let error = expectError(.validation, field: "from") { try ReportPeriod.parse(from: "2000-01-01", to: "2999-12-31", now: now) }
        #expect(error?.fieldErrors["from"]?.first?.contains("at most 3660 days") == true)
        expectError(.validation, field: "from") { try ReportPeriod.parse(from: "2016-01-01", to: "2026-01-08", now: now) }
    }
}
