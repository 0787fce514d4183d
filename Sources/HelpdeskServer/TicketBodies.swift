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

/// `PUT /tickets/:id`'s body: any of `subject`, `description`, `category` (an absent one is left as it is).
struct TicketEditBody: Decodable {
    var subject: String?
    var description: String?
    var category: String?
}

/// `PUT /tickets/:id/priority`'s body: `{"priority": "..."}`.
struct PriorityBody: Decodable {
    var priority: String

    private enum Keys: String, CodingKey { case priority }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        guard let priority = try container.decodeIfPresent(String.self, forKey: .priority) else {
            throw HelpdeskError.validation("priority", "is required")
        }
        self.priority = priority
    }
}

/// `POST /tickets/:id/assign`'s body: `{"assignee": EMAIL}` or `{"auto": true}`, exactly one.
struct AssignBody: Decodable {
    /// The email, or nil for automatic assignment.
    var assignee: String?

    private enum Keys: String, CodingKey { case assignee, auto }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let email = try container.decodeIfPresent(String.self, forKey: .assignee)
        let auto = try container.decodeIfPresent(Bool.self, forKey: .auto) ?? false
        guard (email == nil) == auto else { throw HelpdeskError.validation("assignee", "give exactly one of assignee and \"auto\": true") }
        assignee = email
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
