import HelpdeskCore
import OpenAPIKit

/// The documentation of the ticket endpoints (`TicketRoutes`, `TicketThreadRoutes`, `TicketWorkflowRoutes`).
extension APIOperation {
    /// What a client may do with a ticket it was just given: the stateful tests walk these
    /// (create → show → comment → delete).
    private static let onTicket = [
        "getTicket", "updateTicket", "changeStatus", "changePriority", "assignTicket", "listComments", "addComment", "getHistory",
        "deleteTicket",
    ]

    /// A ticket's subject in a body (`Validator.subjectLength`, counted after trimming spaces).
    private static func subject(required: Bool = true) -> JSONSchema {
        .string(
            required: required, nullable: !required,
            description: "One line, \(Validator.subjectLength.lowerBound) to \(Validator.subjectLength.upperBound) characters (spaces around it are trimmed).",
            minLength: Validator.subjectLength.lowerBound, maxLength: Validator.subjectLength.upperBound)
    }

    /// A ticket's description in a body (`Validator.descriptionLength`).
    private static func description(required: Bool = true) -> JSONSchema {
        .string(
            required: required, nullable: !required,
            description: "\(Validator.descriptionLength.lowerBound) to \(Validator.descriptionLength.upperBound) characters; may hold newlines.",
            minLength: Validator.descriptionLength.lowerBound, maxLength: Validator.descriptionLength.upperBound)
    }

    /// An optional body field the server reads as absent when it is null.
    private static func nullable(_ schema: JSONSchema) -> JSONSchema { schema.nullableSchemaObject() }

    private static func ticketAnswer(_ description: String, status: Int = 200, links: [String] = onTicket) -> APISuccess {
        APISuccess(
            status: status, description: description, schema: WireSchemas.ref("Ticket"), example: APIExamples.ticket,
            headers: ["ETag": APIParameters.etag], links: APIParameters.ticketLinks(links, number: APIParameters.numberInBody))
    }

    static let listTickets = APIOperation(
        id: "listTickets", tag: "tickets", summary: "List tickets",
        description: """
            One page of the tickets the caller may see (customers their own, agents those assigned to, requested by or filed by \
            them, admins all), newest first, with the command line's filters. Admins list the trash with `trash=true`.
            """,
        parameters: APIParameters.ticketList,
        success: APISuccess(status: 200, description: "A page and its cursors.", schema: WireSchemas.ref("TicketPage"), example: APIExamples.page),
        errors: [.validation, .forbidden])

    static let createTicket = APIOperation(
        id: "createTicket", tag: "tickets", summary: "File a ticket",
        description: """
            Anyone may file; a customer only for themselves. Staff may name a `customer_email`: a registered user's files it as \
            theirs, another address is kept as the contact. With automatic assignment on, the least-loaded agent gets it.
            """,
        body: APIBody(
            schema: .object(
                properties: [
                    "subject": subject(),
                    "description": description(),
                    "priority": nullable(WireSchemas.choice(Priority.self, "Default `medium`.", required: false)),
                    "category": nullable(WireSchemas.choice(TicketCategory.self, "Default `general`.", required: false)),
                    "customer_email": .string(required: false, nullable: true, description: "Staff: the customer the ticket is for."),
                ]),
            example: #"{"subject": "Sync stuck at 99 percent", "description": "Steps to reproduce are below.", "priority": "high", "category": "technical"}"#),
        success: ticketAnswer("The ticket, with `Location` and `ETag`.", status: 201),
        errors: [.forbidden])

    static let getTicket = APIOperation(
        id: "getTicket", tag: "tickets", summary: "Show a ticket with its thread",
        description: "The ticket and the comments the caller may see, oldest first (customers never get internal notes).",
        parameters: [APIParameters.ticketNumber],
        success: APISuccess(
            status: 200, description: "The ticket and its thread.", schema: WireSchemas.ref("TicketDetail"), example: APIExamples.ticketDetail,
            headers: ["ETag": APIParameters.etag],
            links: APIParameters.ticketLinks(["addComment", "deleteTicket", "changeStatus"], number: APIParameters.numberInBody)),
        errors: [.validation, .forbidden, .notFound])

    static let updateTicket = APIOperation(
        id: "updateTicket", tag: "tickets", summary: "Edit a ticket",
        description: "Any of subject, description and category (an absent one stays). Customers only until the ticket is resolved.",
        parameters: [APIParameters.ticketNumber, APIParameters.ifMatch],
        body: APIBody(
            schema: .object(
                properties: [
                    "subject": subject(required: false),
                    "description": description(required: false),
                    "category": nullable(WireSchemas.choice(TicketCategory.self, "The category.", required: false)),
                ]),
            example: #"{"subject": "Sync stuck at 99 percent on Windows"}"#),
        success: ticketAnswer("The ticket as changed."),
        errors: [.forbidden, .notFound, .conflict])

    static let deleteTicket = APIOperation(
        id: "deleteTicket", tag: "tickets", summary: "Move a ticket to the trash",
        description: "Admins. The ticket keeps its thread and history; from now on it is 404 at every ticket endpoint until restored.",
        parameters: [APIParameters.ticketNumber, APIParameters.ifMatch],
        // No link on to restore: schemathesis' use-after-free check would count the restored ticket as
        // a deleted resource still served. Restore is exercised by its own tests and fuzzing.
        success: APISuccess(status: 204, description: "In the trash."),
        errors: [.validation, .forbidden, .notFound, .conflict])

    static let restoreTicket = APIOperation(
        id: "restoreTicket", tag: "tickets", summary: "Restore a ticket from the trash",
        description: "Admins; for anyone else a ticket in the trash is 404. A ticket not in the trash is 409.",
        parameters: [APIParameters.ticketNumber],
        success: ticketAnswer("The ticket, out of the trash."),
        errors: [.validation, .forbidden, .notFound, .conflict])

    static let listComments = APIOperation(
        id: "listComments", tag: "tickets", summary: "A ticket's thread",
        description: "Oldest first; internal notes for staff only.",
        parameters: [APIParameters.ticketNumber],
        success: APISuccess(status: 200, description: "The thread.", schema: WireSchemas.ref("CommentList"), example: APIExamples.comments),
        errors: [.validation, .forbidden, .notFound])

    static let addComment = APIOperation(
        id: "addComment", tag: "tickets", summary: "Reply or add an internal note",
        description: """
            A public reply, or (staff) an internal note. A requester's reply reopens a resolved ticket, or one closed within 7 \
            days; later it is 409 `TICKET_CLOSED`.
            """,
        parameters: [APIParameters.ticketNumber, APIParameters.ifMatch],
        body: APIBody(
            schema: .object(
                properties: [
                    "body": .string(
                        description: "The text, \(Validator.commentLength.lowerBound) to \(Validator.commentLength.upperBound) characters (`content` is accepted for it, not both).",
                        minLength: Validator.commentLength.lowerBound, maxLength: Validator.commentLength.upperBound),
                    "internal": .boolean(
                        required: false, nullable: true,
                        description: "Staff: a note customers never see (`is_internal` is accepted for it, not both); null is false."),
                ]),
            example: #"{"body": "Could you send the sync log?", "internal": false}"#),
        success: APISuccess(
            status: 201, description: "The comment, with `Location` (the thread).", schema: WireSchemas.ref("Comment"), example: APIExamples.comment,
            headers: ["Location": OpenAPI.Header(schema: .string, description: "The ticket's thread.")],
            links: APIParameters.ticketLinks(["getTicket", "listComments", "deleteTicket"], number: APIParameters.numberInPath)),
        errors: [.forbidden, .notFound, .conflict, .ticketClosed])

    static let getHistory = APIOperation(
        id: "getHistory", tag: "tickets", summary: "A ticket's history",
        description: "Every recorded change, oldest first; entries about internal notes for staff only.",
        parameters: [APIParameters.ticketNumber],
        success: APISuccess(status: 200, description: "The history.", schema: WireSchemas.ref("History"), example: APIExamples.history),
        errors: [.validation, .forbidden, .notFound])

    static let changeStatus = APIOperation(
        id: "changeStatus", tag: "tickets", summary: "Move a ticket along the workflow",
        description: """
            Staff move tickets the workflow allows (a refused move is 400 naming the allowed ones; `assigned` comes from assigning); \
            customers may only reopen their own.
            """,
        parameters: [APIParameters.ticketNumber, APIParameters.ifMatch],
        body: APIBody(
            schema: .object(properties: ["status": WireSchemas.choice(TicketStatus.self, "The new status.")]),
            example: #"{"status": "in_progress"}"#),
        success: ticketAnswer("The ticket as moved."),
        errors: [.forbidden, .notFound, .conflict])

    static let changePriority = APIOperation(
        id: "changePriority", tag: "tickets", summary: "Change a ticket's priority",
        description: "Staff. Both SLA targets are recomputed from the ticket's creation.",
        parameters: [APIParameters.ticketNumber, APIParameters.ifMatch],
        body: APIBody(
            schema: .object(properties: ["priority": WireSchemas.choice(Priority.self, "The new priority.")]),
            example: #"{"priority": "urgent"}"#),
        success: ticketAnswer("The ticket with its new priority."),
        errors: [.forbidden, .notFound, .conflict])

    static let assignTicket = APIOperation(
        id: "assignTicket", tag: "tickets", summary: "Assign a ticket",
        description: "Admins: to an active agent or admin by email, or `{\"auto\": true}` for the least-loaded agent.",
        parameters: [APIParameters.ticketNumber, APIParameters.ifMatch],
        body: APIBody(
            schema: .one(of: [
                .object(properties: [
                    "assignee": .string(description: "The agent's email."),
                    "auto": .boolean(required: false, nullable: true, allowedValues: [false, nil]),
                ]),
                .object(properties: [
                    "auto": .boolean(description: "Let automatic assignment pick.", allowedValues: [true]),
                    "assignee": .null(.init(required: false, nullable: true)),
                ]),
            ]),
            example: #"{"assignee": "alice@demo.test"}"#),
        success: ticketAnswer("The ticket as assigned."),
        errors: [.forbidden, .notFound, .conflict])
}
