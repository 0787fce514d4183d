import ArgumentParser
import HelpdeskCore
import HelpdeskWire

struct TicketList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the tickets you can see, next SLA breach first.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this status (repeatable).")
    var status: [String] = []
    @Option(help: "Only this priority (repeatable).")
    var priority: [String] = []
    @Option(help: "Only this category (repeatable).")
    var category: [String] = []
    @Option(help: "EMAIL, me or none.")
    var assignee: String?
    @Option(help: "Only tickets requested by EMAIL.")
    var requester: String?
    @Option(help: "Full-text search: words, \"a phrase\", prefix*.")
    var search: String?
    @Flag(help: "Only tickets whose SLA clock is at risk or breached.")
    var breaching = false
    @Option(help: "created, updated, priority or due (default).")
    var sort: String = "due"
    @Option(help: "Tickets per page (1-500).")
    var limit: Int = 50
    @Option(help: "The next_cursor of the previous page.")
    var after: String?
    @Option(help: "The previous_cursor of the following page: page backwards.")
    var before: String?
    @Flag(help: "Admins: list the trash.")
    var trash = false

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let actor = try await global.actor(service)
            let page = try await service.listTickets(try query(), by: actor)
            let now = service.clock.now()
            try output.emit(json: WireTicketPage(page, now: now)) { TicketText.list(page, now: now) }
        }
    }

    func query() throws -> TicketQuery {
        var errors = FieldErrors()
        var query = TicketQuery()
        errors.check("status") { query.statuses = try status.map { try Validator.choice($0, field: "status", as: TicketStatus.self) } }
        errors.check("priority") { query.priorities = try priority.map { try Validator.choice($0, field: "priority", as: Priority.self) } }
        errors.check("category") {
            query.categories = try category.map { try Validator.choice($0, field: "category", as: TicketCategory.self) }
        }
        errors.check("sort") { query.sort = try Validator.choice(sort, field: "sort", as: TicketSort.self) }
        switch assignee?.lowercased() {
        case nil: break
        case "me": query.assignee = .me
        case "none": query.assignee = AssigneeFilter.none
        case let email?: query.assignee = .email(email)
        }
        try errors.throwIfAny()
        query.requesterEmail = requester
        query.search = search
        query.breaching = breaching
        query.before = before
        query.limit = limit
        query.after = after
        query.trash = trash
        return query
    }
}
