import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// SSH keys: admins register them, each maps to one user, and a connection with one acts as that
/// user only while the key and the user exist and are active.
struct SSHKeyTests {
    /// Three ed25519 keys made by `ssh-keygen -t ed25519`, and their fingerprints as `ssh-keygen -lf` printed them.
    static let k1 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBbherc8wXtERFv4BhVI8f7vH6Wk1syY5OW+ECEt69XM k1"
    static let k2 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKqyrWaccmpPIBmjhqw5eE0SPUTsIBNSD2tHm8VELd40 k2"
    static let k3 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIK8Qn5x8yjUzlhh3frvTlLHTMFjqcADAuZ/sYumddv1B k3"
    static let f1 = "SHA256:VqY72o1qWHeK0OQHzXZbVisb/6w0K7f19vY6/jgJ+zQ"
    static let f2 = "SHA256:ejtIR16wvDWla0yhXAFioQ2AI/nx5l22wrtX4tgItoE"

    @Test(arguments: Engine.allCases) func anAdminAddsAKeyAndItsFingerprintIsSSHKeygens(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let key = try await fx.service.addSSHKey(email: "DAN@x.test", key: Self.k1, by: fx.admin)
        #expect(key.fingerprint == Self.f1)
        #expect(key.userEmail == "dan@x.test")
        #expect(key.type == .ed25519)
        #expect(key.lastUsedAt == nil)
        let audit = try await fx.service.auditLog(by: fx.admin)
        #expect(audit.first.map { [$0.action, $0.target, $0.detail, $0.actorEmail] } == ["ssh-key.add", "dan@x.test", Self.f1, "admin@x.test"])
    }

    @Test(arguments: Engine.allCases) func onlyAdminsAddKeysAndOnlyForAccountsThatExist(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        await expectError(.forbidden) { try await fx.service.addSSHKey(email: "dan@x.test", key: Self.k1, by: fx.dan) }
        await expectError(.forbidden) { try await fx.service.addSSHKey(email: "alice@x.test", key: Self.k1, by: fx.alice) }
        await expectError(.notFound) { try await fx.service.addSSHKey(email: "nobody@x.test", key: Self.k1, by: fx.admin) }
        await expectError(.validation, field: "key") {
            try await fx.service.addSSHKey(email: "dan@x.test", key: "command=\"sh\" " + Self.k1, by: fx.admin)
        }
        #expect(try await fx.service.sshKeys(email: nil, by: fx.admin).isEmpty)
    }

    @Test(arguments: Engine.allCases) func aKeyHeldByAnyoneIsAConflictWhateverItsComment(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        _ = try await fx.service.addSSHKey(email: "dan@x.test", key: Self.k1, by: fx.admin)
        let other = Self.k1.replacingOccurrences(of: " k1", with: " laptop")
        await expectError(.conflict, field: "key") { try await fx.service.addSSHKey(email: "erin@x.test", key: other, by: fx.admin) }
        await expectError(.conflict, field: "key") { try await fx.service.addSSHKey(email: "dan@x.test", key: Self.k1, by: fx.admin) }
        #expect(try await fx.service.sshKeys(email: nil, by: fx.admin).map(\.userEmail) == ["dan@x.test"])
    }

    @Test(arguments: Engine.allCases) func adminsListEveryKeyAndOthersOnlyTheirOwn(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        _ = try await fx.service.addSSHKey(email: "erin@x.test", key: Self.k1, by: fx.admin)
        _ = try await fx.service.addSSHKey(email: "dan@x.test", key: Self.k2, by: fx.admin)
        _ = try await fx.service.addSSHKey(email: "alice@x.test", key: Self.k3, by: fx.admin)
        #expect(try await fx.service.sshKeys(email: nil, by: fx.admin).map(\.userEmail) == ["alice@x.test", "dan@x.test", "erin@x.test"])
        #expect(try await fx.service.sshKeys(email: "erin@x.test", by: fx.admin).map(\.fingerprint) == [Self.f1])
        #expect(try await fx.service.sshKeys(email: nil, by: fx.dan).map(\.fingerprint) == [Self.f2])
        #expect(try await fx.service.sshKeys(email: "dan@x.test", by: fx.dan).map(\.fingerprint) == [Self.f2])
        await expectError(.forbidden) { try await fx.service.sshKeys(email: "erin@x.test", by: fx.dan) }
        await expectError(.forbidden) { try await fx.service.sshKeys(email: "nobody@x.test", by: fx.alice) }
        await expectError(.notFound) { try await fx.service.sshKeys(email: "nobody@x.test", by: fx.admin) }
    }

    @Test(arguments: Engine.allCases) func ownersAndAdminsRemoveKeysAndOthersCannotTellTheyExist(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        _ = try await fx.service.addSSHKey(email: "dan@x.test", key: Self.k1, by: fx.admin)
        _ = try await fx.service.addSSHKey(email: "erin@x.test", key: Self.k2, by: fx.admin)
        let someoneElses = await expectError(.notFound) { try await fx.service.removeSSHKey(fingerprint: Self.f2, by: fx.dan) }
        let nobodys = await expectError(.notFound) {
            try await fx.service.removeSSHKey(fingerprint: "SHA256:2B/FOoIDyrAICyjFYRi+7S8nn09NEc6FRxxgE45E9TU", by: fx.dan)
        }
        #expect(someoneElses?.message.contains("SSH key") == true && nobodys?.message.contains("SSH key") == true)
        await expectError(.validation, field: "fingerprint") { try await fx.service.removeSSHKey(fingerprint: "k1", by: fx.dan) }
        #expect(try await fx.service.removeSSHKey(fingerprint: Self.f1, by: fx.dan).userEmail == "dan@x.test")
        #expect(try await fx.service.removeSSHKey(fingerprint: Self.f2, by: fx.admin).userEmail == "erin@x.test")
        #expect(try await fx.service.sshKeys(email: nil, by: fx.admin).isEmpty)
        let audit = try await fx.service.auditLog(by: fx.admin).prefix(2).map { [$0.actorEmail, $0.action, $0.target, $0.detail] }
        #expect(audit == [["admin@x.test", "ssh-key.remove", "erin@x.test", Self.f2], ["dan@x.test", "ssh-key.remove", "dan@x.test", Self.f1]])
    }

    @Test(arguments: Engine.allCases) func authorizedKeysEntriesAreTheActiveUsersKeysOrTheOneAsked(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let dans = try await fx.service.addSSHKey(email: "dan@x.test", key: Self.k1, by: fx.admin)
        let erins = try await fx.service.addSSHKey(email: "erin@x.test", key: Self.k2, by: fx.admin)
        #expect(try await fx.service.sshKeyEntries(type: nil, base64: nil).map(\.id) == [dans.id, erins.id])
        let k2 = try SSHPublicKey.parse(Self.k2)
        let asked = try await fx.service.sshKeyEntries(type: "ssh-ed25519", base64: k2.base64)
        #expect(asked == [SSHKeyEntry(id: erins.id, key: k2)])
        let k3 = try SSHPublicKey.parse(Self.k3)
        #expect(try await fx.service.sshKeyEntries(type: "ssh-ed25519", base64: k3.base64).isEmpty)
        #expect(try await fx.service.sshKeyEntries(type: "ssh-dss", base64: "AAAA").isEmpty)
        await expectError(.validation, field: "key") { try await fx.service.sshKeyEntries(type: "ssh-ed25519", base64: nil) }
        _ = try await fx.service.setActive(email: "erin@x.test", active: false, by: fx.admin)
        #expect(try await fx.service.sshKeyEntries(type: "ssh-ed25519", base64: k2.base64).isEmpty)
        #expect(try await fx.service.sshKeyEntries(type: nil, base64: nil).map(\.id) == [dans.id])
    }

    @Test(arguments: Engine.allCases) func aSessionActsAsTheKeysUserOnlyWhileKeyAndUserAreThere(engine: Engine) async throws {
        let fx = try await StoreFixture(engine)
        let key = try await fx.service.addSSHKey(email: "dan@x.test", key: Self.k1, by: fx.admin)
        #expect(try await fx.at(2).openSSHSession(keyId: key.id).email == "dan@x.test")
        #expect(try await fx.service.sshKeys(email: nil, by: fx.dan).first?.lastUsedAt == fx.start.addingTimeInterval(7200))
        let connected = try await fx.service.auditLog(by: fx.admin).first
        #expect(connected.map { [$0.actorEmail, $0.action, $0.target, $0.detail] } == ["dan@x.test", "ssh.connect", "dan@x.test", Self.f1])
        _ = try await fx.service.setActive(email: "dan@x.test", active: false, by: fx.admin)
        let deactivated = await expectError(.unauthorized) { try await fx.at(3).openSSHSession(keyId: key.id) }
        #expect(deactivated?.message.contains("deactivated") == true)
        _ = try await fx.service.setActive(email: "dan@x.test", active: true, by: fx.admin)
        _ = try await fx.service.removeSSHKey(fingerprint: key.fingerprint, by: fx.admin)
        let removed = await expectError(.unauthorized) { try await fx.at(4).openSSHSession(keyId: key.id) }
        #expect(removed?.message.contains("no longer registered") == true)
        #expect(try await fx.service.auditLog(by: fx.admin).filter { $0.action == "ssh.connect" }.count == 1, "a refused connection writes nothing")
        // A key added later never takes a removed key's id, which a stale authorized_keys line names.
        let later = try await fx.service.addSSHKey(email: "erin@x.test", key: Self.k2, by: fx.admin)
        #expect(later.id != key.id)
        await expectError(.unauthorized) { try await fx.at(4).openSSHSession(keyId: key.id) }
    }
}
