import Foundation

/// Rules about accounts that no storage engine may decide differently: who the first user is, that
/// a helpdesk always keeps an active admin, and how generated passwords are made.
public enum UserRules {
    /// A new helpdesk's first account is made without an acting admin, and must itself be an admin
    /// (otherwise nobody could ever manage users).
    /// - Parameters:
    ///   - role: the role asked for the new account.
    ///   - existingUsers: how many accounts the helpdesk already holds.
    /// - Throws: `UNAUTHORIZED` when accounts already exist (then an admin must add users);
    ///   `VALIDATION_ERROR` on `role` when the first account is not an admin.
    public static func requireFirstUser(role: Role, existingUsers: Int) throws {
        guard existingUsers == 0 else {
            throw HelpdeskError(.unauthorized, "Adding a user needs an admin")
        }
        guard role == .admin else {
            throw HelpdeskError.validation("role", "the first user of a new helpdesk must be an admin")
        }
    }

    /// The last active admin may not be demoted or deactivated: a helpdesk without one could never
    /// again add users, change roles or settings.
    /// - Parameters:
    ///   - user: the account being changed, as stored before the change.
    ///   - remainsActiveAdmin: whether the account is an active admin after the change.
    ///   - otherActiveAdmins: active admins other than `user`.
    /// - Throws: `CONFLICT` when the change would leave no active admin.
    public static func requireAnotherActiveAdmin(changing user: User, remainsActiveAdmin: Bool, otherActiveAdmins: Int) throws {
        let wasActiveAdmin = user.role == .admin && user.isActive
        if wasActiveAdmin && !remainsActiveAdmin && otherActiveAdmins == 0 {
            throw HelpdeskError.conflict("\(user.email) is the last active admin; make another admin first")
        }
    }

    /// The characters of a generated password: letters and digits without the look-alikes
    /// `0 O 1 l I`, so that one read aloud or copied by hand arrives intact.
    public static let generatedPasswordAlphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// How long a generated password is: 16 characters of a 57-letter alphabet, about 93 bits.
    public static let generatedPasswordLength = 16

    /// A password for an admin's reset, drawn from `generator` (the system's CSPRNG in production).
    public static func generatePassword(using generator: inout some RandomNumberGenerator) -> String {
        let alphabet = generatedPasswordAlphabet
        return String((0..<generatedPasswordLength).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
