import HelpdeskCore
import OpenAPIKit

/// The JSON Schemas of HelpdeskWire's shapes, as the document's `components.schemas`. Every
/// property the encoder writes is declared (objects allow no other key), optionals are written as
/// `null` and so are required and nullable, and enums list the core's cases, so a value the server
/// sends either matches or fails `WireConformanceTests`, which encodes what every endpoint answers.
enum WireSchemas {
    /// A `$ref` to the component `name`.
    static func ref(_ name: String) -> JSONSchema { .reference(.component(named: name)) }

    /// The components, by name.
    static var components: OpenAPI.ComponentDictionary<JSONSchema> {
        [
            "Error": error,
            "Health": object("`GET /health`.", ["status": .string(description: "Always `ok`.", allowedValues: ["ok"])]),
            "User": object("A user (`register --json`).", userProperties),
            "TokenGrant": tokenGrant,
            "Session": session,
            "SessionList": object("The caller's live sessions, newest first.", ["sessions": .array(items: ref("Session"))]),
            "SLAClock": slaClock,
            "SLA": object("A ticket's two SLA clocks.", ["first_response": ref("SLAClock"), "resolution": ref("SLAClock")]),
            "Ticket": object("A ticket (`ticket show --json` without the thread).", ticketProperties),
            "TicketDetail": object(
                "A ticket with the thread the caller may see (`ticket show --json`).",
                adding(["comments": .array(description: "Oldest first.", items: ref("Comment"))], to: ticketProperties)),
            "TicketPage": ticketPage,
            "Comment": comment,
            "CommentList": object("A ticket's thread, oldest first.", ["comments": .array(items: ref("Comment"))]),
            "HistoryEntry": historyEntry,
            "History": object("A ticket's record, oldest first.", ["history": .array(items: ref("HistoryEntry"))]),
            "Dashboard": dashboard,
            "VolumeReport": volumeReport,
            "AgentsReport": agentsReport,
            "SLAReport": slaReport,
            "Compliance": compliance,
            "Agent": object(
                "An agent or admin and their load (`agents list --json`).",
                adding(["open_assigned": count("Active tickets assigned to them now.")], to: userProperties)),
            "AgentList": object("Agents and admins.", ["agents": .array(items: ref("Agent"))]),
        ]
    }

    // MARK: Shapes

    static let error = object(
        "The seed's error object, for every failure.",
        [
            "status": .string(description: "Always `error`.", allowedValues: ["error"]),
            "message": .string(description: "One sentence for a person."),
            "code": choice(ErrorCode.self, "The error's code; the HTTP status follows from it."),
            "errors": .object(
                description: "Field (snake_case) to the rules its value broke; `{}` when no field is at fault.",
                additionalProperties: .b(.array(items: .string))),
        ])

    static let userProperties: OrderedDictionary<String, JSONSchema> = [
        "email": .string(description: "The login, lower-cased."),
        "name": .string(description: "The display name."),
        "role": choice(Role.self, "The user's role."),
        "active": .boolean(description: "False once deactivated."),
        "created_at": time("When the account was made."),
        "time_zone": .string(nullable: true, description: "IANA zone for the console and command line; null when unset."),
    ]

    static let tokenGrant = object(
        "A login's answer: an access token and a refresh token.",
        [
            "access_token": .string(description: "A JWT (HS256) to send as `Authorization: Bearer …`."),
            "refresh_token": .string(nullable: true, description: "Traded once at `POST /auth/refresh` for a new grant."),
            "token_type": .string(description: "Always `Bearer`.", allowedValues: ["Bearer"]),
            "expires_in": .integer(description: "Seconds until the access token expires."),
            "user": ref("User"),
        ])

    static let session = object(
        "One API session (a login).",
        [
            "id": .string(description: "The `sid` of its tokens."),
            "created_at": time("When the login happened."),
            "last_used_at": time("The last refresh, or the login."),
            "current": .boolean(description: "True for the session of the token that asked."),
        ])

    static let slaClock = object(
        "One SLA clock read now.",
        [
            "state": .string(description: "The clock's state.", allowedValues: ["pending", "at_risk", "met", "breached"]),
            "due": time("When the clock falls due, later by time spent paused."),
            "seconds_left": .integer(description: "Whole seconds until `due`, negative once overdue."),
            "paused": .boolean(description: "True while the ticket waits on the customer."),
        ])

    static let ticketProperties: OrderedDictionary<String, JSONSchema> = [
        "number": ticketNumber,
        "subject": .string(description: "One line, 5 to 200 characters."),
        "description": .string(description: "The customer's text; may hold newlines."),
        "status": choice(TicketStatus.self, "Where the ticket is in the workflow."),
        "priority": choice(Priority.self, "The priority; sets both SLA targets."),
        "category": choice(TicketCategory.self, "The category."),
        "requester": .string(description: "The email of the user the ticket belongs to."),
        "customer_email": .string(description: "The address replies go to."),
        "submitter": .string(description: "The email of who filed it."),
        "assignee": .string(nullable: true, description: "The assigned agent's email; null when nobody is."),
        "created_at": time("When it was filed."),
        "updated_at": time("When anything about it last changed."),
        "first_response_at": time("Staff's first public reply; null until then.", nullable: true),
        "resolved_at": time("When it was resolved; null if it is not.", nullable: true),
        "closed_at": time("When it was closed; null if it is not.", nullable: true),
        "deleted_at": time("When it went to the trash; null unless it is there.", nullable: true),
        "version": .integer(description: "Goes up with every change; the `ETag`.", minimum: (1, exclusive: false)),
        "sla": ref("SLA"),
    ]

    static let ticketPage = object(
        "One page of a ticket list.",
        [
            "tickets": .array(items: ref("Ticket")),
            "next_cursor": .string(nullable: true, description: "Pass as `after` for the next page; null on the last."),
            "previous_cursor": .string(nullable: true, description: "Pass as `before` for the page before; null on the first."),
        ])

    static let comment = object(
        "One message of a ticket's thread.",
        [
            "id": .integer(description: "Unique in the helpdesk."),
            "author": .string(description: "The author's email."),
            "author_name": .string(description: "The author's display name."),
            "author_role": choice(Role.self, "The author's role."),
            "body": .string(description: "The text; may hold newlines."),
            "internal": .boolean(description: "True for a note between staff, which customers never see."),
            "created_at": time("When it was written."),
        ])

    static let historyEntry = object(
        "One recorded change.",
        [
            "at": time("When."),
            "actor": .string(description: "The email of who made it."),
            "action": choice(HistoryAction.self, "What happened."),
            "field": .string(nullable: true, description: "The field that changed; null for the whole ticket."),
            "old_value": .string(nullable: true, description: "The value before."),
            "new_value": .string(nullable: true, description: "The value after."),
            "reason": .string(nullable: true, description: "Why a change followed from another; null when made as asked."),
        ])

    static let dashboard = object(
        "Counts of the tickets the caller may see (`report dashboard --json`).",
        [
            "open": count("Active tickets."),
            "unassigned": count("Active tickets with nobody assigned."),
            "breached_now": count("Active tickets with a clock past due."),
            "at_risk": count("Active tickets with a clock in its last quarter."),
            "created_today": count("Created since midnight UTC."),
            "resolved_today": count("Resolved since midnight UTC."),
            "by_status": tally(TicketStatus.self, "Tickets per status."),
            "by_priority": tally(Priority.self, "Active tickets per priority."),
        ])

    static let volumeReport = object(
        "Tickets created and resolved per UTC day (`report volume --json`).",
        [
            "from": day("The first day."),
            "to": day("The last day."),
            "days": .array(
                description: "One entry per day, oldest first.",
                items: object(
                    "One day.",
                    ["date": day("The day."), "created": count("Created that day."), "resolved": count("Resolved that day.")])),
        ])

    static let agentsReport = object(
        "Each agent's figures over a period (`report agents --json`).",
        [
            "from": day("The first day."),
            "to": day("The last day."),
            "agents": .array(
                items: object(
                    "One agent.",
                    [
                        "email": .string(description: "The agent's email."),
                        "name": .string(description: "The agent's name."),
                        "open_assigned": count("Active tickets assigned now."),
                        "resolved": count("Resolved in the period."),
                        "median_resolution_seconds": .number(nullable: true, description: "Null when nothing was resolved."),
                        "sla_compliance_percent": .number(nullable: true, description: "Null when no clock finished."),
                    ])),
        ])

    static let slaReport = object(
        "SLA compliance of the tickets created in a period (`report sla --json`).",
        ["from": day("The first day."), "to": day("The last day."), "first_response": ref("Compliance"), "resolution": ref("Compliance")])

    static let compliance = object(
        "One clock's compliance over the clocks that finished.",
        [
            "total": count("Clocks that finished."),
            "met": count("Of those, met."),
            "breached": count("Of those, breached."),
            "compliance_percent": .number(nullable: true, description: "Null when nothing finished."),
            "mean_seconds": .number(nullable: true, description: "Null when nothing finished."),
            "median_seconds": .number(nullable: true, description: "Null when nothing finished."),
        ])

    // MARK: Building blocks

    /// `TICK-YYYYMMDD-NNNN`.
    static let ticketNumber = JSONSchema.string(
        description: "The ticket number, `TICK-YYYYMMDD-NNNN`.", pattern: "^TICK-[0-9]{8}-[0-9]{4,}$")

    /// An object with exactly `properties`, all of them present (the wire format writes every key).
    static func object(_ description: String, _ properties: OrderedDictionary<String, JSONSchema>) -> JSONSchema {
        .object(description: description, properties: properties, additionalProperties: .a(false))
    }

    /// A string that is one of `T`'s raw values.
    static func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ description: String, required: Bool = true) -> JSONSchema
    where T.RawValue == String {
        .string(required: required, description: description, allowedValues: T.allCases.map { AnyCodable($0.rawValue) })
    }

    /// A UTC time, ISO 8601 to the second.
    static func time(_ description: String, nullable: Bool = false) -> JSONSchema {
        .string(format: .dateTime, nullable: nullable, description: description + " (UTC)")
    }

    /// A UTC day, `YYYY-MM-DD`.
    static func day(_ description: String) -> JSONSchema {
        .string(format: .date, description: description)
    }

    /// A count, 0 or more.
    static func count(_ description: String) -> JSONSchema {
        .integer(description: description, minimum: (0, exclusive: false))
    }

    /// A count for every case of `T`, each named.
    static func tally<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ description: String) -> JSONSchema where T.RawValue == String {
        object(description, OrderedDictionary(T.allCases.map { ($0.rawValue, count($0.rawValue)) }, uniquingKeysWith: { $1 }))
    }

    /// `base`'s properties followed by `extra`'s: the shape of a `WireMerged`.
    static func adding(
        _ extra: OrderedDictionary<String, JSONSchema>, to base: OrderedDictionary<String, JSONSchema>
    ) -> OrderedDictionary<String, JSONSchema> {
        var merged = base
        for (key, value) in extra { merged[key] = value }
        return merged
    }
}
