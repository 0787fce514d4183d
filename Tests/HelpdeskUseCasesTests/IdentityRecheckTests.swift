import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// Every use case re-reads the acting user inside its transaction: a `User` value held by a face
/// (a console logged in an hour ago) carries an id, never a role or a right to act.
struct IdentityRecheckTests {
    @Test(arguments: Engine.allCases) func aDeactivatedAgentsStaleSessionCanNeitherReplyNorNote(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let number = try await fx.file()
        _ = try await fx.service.assign(number: number, to: "alice@x.test", by: fx.admin)
        let session = fx.alice  // what a console logged in as Alice holds
        _ = try await fx.service.setActive(email: "alice@x.test", active: false, by: fx.admin)
        await expectError(.unauthorized) { _ = try await fx.service.addComment(number: number, body: "Public reply", isInternal: false, by: session) }
        await expectError(.unauthorized) { _ = try await fx.service.addComment(number: number, body: "Internal note", isInternal: true, by: session) }
        await expectError(.unauthorized) { _ = try await fx.service.changeStatus(number: number, to: "in_progress", by: session) }
        await expectError(.unauthorized) { _ = try await fx.service.listTickets(TicketQuery(), by: session) }
        #expect(try await fx.service.comments(number: number, by: fx.admin).isEmpty, "nothing was stored under the deactivated account")
    }

    @Test(arguments: Engine.allCases) func aDemotedAdminsStaleSessionHasOnlyTheNewRolesPowers(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let second = try await fx.service.addUser(email: "root@x.test", name: "Root", role: "admin", password: "password1", by: fx.admin)
        let session = fx.admin  // still says role admin
        _ = try await fx.service.setRole(email: "admin@x.test", role: "customer", by: second)
        await expectError(.forbidden) { _ = try await fx.service.listUsers(role: nil, by: session) }
        await expectError(.forbidden) { _ = try await fx.service.setRole(email: "admin@x.test", role: "admin", by: session) }
        await expectError(.forbidden) { _ = try await fx.service.setAutoAssign(true, by: session) }
        await expectError(.forbidden) { _ = try await fx.service.dashboard(by: session) }
        _ = try await fx.service.setActive(email: "admin@x.test", active: false, by: second)
        await expectError(.unauthorized) { _ = try await fx.service.setActive(email: "admin@x.test", active: true, by: session) }
        let stored = try #require(try await fx.service.listUsers(role: nil, by: second).first { $0.user.email == "admin@x.test" })
        #expect(stored.user.role == .customer && !stored.user.isActive)
        let selfServed = try await fx.service.auditLog(by: second).filter { $0.actorEmail == "admin@x.test" && $0.target == "admin@x.test" }
        #expect(selfServed.isEmpty, "the audit log shows no change the demoted admin made to himself")
    }

    /// A demoted agent's open session reads as the customer they now are: no internal note by any
    /// path, on the ticket they themselves requested.
    @Test(arguments: Engine.allCases) func aDemotedAgentsStaleSessionNoLongerReadsInternalNotes(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let marker = "okapi7731"
        let number = try await fx.file("Alice's own laptop", by: fx.alice)
        _ = try await fx.service.assign(number: number, to: "bob@x.test", by: fx.admin)
        _ = try await fx.service.addComment(number: number, body: "Internal: \(marker) on order", isInternal: true, by: fx.bob)
        _ = try await fx.service.addComment(number: number, body: "Your laptop is on its way", isInternal: false, by: fx.bob)
        let session = fx.alice
        var search = TicketQuery()
        search.search = marker
        #expect(try await fx.service.countTickets(search, by: session) == 1, "as an agent she found it")
        _ = try await fx.service.setRole(email: "alice@x.test", role: "customer", by: fx.admin)
        #expect(try await fx.service.comments(number: number, by: session).map(\.comment.body) == ["Your laptop is on its way"])
        #expect(try await fx.service.history(number: number, by: session).allSatisfy { !$0.entry.isInternal })
        #expect(try await fx.service.listTickets(search, by: session).tickets.isEmpty)
        #expect(try await fx.service.countTickets(search, by: session) == 0)
        await expectError(.forbidden) { _ = try await fx.service.addComment(number: number, body: "Note", isInternal: true, by: session) }
    }

    @Test(arguments: Engine.allCases) func aPromotedAgentActsAsAdminAtOnce(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let session = fx.alice
        await expectError(.forbidden) { _ = try await fx.service.listUsers(role: nil, by: session) }
        _ = try await fx.service.setRole(email: "alice@x.test", role: "admin", by: fx.admin)
        #expect(try await fx.service.listUsers(role: nil, by: session).count == 5)
        #expect(try await fx.service.currentUser(session).role == .admin)
    }

    @Test(arguments: Engine.allCases) func aRemovedOrDeactivatedActorIsUnauthorized(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let ghost = User(id: 9_999, email: "ghost@x.test", name: "Ghost", role: .admin, createdAt: fx.start)
        await expectError(.unauthorized) { _ = try await fx.service.currentUser(ghost) }
        await expectError(.unauthorized) { _ = try await fx.file(by: ghost) }
        _ = try await fx.service.setActive(email: "dan@x.test", active: false, by: fx.admin)
        await expectError(.unauthorized) { _ = try await fx.file(by: fx.dan) }
        #expect(try await fx.allTickets().isEmpty)
    }

    @Test(arguments: Engine.allCases) func theCredentialVersionMovesWithEveryChangeOfRights(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        func stored() async throws -> Int {
            try #require(try await fx.service.listUsers(role: nil, by: fx.admin).first { $0.user.email == "alice@x.test" }).user.credentialVersion
        }
        #expect(try await stored() == 1)
        #expect(try await fx.service.resetPassword(email: "alice@x.test", to: "new-password", by: fx.admin).user.credentialVersion == 2)
        #expect(try await stored() == 2)
        _ = try await fx.service.setRole(email: "alice@x.test", role: "agent", by: fx.admin)
        #expect(try await stored() == 2, "setting the role it already has changes nothing")
        #expect(try await fx.service.setRole(email: "alice@x.test", role: "admin", by: fx.admin).credentialVersion == 3)
        _ = try await fx.service.setActive(email: "alice@x.test", active: false, by: fx.admin)
        #expect(try await stored() == 4)
        _ = try await fx.service.setActive(email: "alice@x.test", active: true, by: fx.admin)
        #expect(try await stored() == 5)
        // A ticket change is not a change of rights.
        _ = try await fx.file(by: fx.alice)
        #expect(try await stored() == 5)
    }
}
