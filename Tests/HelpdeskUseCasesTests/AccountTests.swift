import Foundation
import HelpdeskCore
import Testing
import HelpdeskUseCases

struct AccountTests {
    @Test(arguments: Engine.allCases) func loginLocksAfterFiveFailuresAndUnlocksAfterFifteenMinutes(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        #expect(try await fx.service.login(email: "dan@x.test", password: "password1", origin: .local).email == "dan@x.test")
        for minute in 0..<5 {
            await expectError(.unauthorized) { try await fx.at(Double(minute) / 60).login(email: "dan@x.test", password: "wrong-one", origin: .local) }
        }
        do {
            _ = try await fx.at(10.0 / 60).login(email: "dan@x.test", password: "password1", origin: .local)
            Issue.record("a locked account must not log in, even with the right password")
        } catch let error as HelpdeskError {
            #expect(error.code == .unauthorized)
            #expect(error.message.contains("locked"))
        }
        #expect(try await fx.at(20.0 / 60).login(email: "dan@x.test", password: "password1", origin: .local).email == "dan@x.test")
    }

    /// 24 logins at once, 23 wrong guesses and the right password at a seeded place, four times:
    /// the attempts end one after another, each recorded in the transaction that reads the lock, so
    /// failures after the lock never lift it and the right password after it does not get in. Every
    /// refusal reads the same (`LoginLockout.refusal`); what shows is that the account ends locked,
    /// for exactly the lock's 15 minutes.
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
                            _ = try await service.login(email: "dan@x.test", password: index == right ? "password1" : "wrong-guess-\(index)", origin: .local)
                            return "in"
                        } catch let error as HelpdeskError where error == LoginLockout.refusal {
                            return "refused"
                        } catch {
                            return "unexpected: \(error)"
                        }
                    }
                }
                return await group.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
            }
            let context = "trial \(trial), right password at \(right), \(seed): \(answers)"
            #expect(answers["in", default: 0] <= 1, "\(context)")
            #expect(answers["in", default: 0] + answers["refused", default: 0] == 24, "\(context)")
            await expectError(.unauthorized, "the account ends locked; \(context)") {
                try await service.login(email: "dan@x.test", password: "password1", origin: .local)
            }
            await expectError(.unauthorized, "still locked a second before the lock ends; \(context)") {
                try await fx.at(15.0 / 60 - 1.0 / 3600).login(email: "dan@x.test", password: "password1", origin: .local)
            }
            #expect(try await fx.at(15.0 / 60).login(email: "dan@x.test", password: "password1", origin: .local).email == "dan@x.test", "\(context)")
        }
    }

    @Test(arguments: Engine.allCases) func wrongEmailAndWrongPasswordSayTheSame(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        await #expect(throws: LoginLockout.refusal) { try await fx.service.login(email: "nobody@x.test", password: "whatever1", origin: .local) }
        await #expect(throws: LoginLockout.refusal) { try await fx.service.login(email: "dan@x.test", password: "whatever1", origin: .local) }
    }

    /// Issue 11, §10: after five failures a known email's refusal (even with the right password),
    /// the refusal that locks it, and an unknown email's are one and the same error.
    @Test(arguments: Engine.allCases) func aLockedAccountAndAnUnknownEmailLookTheSame(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        var refusals: [HelpdeskError] = []
        for minute in 0..<5 {
            let error = await expectError(.unauthorized) { try await fx.at(Double(minute) / 60).login(email: "dan@x.test", password: "wrong-one", origin: .local) }
            refusals += error.map { [$0] } ?? []
        }
        let locked = await expectError(.unauthorized) { try await fx.at(0.1).login(email: "dan@x.test", password: "password1", origin: .local) }
        let unknown = await expectError(.unauthorized) { try await fx.at(0.1).login(email: "nobody@x.test", password: "password1", origin: .local) }
        refusals += [locked, unknown].compactMap { $0 }
        #expect(refusals.count == 7)
        #expect(refusals.allSatisfy { $0 == LoginLockout.refusal }, "\(Set(refusals.map(\.message)))")
        #expect(LoginLockout.refusal.message.hasPrefix("Wrong email or password"))
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

    /// Issue 11, §6: `josé@c.test` typed precomposed and as `e` + U+0301 is one account, at every
    /// entry point: register, login, --as, user changes, assign, staff filing and list filters.
    @Test(arguments: Engine.allCases) func anAddressTypedEitherWayIsOneAccount(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let precomposed = "jos\u{E9}@c.test", decomposed = "jose\u{301}@c.test"
        let jose = try await fx.service.register(email: precomposed, name: "Jos\u{E9}", password: "password1")
        #expect(try await fx.service.login(email: decomposed, password: "password1", origin: .local).id == jose.id)
        #expect(try await fx.service.login(email: "JOSE\u{301}@C.TEST", password: "password1", origin: .local).id == jose.id)
        #expect(try await fx.service.actor(email: decomposed).id == jose.id)
        let error = await expectError(.conflict, field: "email") {
            try await fx.service.register(email: decomposed, name: "Jos\u{E9} again", password: "password1")
        }
        #expect(error?.message == "A user with this email already exists")
        let users = try await fx.service.listUsers(role: "customer", by: fx.admin)
        // Swift's `==` holds canonically equivalent strings equal; the store compares bytes, so do we.
        #expect(users.filter { $0.user.email.utf8.elementsEqual(precomposed.utf8) }.count == 1)
        #expect(users.filter { $0.user.email == precomposed }.count == 1, "one row, not two that look alike")
        // Staff filing for the decomposed form files it as the customer's, so the customer sees it.
        let filed = try await fx.service.createTicket(
            NewTicketInput(subject: "Filed by phone", description: "Customer called about the invoice.", customerEmail: decomposed),
            by: fx.alice)
        #expect(filed.requester.id == jose.id)
        #expect(filed.ticket.customerEmail.utf8.elementsEqual(precomposed.utf8))
        #expect(try await fx.service.ticket(number: filed.ticket.number, by: jose).ticket.number == filed.ticket.number)
        var query = TicketQuery()
        query.requesterEmail = decomposed
        #expect(try await fx.service.listTickets(query, by: fx.admin).tickets.map(\.ticket.number) == [filed.ticket.number])
        // Admin actions name the account however its address is typed.
        let agentAddress = "ren\u{E9}e@x.test"
        _ = try await fx.service.addUser(email: agentAddress, name: "Ren\u{E9}e", role: "agent", password: "password1", by: fx.admin)
        await expectError(.conflict, field: "email") {
            try await fx.service.addUser(email: "RENE\u{301}E@x.test", name: "Twin", role: "agent", password: "password1", by: fx.admin)
        }
        _ = try await fx.service.assign(number: filed.ticket.number, to: "rene\u{301}e@x.test", by: fx.admin)
        var assigned = TicketQuery()
        assigned.assignee = .email("RENE\u{301}E@X.TEST")
        #expect(try await fx.service.listTickets(assigned, by: fx.admin).tickets.count == 1)
        #expect(try await fx.service.setRole(email: "rene\u{301}e@x.test", role: "admin", by: fx.admin).role == .admin)
        #expect(try await fx.service.setActive(email: "RENE\u{301}E@x.test", active: false, by: fx.admin).isActive == false)
    }

    /// Issue 11, §10: a user sets their own time zone, an admin anyone's (audited); nobody else.
    @Test(arguments: Engine.allCases) func usersSetTheirOwnTimeZoneAndAdminsAnyones(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        #expect(try await fx.service.setTimeZone(email: "dan@x.test", zone: "Europe/Paris", by: fx.dan).timeZone == "Europe/Paris")
        #expect(try await fx.service.currentUser(fx.dan).timeZone == "Europe/Paris")
        #expect(try await fx.service.setTimeZone(email: "DAN@x.test", zone: nil, by: fx.admin).timeZone == nil)
        #expect(try await fx.service.auditLog(limit: 1, by: fx.admin).first?.action == "user.time-zone")
        await expectError(.forbidden) { try await fx.service.setTimeZone(email: "erin@x.test", zone: "UTC", by: fx.dan) }
        await expectError(.forbidden, "a customer does not learn whether an email exists") {
            try await fx.service.setTimeZone(email: "nobody@x.test", zone: "UTC", by: fx.dan)
        }
        await expectError(.notFound) { try await fx.service.setTimeZone(email: "nobody@x.test", zone: "UTC", by: fx.admin) }
        await expectError(.validation, field: "time_zone") { try await fx.service.setTimeZone(email: "dan@x.test", zone: "CET", by: fx.dan) }
    }
}
