import HelpdeskCore
import OpenAPIKit

/// Parameters, headers and links several operations share.
enum APIParameters {
    /// `:id` of the ticket routes.
    static let ticketNumber = OpenAPI.Parameter.path(
        name: "id", schema: WireSchemas.ticketNumber,
        description: "The ticket number, `TICK-YYYYMMDD-NNNN` (letters in any case). A ticket in the trash is 404 here for everyone.")

    /// The optional `If-Match` every change of a ticket takes (`TicketParameters.expectedVersion`).
    static let ifMatch = OpenAPI.Parameter.header(
        name: "If-Match", required: false, schema: .string(pattern: #"^(\*|(W/)?"[0-9]{1,9}"|[0-9]{1,9})$"#),
        description: "The ticket's `ETag` as last seen, `\"<version>\"`: a stale one is 409 `CONFLICT` and nothing is written; `*` or none skips the check.")

    /// The list's query parameters (`TicketParameters.query`): the command line's filters.
    static let ticketList: [OpenAPI.Parameter] = [
        .query(name: "status", schema: .array(items: WireSchemas.choice(TicketStatus.self, "A status.")), description: "Only these statuses (repeat the parameter)."),
        .query(name: "priority", schema: .array(items: WireSchemas.choice(Priority.self, "A priority.")), description: "Only these priorities."),
        .query(
            name: "category", schema: .array(items: WireSchemas.choice(TicketCategory.self, "A category.")), description: "Only these categories."),
        .query(name: "assignee", schema: .string, description: "An agent's email, `me`, or `none` for unassigned tickets."),
        .query(name: "requester", schema: .string, description: "The requester's email."),
        .query(name: "search", schema: .string, description: "Words in the subject, description or comments (bounded: see the README's search limits)."),
        .query(name: "breaching", schema: .boolean, description: "Only tickets with an SLA clock past due or at risk."),
        .query(
            name: "sort", schema: .string(allowedValues: TicketSort.allCases.map { AnyCodable($0.rawValue) }),
            description: "The order (default: newest first)."),
        .query(
            name: "limit", schema: .integer(maximum: (TicketQuery.maximumLimit, exclusive: false), minimum: (1, exclusive: false)),
            description: "Tickets per page (default 50)."),
        .query(name: "after", schema: .string, description: "A page's `next_cursor`: the page after it."),
        .query(name: "before", schema: .string, description: "A page's `previous_cursor`: the page before it."),
        .query(name: "trash", schema: .boolean, description: "Admins: list the trash instead of live tickets (403 for anyone else)."),
    ]

    /// `from` and `to` of the reports (`ReportPeriod.parse`).
    static let period: [OpenAPI.Parameter] = [
        .query(name: "from", schema: .string(format: .date), description: "The first UTC day (default: 29 days before `to`)."),
        .query(name: "to", schema: .string(format: .date), description: "The last UTC day (default: today)."),
    ]

    /// `ETag: "<version>"` of a ticket's answers.
    static let etag = OpenAPI.Header(schema: .string, description: "The ticket's version, `\"<version>\"`: send it back as `If-Match`.")

    /// Links from an answer that names a ticket to the operations a client may call on it next.
    static func ticketLinks(_ operationIds: [String], number: OpenAPI.RuntimeExpression) -> [String: OpenAPI.Link] {
        var links: [String: OpenAPI.Link] = [:]
        for id in operationIds { links[id] = OpenAPI.Link(operationId: id, parameters: ["id": .a(number)]) }
        return links
    }

    /// `number` of the ticket in the answer's body.
    static let numberInBody = OpenAPI.RuntimeExpression.response(.body(.path(["number"])))
    /// `:id` of the request.
    static let numberInPath = OpenAPI.RuntimeExpression.request(.path(name: "id"))
}
