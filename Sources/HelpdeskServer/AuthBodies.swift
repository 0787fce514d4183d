import HelpdeskCore

/// `POST /auth/register`'s body: `email`, `username` (or `name`: one of the two), `password`.
/// Absent fields are passed on empty, so the use case lists every bad field at once.
struct RegisterBody: Decodable {
    var email: String
    var name: String
    var password: String

    private enum Keys: String, CodingKey { case email, username, name, password }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        email = try container.decodeIfPresent(String.self, forKey: .email) ?? ""
        password = try container.decodeIfPresent(String.self, forKey: .password) ?? ""
        name = try Aliases.one(of: .username, .name, in: container) ?? ""
    }
}

/// `POST /auth/login`'s body: `email`, `password`.
struct LoginBody: Decodable {
    var email: String
    var password: String

    private enum Keys: String, CodingKey { case email, password }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        email = try container.decodeIfPresent(String.self, forKey: .email) ?? ""
        password = try container.decodeIfPresent(String.self, forKey: .password) ?? ""
    }
}

/// `POST /auth/refresh`'s body, when the token is not in `Authorization`: `{"refresh_token": …}`.
struct RefreshBody: Decodable {
    var refreshToken: String?

    private enum Keys: String, CodingKey { case refreshToken = "refresh_token" }

    init(from decoder: any Decoder) throws {
        refreshToken = try decoder.container(keyedBy: Keys.self).decodeIfPresent(String.self, forKey: .refreshToken)
    }
}

/// `POST /auth/password`'s body: `current_password`, `new_password`.
struct PasswordChangeBody: Decodable {
    var current: String
    var new: String

    private enum Keys: String, CodingKey {
        case current = "current_password"
        case new = "new_password"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        current = try container.decodeIfPresent(String.self, forKey: .current) ?? ""
        new = try container.decodeIfPresent(String.self, forKey: .new) ?? ""
    }
}

/// Two names for one field (`body`/`content`, `internal`/`is_internal`, `username`/`name`): either
/// may be sent, both at once is refused.
enum Aliases {
    /// The value under `first` or `second`, nil when neither is there.
    /// - Throws: `VALIDATION_ERROR` on `first` when both are there; a decoding error for a wrong type.
    static func one<Key: CodingKey, Value: Decodable>(
        of first: Key, _ second: Key, in container: KeyedDecodingContainer<Key>, as type: Value.Type = String.self
    ) throws -> Value? {
        if container.contains(first) && container.contains(second) {
            throw HelpdeskError.validation(first.stringValue, "give \(first.stringValue) or \(second.stringValue), not both")
        }
        return try container.decodeIfPresent(Value.self, forKey: first) ?? container.decodeIfPresent(Value.self, forKey: second)
    }
}
