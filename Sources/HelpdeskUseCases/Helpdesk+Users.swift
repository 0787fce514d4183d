import Foundation
import HelpdeskCore

extension Helpdesk {
    /// The user a trusted local face acts as (the command line's `--as`, whose trust is the right to
    /// open the database file). Use cases re-read the user on every action anyway.
    /// - Throws: `UNAUTHORIZED` when the user is unknown or deactivated; `VALIDATION_ERROR` on `as`
    ///   for a malformed email.
    public func actor(email: String) async throws -> User {
        let normalized = try Validator.email(email, field: "as")
        guard let user = try await storage.user(email: normalized) else {
            throw HelpdeskError(.unauthorized, "No user with email \(normalized)")
        }
        return try Self.acting(user)
    }

    /// A customer registers themselves. `passwordConfirmation`, when given (a form that asks twice),
    /// must equal `password`; a mismatch is listed with every other bad field.
    /// - Throws: `VALIDATION_ERROR` listing every bad field (`password_confirmation` on a mismatch);
    ///   `CONFLICT` (the email is registered).
    public func register(email: String, name: String, password: String, passwordConfirmation: String? = nil) async throws -> User {
        var errors = FieldErrors()
        if let passwordConfirmation, passwordConfirmation != password { errors.add("password_confirmation", "does not match the password") }
        let fields = try Self.validateNewUser(email: email, name: name, password: password, errors: errors)
        let hash = try await hashPassword(fields.password)
        let record = NewUserRecord(email: fields.email, name: fields.name, role: .customer, passwordHash: hash)
        return try await storage.addUser(record, actorId: nil, at: try now()) { snapshot in
            try Self.requireFreeEmail(snapshot)
            return nil
        }
    }

    /// Admins create users of any role; with no actor, the first user of an empty helpdesk creates
    /// itself, as an admin (`UserRules.requireFirstUser`).
    /// - Throws: `VALIDATION_ERROR` listing every bad field; `FORBIDDEN` (not an admin);
    ///   `UNAUTHORIZED` (no actor once users exist; an unknown or deactivated actor); `CONFLICT`
    ///   (the email is taken).
    public func addUser(
        email: String, name: String, role: String, password: String, by actor: (any ActorReference)?
    ) async throws -> User {
        var errors = FieldErrors()
        var parsedRole = Role.customer
        errors.check("role") { parsedRole = try Validator.choice(role, field: "role", as: Role.self) }
        let fields = try Self.validateNewUser(email: email, name: name, password: password, errors: errors)
        // Checked before the costly hash, and again inside the transaction.
        if let actor { try await requireAdmin(actor, to: "add users") }
        let hash = try await hashPassword(fields.password)
        let record = NewUserRecord(email: fields.email, name: fields.name, role: parsedRole, passwordHash: hash)
        let hasActor = actor != nil, role = parsedRole
        return try await storage.addUser(record, actorId: actor?.actorId, at: try now()) { snapshot in
            if hasActor {
                try Permissions.requireAdmin(try Self.acting(snapshot.actor), to: "add users")
            } else {
                try UserRules.requireFirstUser(role: role, existingUsers: snapshot.existingUsers)
            }
            try Self.requireFreeEmail(snapshot)
            return AuditRecord("user.add", target: record.email, detail: "role \(role.rawValue)")
        }
    }

    private static func requireFreeEmail(_ snapshot: NewUserSnapshot) throws {
        if snapshot.emailTaken {
            throw HelpdeskError(.conflict, "A user with this email already exists", fieldErrors: ["email": ["is already registered"]])
        }
    }

    /// The checks `addUser` makes of its fields before anything is stored, for a face that must not
    /// create a helpdesk for a first user who would be refused (the command line's first `user add`).
    /// - Throws: `VALIDATION_ERROR` listing every bad field.
    public static func checkNewUser(email: String, name: String, role: String, password: String) throws {
        var errors = FieldErrors()
        errors.check("role") { _ = try Validator.choice(role, field: "role", as: Role.self) }
        _ = try validateNewUser(email: email, name: name, password: password, errors: errors)
    }

    private static func validateNewUser(
        email: String, name: String, password: String, errors: FieldErrors = FieldErrors()
    ) throws -> (email: String, name: String, password: String) {
        var errors = errors
        var fields = (email: "", name: "", password: "")
        errors.check("email") { fields.email = try Validator.email(email) }
        errors.check("name") { fields.name = try Validator.name(name) }
        errors.check("password") { fields.password = try Validator.password(password) }
        try errors.throwIfAny()
        return fields
    }

    /// Checks a password. Five failures within 15 minutes lock the account for 15 minutes
    /// (`LoginLockout`): from `.local` (the console and command line on the machine) the account
    /// itself; from any other `origin` (an API client's address, an SSH guest's key) the account for
    /// that origin only, so failures elsewhere cannot lock anyone out of the console or another
    /// address. A success forgets the failures of its own origin only. Every failure, an unknown
    /// email, a wrong password or a locked account, is the same error (`LoginLockout.refusal`) and
    /// takes the same time (one password check each).
    /// The slow hash comparison runs outside any transaction; its outcome is then recorded in one
    /// write transaction that reads the lock as stored at that moment (`LoginLockout.conclude`), so
    /// attempts running at once, in any process, end one after another: once five have failed the
    /// rest are refused, a right password arriving after the lock neither gets in nor lifts it, and
    /// a failure never lifts it. A right password whose stored hash is weaker than the hasher's
    /// (fewer rounds) is stored again at full strength. An attempt through the API (an `.address`
    /// origin) goes to the audit log (`user.login` or `user.login-failed`, `from <address>`), in the
    /// transaction that records it; the password never does. (SSH guests' attempts are audited by
    /// the guest use cases, `ssh.guest-login*`; the machine's own are not audited.)
    /// - Throws: `UNAUTHORIZED` (`LoginLockout.refusal`; or, after the right password, a deactivated account).
    public func login(email: String, password: String, origin: LoginOrigin) async throws -> User {
        let normalized = (try? Validator.email(email)) ?? ""
        let wrong = LoginLockout.refusal
        guard let stored = try await storage.credentials(email: normalized, origin: origin) else {
            _ = await verifyPassword(password, against: Self.decoyHash)
            if let audit = Self.loginAudit(admitted: false, email: normalized.isEmpty ? "(not an email)" : normalized, origin: origin) {
                try await storage.appendAudit(audit, at: try now())
            }
            throw wrong
        }
        let now = try now()
        if LoginLockout.isLocked(until: stored.lockedUntil, at: now) {
            _ = await verifyPassword(password, against: Self.decoyHash)
            if let audit = Self.loginAudit(admitted: false, email: stored.user.email, origin: origin) {
                try await storage.appendAudit(audit, at: now)
            }
            throw wrong
        }
        let checkedHash = stored.passwordHash
        let matched = if let checkedHash { await verifyPassword(password, against: checkedHash) } else { false }
        // A refusal costs what the decoy costs: a wrong password on an account with a cheaper (older)
        // hash, or none, is padded with the decoy's check, so timing tells no account apart.
        if !matched, checkedHash.map(hasher.needsRehash) ?? true {
            _ = await verifyPassword(password, against: Self.decoyHash)
        }
        var freshHash: String?
        if matched, let checkedHash, hasher.needsRehash(checkedHash) {
            freshHash = try await hashPassword(password)
        }
        let rehash = freshHash
        let (snapshot, saved) = try await storage.recordLogin(userId: stored.user.id, origin: origin, at: now) { snapshot in
            let outcome = LoginLockout.conclude(
                passwordMatched: matched, failures: snapshot.failures, lockedUntil: snapshot.lockedUntil, at: now)
            // A hash replaced meanwhile (a reset in another process) is not overwritten by the old password's.
            let replacement = outcome.verdict == .admitted && snapshot.passwordHash == checkedHash ? rehash : nil
            return LoginRecord(
                verdict: outcome.verdict, failures: outcome.failures, lockedUntil: outcome.lockedUntil, passwordHash: replacement,
                audit: Self.loginAudit(
                    admitted: outcome.verdict == .admitted && snapshot.user?.isActive == true, email: stored.user.email, origin: origin))
        }
        // Locked, locking or wrong: the one refusal, so a login tells nothing about the account.
        guard saved.verdict == .admitted else { throw wrong }
        return try Self.acting(snapshot.user)
    }

    /// The audit entry of a login from `origin` through the API (none for another origin): by the
    /// account when admitted, else by `(anonymous)`.
    private static func loginAudit(admitted: Bool, email: String, origin: LoginOrigin) -> AuditRecord? {
        guard case .address = origin else { return nil }
        return AuditRecord(
            admitted ? "user.login" : "user.login-failed", target: email, detail: "from \(origin.auditDescription)",
            actor: admitted ? email : "(anonymous)")
    }

    /// Verified against when the email is unknown, so both failures take the same time.
    private static let decoyHash = "pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="

    /// Every account with its count of active assigned tickets, by email; admins only.
    /// - Throws: `VALIDATION_ERROR` on `role`; `FORBIDDEN` (not an admin); `UNAUTHORIZED`.
    public func listUsers(role: String?, by actor: some ActorReference) async throws -> [UserSummary] {
        try await requireAdmin(actor, to: "list users")
        let parsedRole = try role.map { try Validator.choice($0, field: "role", as: Role.self) }
        return try await storage.users(role: parsedRole, actorId: actor.actorId) { user in
            try Permissions.requireAdmin(try Self.acting(user), to: "list users")
        }
    }

    /// Agents and admins with their active assigned tickets; staff only.
    /// - Throws: `FORBIDDEN` (customers); `UNAUTHORIZED`.
    public func agents(by actor: some ActorReference) async throws -> [AgentSummary] {
        try await storage.agents(actorId: actor.actorId) { user in
            try Permissions.requireStaff(try Self.acting(user), to: "list agents")
        }
    }

    /// Changes a user's role (admins); the user's credential version moves on when the role changes.
    /// The change applies to the user's very next action, in any process.
    /// - Throws: `VALIDATION_ERROR` on `role` or `email`; `FORBIDDEN` (not an admin); `NOT_FOUND`
    ///   (no such user); `CONFLICT` (the last active admin); `UNAUTHORIZED`.
    public func setRole(email: String, role: String, by actor: some ActorReference) async throws -> User {
        try await requireAdmin(actor, to: "change roles")
        let parsedRole = try Validator.choice(role, field: "role", as: Role.self)
        return try await changeUser(email: email, by: actor, to: "change roles") { user, others in
            try UserRules.requireAnotherActiveAdmin(
                changing: user, remainsActiveAdmin: parsedRole == .admin && user.isActive, otherActiveAdmins: others)
            var changed = user
            changed.role = parsedRole
            return UserChange(
                user: changed, bumpCredentialVersion: parsedRole != user.role,
                audit: AuditRecord("user.role", target: user.email, detail: "\(user.role.rawValue) -> \(parsedRole.rawValue)"))
        }
    }

    /// Deactivates or reactivates a user (admins); the credential version moves on when that
    /// changes anything. Deactivated users cannot act, from their very next action in any process;
    /// their tickets stay where they are.
    /// - Throws: `VALIDATION_ERROR` on `email`; `FORBIDDEN` (not an admin); `NOT_FOUND` (no such
    ///   user); `CONFLICT` (the last active admin); `UNAUTHORIZED`.
    public func setActive(email: String, active: Bool, by actor: some ActorReference) async throws -> User {
        let action = active ? "activate users" : "deactivate users"
        try await requireAdmin(actor, to: action)
        return try await changeUser(email: email, by: actor, to: action) { user, others in
            try UserRules.requireAnotherActiveAdmin(changing: user, remainsActiveAdmin: user.role == .admin && active, otherActiveAdmins: others)
            var changed = user
            changed.isActive = active
            return UserChange(
                user: changed, bumpCredentialVersion: active != user.isActive,
                audit: AuditRecord(active ? "user.activate" : "user.deactivate", target: user.email))
        }
    }

    /// Sets a new password for a user (typed by the admin, or generated by `UserRules` and returned
    /// once) and lifts any lockout; the credential version moves on, so credentials issued before
    /// stop working.
    /// - Throws: `FORBIDDEN` (not an admin); `VALIDATION_ERROR` on `password` (too short) or
    ///   `email`; `NOT_FOUND` (no such user); `UNAUTHORIZED`.
    public func resetPassword(
        email: String, to newPassword: String?, by actor: some ActorReference
    ) async throws -> (user: User, generated: String?) {
        // Checked before the costly hash, and again inside the transaction.
        try await requireAdmin(actor, to: "reset passwords")
        var generated: String?
        let password: String
        if let newPassword {
            password = try Validator.password(newPassword)
        } else {
            var generator = SystemRandomNumberGenerator()
            password = UserRules.generatePassword(using: &generator)
            generated = password
        }
        let hash = try await hashPassword(password)
        let user = try await changeUser(email: email, by: actor, to: "reset passwords") { user, _ in
            UserChange(
                user: user, passwordHash: hash, bumpCredentialVersion: true, clearLockout: true,
                audit: AuditRecord("user.password-reset", target: user.email))
        }
        return (user, generated)
    }

    /// Sets the IANA zone a user's times are shown in (`DisplayZone`), or with `zone == nil` unsets
    /// it (then `TZ`, else UTC). Users set their own; admins anyone's (audited).
    /// - Throws: `VALIDATION_ERROR` on `time_zone` (not an IANA name) or `email`; `FORBIDDEN` (a
    ///   non-admin naming anyone but themselves, whether or not the account exists); `NOT_FOUND`
    ///   (an admin naming no user); `UNAUTHORIZED`.
    public func setTimeZone(email: String, zone: String?, by actor: some ActorReference) async throws -> User {
        var errors = FieldErrors()
        var normalized = "", name: String?
        errors.check("email") { normalized = try Validator.email(email, field: "email") }
        if let zone { errors.check("time_zone") { name = try DisplayZone.validate(zone) } }
        try errors.throwIfAny()
        let lookup = normalized, zoneName = name
        return try await storage.changeUser(email: lookup, actorId: actor.actorId, at: try now()) { snapshot in
            let me = try Self.acting(snapshot.actor)
            guard me.role == .admin || snapshot.user?.id == me.id else {
                throw HelpdeskError.forbidden("Only admins may set another user's time zone")
            }
            guard let user = snapshot.user else { throw HelpdeskError.notFound("User \(lookup)") }
            var changed = user
            changed.timeZone = zoneName
            let audit = user.id == me.id ? nil : AuditRecord("user.time-zone", target: user.email, detail: zoneName ?? "unset")
            return UserChange(user: changed, bumpCredentialVersion: false, audit: audit)
        }
    }

    /// The decision every change of an account shares: an admin acts on an existing user.
    private func changeUser(
        email: String, by actor: some ActorReference, to action: String,
        _ decide: @escaping @Sendable (_ user: User, _ otherActiveAdmins: Int) throws -> UserChange
    ) async throws -> User {
        let normalized = try Validator.email(email, field: "email")
        return try await storage.changeUser(email: normalized, actorId: actor.actorId, at: try now()) { snapshot in
            try Permissions.requireAdmin(try Self.acting(snapshot.actor), to: action)
            guard let user = snapshot.user else { throw HelpdeskError.notFound("User \(normalized)") }
            return try decide(user, snapshot.otherActiveAdmins)
        }
    }
}
