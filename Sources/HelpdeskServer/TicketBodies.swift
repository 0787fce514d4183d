import HelpdeskCore

/// `POST /tickets`' body: `subject`, `description`, and optionally `priority`, `category`,
/// `customer_email`. Absent text is passed on empty, so the use case lists every bad field at once.
struct NewTicketBody: Decodable {
    var input: NewTicketInput

    private enum Keys: String, CodingKey {
        case subject, description, priority, category
        case customerEmail = "customer_email"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        input = NewTicketInput(
            subject: try container.decodeIfPresent(String.self, forKey: .subject) ?? "",
            description: try container.decodeIfPresent(String.self, forKey: .description) ?? "",
            priority: try container.decodeIfPresent(String.self, forKey: .priority),
            category: try container.decodeIfPresent(String.self, forKey: .category),
            customerEmail: try container.decodeIfPresent(String.self, forKey: .customerEmail))
    }
}

/// `POST /tickets/:id/comments`' body: `body` or `content` (the text), `internal` or `is_internal`
/// (default false); both names of one field at once is refused.
struct CommentBody: Decodable {
    var body: String
    var isInternal: Bool

    private enum Keys: String, CodingKey {
        case body, content
        case `internal`
        case isInternal = "is_internal"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        var errors = FieldErrors()
        var text = "", isInternal = false
        errors.check("body") { text = try Aliases.one(of: .body, .content, in: container) ?? "" }
        errors.check("internal") { isInternal = try Aliases.one(of: .internal, .isInternal, in: container, as: Bool.self) ?? false }
        try errors.throwIfAny()
        body = text
        self.isInternal = isInternal
    }
}

/// `PUT /tickets/:id/status`' body: `{"status": "..."}`.
struct StatusBody: Decodable {
    var status: String

    private enum Keys: String, CodingKey { case status }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        guard let status = try container.decodeIfPresent(String.self, forKey: .status) else {
            throw HelpdeskError.validation("status", "is required")
        }
        self.status = status
    }
}
