import Foundation
import HelpdeskCore
import Testing
import HelpdeskUseCases

struct AccountTests {
    @Test(arguments: Engine.allCases) func loginLocksAfterFiveFailuresAndUnlocksAfterFifteenMinutes(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        #expect(try await fx.service.login(email: "dan@x.test", password: "password1").email == "dan@x.test")
        for minute in 0..<5 {
            await expectError(.unauthorized) { try await fx.at(Double(minute) / 60).login(email: "dan@x.test", password: "wrong-one") }
        }
        do {
            _ = try await fx.at(10.0 / 60).login(email: "dan@x.test", password: "password1")
            Issue.record("a locked account must not log in, even with the right password")
        } catch let error as HelpdeskError {
            #expect(error.code == .unauthorized)
            #expect(error.message.contains("locked"))
        }
        #expect(try await fx.at(20.0 / 60).login(email: "dan@x.test", password: "password1").email == "dan@x.test")
    }

    /// 24 logins at once, 23 wrong guesses and the right password at a seeded place, four times:
    /// the attempts end one after another, so exactly one failure locks the account, at most
    /// 2 × 4 guesses are told "wrong" (four before the right one may get in, four after it cleared
    /// them), every other attempt is refused as locked, and the account ends locked.
    @Test(arguments: Engine.allCases) func concurrentGuessesEndOneAfterAnotherAndLeaveTheLock(engine: Engine) async throws {
        let seed = TestSeed(default: 12)
        var random = SplitMix64(seed: seed.value)
        for trial in 0..<4 {
            let fx = try await StoreFixture(engine)
            let right = random.next(below: 24)
            let service = fx.service
            let answers = await withTaskGroup(of: String.self) { group in
                for index in 0..<24 {
                    group.addTask {
                        do {
                            _ = try await service.login(email: "dan@x.test", password: index == right ? "password1" : "wrong-guess-\(index)")
                            return "in"
                        } catch let error as HelpdeskError where error.code == .unauthorized {
                            if error.message.hasPrefix("Account locked") { return "locked" }
                            return error.message.contains("now locked") ? "locked now" : "wrong"
                        } catch {
                            return "unexpected: \(error)"
                        }
                    }
                }
                return await group.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
            }
            let context = "trial \(trial), right password at \(right), \(seed): \(answers)"
            #expect(answers["locked now"] == 1, "exactly one failure locks the account; \(context)")
            #expect(answers["wrong", default: 0] <= 2 * (LoginLockout.maxFailures - 1), "\(context)")
            #expect(answers["in", default: 0] <= 1, "\(context)")
            #expect(answers.keys.allSatisfy { ["in", "wrong", "locked now", "locked"].contains($0) }, "\(context)")
            let after = await expectError(.unauthorized, "\(context)") { try await service.login(email: "dan@x.test", password: "password1") }
            #expect(after?.message.hasPrefix("Account locked") == true, "the account ends locked; \(context)")
        }
    }

    @Test(arguments: Engine.allCases) func wrongEmailAndWrongPasswordSayTheSame(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        await #expect(throws: HelpdeskError(.unauthorized, "Wrong email or password")) { try await fx.service.login(email: "nobody@x.test", password: "whatever1") }
        await #expect(throws: HelpdeskError(.unauthorized, "Wrong email or password")) { try await fx.service.login(email: "dan@x.test", password: "whatever1") }
    }

    @Test(arguments: Engine.allCases) func onlyAdminsManageUsersAndTheLastAdminStays(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        await expectError(.forbidden) { try await fx.service.addUser(email: "eve@x.test", name: "Eve", role: "admin", password: "password1", by: fx.alice) }
        await expectError(.unauthorized) { try await fx.service.addUser(email: "eve@x.test", name: "Eve", role: "admin", password: "password1", by: nil) }
        await expectError(.conflict) { try await fx.service.setActive(email: "admin@x.test", active: false, by: fx.admin) }
        await expectError(.conflict) { try await fx.service.setRole(email: "admin@x.test", role: "agent", by: fx.admin) }
        _ = try await fx.service.setActive(email: "alice@x.test", active: false, by: fx.admin)
        await expectError(.unauthorized) { try await fx.service.actor(email: "alice@x.test") }
        do {
            _ = try await fx.service.register(email: "dan@x.test", name: "Dan again", password: "password1")
            Issue.record("duplicate email accepted")
        } catch let error as HelpdeskError {
            #expect(error.code == .conflict)
        }
    }

    /// Every admin action is in the audit log, settings too.
    @Test(arguments: Engine.allCases) func switchingAutomaticAssignmentIsAudited(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        _ = try await fx.service.setAutoAssign(true, by: fx.admin)
        _ = try await fx.service.setAutoAssign(false, by: fx.admin)
        let entries = try await fx.service.auditLog(limit: 2, by: fx.admin)
        #expect(entries.map(\.action) == ["settings.auto-assign", "settings.auto-assign"])
        #expect(entries.map(\.detail) == ["off", "on"], "newest first")
        #expect(entries.allSatisfy { $0.actorEmail == "admin@x.test" })
        await expectError(.forbidden) { try await fx.service.setAutoAssign(true, by: fx.alice) }
        #expect(try await fx.service.auditLog(by: fx.admin).count == entries.count + 3, "three users added, and the two switches")
    }
}
