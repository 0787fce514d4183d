import Foundation
import HelpdeskCore
import Testing
@testable import HelpdeskStore

/// Every use case re-reads the acting user inside its transaction: a `User` value held by a face
/// (a console logged in an hour ago) carries an id, never a role or a right to act.
struct IdentityRecheckTests {
    /// The code a use case threw, or nil when it did not throw a `HelpdeskError`.
    func code(_ body: () throws -> Void) -> ErrorCode? {
        do {
            try body()
            return nil
        } catch let error as HelpdeskError {
            return error.code
        } catch {
            return nil
        }
    }

    @Test func aDeactivatedAgentsStaleSessionCanNeitherReplyNorNote() throws {
        let fx = try StoreFixture()
        let number = try fx.file()
        _ = try fx.service.assign(number: number, to: "alice@x.test", by: fx.admin)
        let session = fx.alice  // what a console logged in as Alice holds
        _ = try fx.service.setActive(email: "alice@x.test", active: false, by: fx.admin)
        #expect(code { _ = try fx.service.addComment(number: number, body: "Public reply", isInternal: false, by: session) } == .unauthorized)
        #expect(code { _ = try fx.service.addComment(number: number, body: "Internal note", isInternal: true, by: session) } == .unauthorized)
        #expect(code { _ = try fx.service.changeStatus(number: number, to: "in_progress", by: session) } == .unauthorized)
        #expect(code { _ = try fx.service.listTickets(TicketQuery(), by: session) } == .unauthorized)
        #expect(try fx.service.comments(number: number, by: fx.admin).isEmpty, "nothing was stored under the deactivated account")
    }

    @Test func aDemotedAdminsStaleSessionHasOnlyTheNewRolesPowers() throws {
        let fx = try StoreFixture()
        let second = try fx.service.addUser(email: "root@x.test", name: "Root", role: "admin", password: "password1", by: fx.admin)
        let session = fx.admin  // still says role admin
        _ = try fx.service.setRole(email: "admin@x.test", role: "customer", by: second)
        #expect(code { _ = try fx.service.listUsers(role: nil, by: session) } == .forbidden)
        #expect(code { _ = try fx.service.setRole(email: "admin@x.test", role: "admin", by: session) } == .forbidden)
        #expect(code { _ = try fx.service.setAutoAssign(true, by: session) } == .forbidden)
        #expect(code { _ = try fx.service.dashboard(by: session) } == .forbidden)
        _ = try fx.service.setActive(email: "admin@x.test", active: false, by: second)
        #expect(code { _ = try fx.service.setActive(email: "admin@x.test", active: true, by: session) } == .unauthorized)
        let stored = try #require(try fx.service.listUsers(role: nil, by: second).first { $0.user.email == "admin@x.test" })
        #expect(stored.user.role == .customer && !stored.user.isActive)
        let selfServed = try fx.service.auditLog(by: second).filter { $0.actorEmail == "admin@x.test" && $0.target == "admin@x.test" }
        #expect(selfServed.isEmpty, "the audit log shows no change the demoted admin made to himself")
    }

    @Test func aPromotedAgentActsAsAdminAtOnce() throws {
        let fx = try StoreFixture()
        let session = fx.alice
        #expect(code { _ = try fx.service.listUsers(role: nil, by: session) } == .forbidden)
        _ = try fx.service.setRole(email: "alice@x.test", role: "admin", by: fx.admin)
        #expect(try fx.service.listUsers(role: nil, by: session).count == 5)
        #expect(try fx.service.currentUser(session).role == .admin)
    }

    @Test func aRemovedOrDeactivatedActorIsUnauthorized() throws {
        let fx = try StoreFixture()
        let ghost = User(id: 9_999, email: "ghost@x.test", name: "Ghost", role: .admin, createdAt: fx.start)
        #expect(code { _ = try fx.service.currentUser(ghost) } == .unauthorized)
        #expect(code { _ = try fx.file(by: ghost) } == .unauthorized)
        _ = try fx.service.setActive(email: "dan@x.test", active: false, by: fx.admin)
        #expect(code { _ = try fx.file(by: fx.dan) } == .unauthorized)
        #expect(try fx.count("SELECT COUNT(*) FROM tickets") == 0)
    }

    @Test func theCredentialVersionMovesWithEveryChangeOfRights() throws {
        let fx = try StoreFixture()
        func stored() throws -> Int {
            try #require(try fx.service.listUsers(role: nil, by: fx.admin).first { $0.user.email == "alice@x.test" }).user.credentialVersion
        }
        #expect(try stored() == 1)
        #expect(try fx.service.resetPassword(email: "alice@x.test", to: "new-password", by: fx.admin).user.credentialVersion == 2)
        #expect(try stored() == 2)
        _ = try fx.service.setRole(email: "alice@x.test", role: "agent", by: fx.admin)
        #expect(try stored() == 2, "setting the role it already has changes nothing")
        #expect(try fx.service.setRole(email: "alice@x.test", role: "admin", by: fx.admin).credentialVersion == 3)
        _ = try fx.service.setActive(email: "alice@x.test", active: false, by: fx.admin)
        #expect(try stored() == 4)
        _ = try fx.service.setActive(email: "alice@x.test", active: true, by: fx.admin)
        #expect(try stored() == 5)
        // A ticket change is not a change of rights.
        _ = try fx.file(by: fx.alice)
        #expect(try stored() == 5)
    }
}
