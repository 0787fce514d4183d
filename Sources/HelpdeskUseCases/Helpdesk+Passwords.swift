import Foundation
import HelpdeskCore

extension Helpdesk {
    /// A user changes their own password. The current one is checked exactly as a login checks it
    /// (`login` from `origin`: a failure counts toward that origin's lockout, a locked account is
    /// refused whatever it sends), the new one validated and stored hashed, and the credential
    /// version moves on, so every session and token issued before ends (a face opens a new session
    /// for the caller). Audited.
    /// - Throws: `VALIDATION_ERROR` on `new_password`; `UNAUTHORIZED` (the current password wrong, the
    ///   account locked, or the user unable to act).
    public func changePassword(current: String, new: String, origin: LoginOrigin, by actor: some ActorReference) async throws -> User {
        let me = try await currentUser(actor)
        let password: String
        do {
            password = try Validator.password(new)
        } catch let error as HelpdeskError {
            throw HelpdeskError(error.code, error.message, fieldErrors: ["new_password": error.fieldErrors.values.flatMap { $0 }])
        }
        _ = try await login(email: me.email, password: current, origin: origin)
        let hash = try await hashPassword(password)
        let id = me.id
        return try await storage.changeUser(email: me.email, actorId: id, at: try now()) { snapshot in
            let acting = try Self.acting(snapshot.actor)
            guard let user = snapshot.user, user.id == acting.id, acting.id == id else {
                throw HelpdeskError(.unauthorized, "The account changed while the password was being changed; try again")
            }
            return UserChange(
                user: user, passwordHash: hash, bumpCredentialVersion: true, clearLockout: true,
                audit: AuditRecord("user.password-change", target: user.email, detail: "from \(origin.auditDescription)"))
        }
    }
}
