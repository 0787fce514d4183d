import HelpdeskCore

/// A queue in the sidebar: a name and the same filters the command line takes.
public struct SavedView: Sendable, Equatable {
    public var name: String
    public var query: TicketQuery
    /// The roles that see the view; empty means every staff role.
    public var roles: [Role]

    public init(name: String, query: TicketQuery, roles: [Role] = []) {
        self.name = name
        self.query = query
        self.roles = roles
    }

    /// Reads `views.toml`: one table per view, in file order.
    public static func parse(_ document: TOMLTable, file: String) -> ([SavedView], [ConfigWarning]) {
        var views: [SavedView] = []
        var warnings: [ConfigWarning] = []
        for entry in document.entries {
            guard let table = entry.value.table else {
                warnings.append(ConfigWarning(file: file, line: entry.line, message: "'\(entry.key)' must be a table"))
                continue
            }
            var query = TicketQuery()
            var roles: [Role] = []
            var errors = FieldErrors()
            func strings(_ key: String) -> [String] {
                switch table[key] {
                case .string(let s)?: return [s]
                case .array(let items)?: return items.compactMap(\.string)
                default: return []
                }
            }
            errors.check("status") { query.statuses = try strings("status").map { try Validator.choice($0, field: "status", as: TicketStatus.self) } }
            errors.check("priority") { query.priorities = try strings("priority").map { try Validator.choice($0, field: "priority", as: Priority.self) } }
            errors.check("category") {
                query.categories = try strings("category").map { try Validator.choice($0, field: "category", as: TicketCategory.self) }
            }
            errors.check("roles") { roles = try strings("roles").map { try Validator.choice($0, field: "roles", as: Role.self) } }
            if let sort = table["sort"]?.string {
                errors.check("sort") { query.sort = try Validator.choice(sort, field: "sort", as: TicketSort.self) }
            }
            switch table["assignee"]?.string {
            case nil: break
            case "me": query.assignee = .me
            case "none": query.assignee = AssigneeFilter.none
            case let email?: query.assignee = .email(email)
            }
            if case .bool(let breaching)? = table["breaching"] { query.breaching = breaching }
            query.search = table["search"]?.string
            query.requesterEmail = table["requester"]?.string
            if !errors.isEmpty {
                let problems = errors.errors.map { "\($0.key) \($0.value.joined(separator: "; "))" }.sorted().joined(separator: ", ")
                warnings.append(ConfigWarning(file: file, line: entry.line, message: "view '\(entry.key)': \(problems)"))
                continue
            }
            views.append(SavedView(name: table["name"]?.string ?? entry.key, query: query, roles: roles))
        }
        return (views, warnings)
    }
}
