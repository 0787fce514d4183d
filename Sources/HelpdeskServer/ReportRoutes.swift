import HelpdeskCore
import HelpdeskUseCases
import HelpdeskWire
import Hummingbird

/// The figures and the staff: `GET /api/v1/admin/dashboard`, `GET /api/v1/admin/reports/tickets`
/// (volume per day), `/admin/reports/agents` and `/admin/reports/sla` (each with `from` and `to`,
/// UTC days, else the last 30 days), `GET /api/v1/agents` and `GET /api/v1/agents/:id/tickets`
/// (`:id` is the agent's email; the list's query parameters apply). The same JSON as `helpdesk
/// report … --json` and `helpdesk agents … --json`; admins see everything, agents their own figures.
enum ReportRoutes {
    static func endpoints(helpdesk: Helpdesk, auth: Authentication) -> [Endpoint] {
        [
            Endpoint(.get, "/api/v1/admin/dashboard", .dashboard) { request, _ in
                let user = try await auth.user(request)
                return JSONResponse.make(WireDashboard(try await helpdesk.dashboard(by: user)))
            },
            Endpoint(.get, "/api/v1/admin/reports/tickets", .volumeReport) { request, _ in
                let user = try await auth.user(request)
                let range = try period(request, helpdesk: helpdesk)
                return JSONResponse.make(WireVolumeReport(range, days: try await helpdesk.volume(range, by: user)))
            },
            Endpoint(.get, "/api/v1/admin/reports/agents", .agentsReport) { request, _ in
                let user = try await auth.user(request)
                let range = try period(request, helpdesk: helpdesk)
                return JSONResponse.make(WireAgentsReport(range, agents: try await helpdesk.agentsReport(range, by: user)))
            },
            Endpoint(.get, "/api/v1/admin/reports/sla", .slaReport) { request, _ in
                let user = try await auth.user(request)
                let range = try period(request, helpdesk: helpdesk)
                return JSONResponse.make(WireSLAReport(try await helpdesk.slaReport(range, by: user)))
            },
            Endpoint(.get, "/api/v1/agents", .listAgents) { request, _ in
                let user = try await auth.user(request)
                let agents = try await helpdesk.agents(by: user)
                return JSONResponse.make(WireAgentList(agents: agents.map { WireAgent($0.user, openAssigned: $0.openAssigned) }))
            },
            Endpoint(.get, "/api/v1/agents/:id/tickets", .agentTickets) { request, context in
                let user = try await auth.user(request)
                guard let email = context.parameters.get("id") else { throw HelpdeskError.validation("id", "is required") }
                let page = try await helpdesk.agentTickets(email: email, query: try TicketParameters.query(request), by: user)
                return JSONResponse.make(WireTicketPage(page, now: helpdesk.clock.now()))
            },
        ]
    }

    /// `from` and `to` of the query (`ReportPeriod.parse`).
    private static func period(_ request: Request, helpdesk: Helpdesk) throws -> ReportPeriod {
        let parameters = request.uri.queryParameters
        return try ReportPeriod.parse(
            from: parameters["from"].map(String.init), to: parameters["to"].map(String.init), now: helpdesk.clock.now())
    }
}
