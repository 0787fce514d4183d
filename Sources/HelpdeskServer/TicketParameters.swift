import HelpdeskCore
import Hummingbird

/// What a ticket request says besides its body: the list's query parameters (the command line's
/// filters: `status`, `priority`, `category` repeatable; `assignee` (EMAIL, `me` or `none`),
/// `requester`, `search`, `breaching`, `sort`, `limit`, `after`, `before`, `trash`), and `If-Match`.
enum TicketParameters {
    /// The list query of `request`'s query string; unknown parameters are ignored.
    /// - Throws: `VALIDATION_ERROR` listing every bad parameter.
    static func query(_ request: Request) throws -> TicketQuery {
        let parameters = request.uri.queryParameters
        func all(_ name: String) -> [String] { parameters[values: Substring(name)].map(String.init) }
        func one(_ name: String) -> String? { parameters[Substring(name)].map(String.init) }
        var errors = FieldErrors()
        var query = TicketQuery()
        errors.check("status") { query.statuses = try all("status").map { try Validator.choice($0, field: "status", as: TicketStatus.self) } }
        errors.check("priority") { query.priorities = try all("priority").map { try Validator.choice($0, field: "priority", as: Priority.self) } }
        errors.check("category") {
            query.categories = try all("category").map { try Validator.choice($0, field: "category", as: TicketCategory.self) }
        }
        if let sort = one("sort") { errors.check("sort") { query.sort = try Validator.choice(sort, field: "sort", as: TicketSort.self) } }
        if let limit = one("limit") {
            if let value = Int(limit) { query.limit = value } else { errors.add("limit", "must be a whole number") }
        }
        for flag in ["breaching", "trash"] {
            guard let text = one(flag) else { continue }
            guard let value = Self.bool(text) else { errors.add(flag, "must be true or false"); continue }
            if flag == "trash" { query.trash = value } else { query.breaching = value }
        }
        switch one("assignee")?.lowercased() {
        case nil: break
        case "me": query.assignee = .me
        case "none": query.assignee = AssigneeFilter.none
        case let email?: query.assignee = .email(email)
        }
        try errors.throwIfAny()
        query.requesterEmail = one("requester")
        query.search = one("search")
        query.after = one("after")
        query.before = one("before")
        return query
    }

    /// The version `If-Match` names (`"5"`, `W/"5"` or `5`); nil without the header or for `*`.
    /// - Throws: `VALIDATION_ERROR` on `if_match` for anything else.
    static func expectedVersion(_ request: Request) throws -> Int? {
        guard let header = request.headers[.ifMatch]?.trimmingCharacters(in: .whitespaces), header != "*" else { return nil }
        var text = Substring(header)
        if text.hasPrefix("W/") { text = text.dropFirst(2) }
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") { text = text.dropFirst().dropLast() }
        guard let version = Int(text), version >= 0 else {
            throw HelpdeskError.validation("if_match", "must be a ticket's ETag, like \"4\"")
        }
        return version
    }

    /// The `ETag` of a ticket at `version`.
    static func etag(_ version: Int) -> String { "\"\(version)\"" }

    private static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }
}
