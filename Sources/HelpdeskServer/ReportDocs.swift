import HelpdeskCore
import OpenAPIKit

/// The documentation of `ReportRoutes`.
extension APIOperation {
    private static let periodRule = "A period longer than the reports accept, `from` after `to`, or days outside 2000–2999 are 400."

    static let dashboard = APIOperation(
        id: "dashboard", tag: "reports", summary: "The dashboard's counts",
        description: "Admins count every ticket, agents their own; customers are 403.",
        success: APISuccess(status: 200, description: "The counts.", schema: WireSchemas.ref("Dashboard"), example: APIExamples.dashboard),
        errors: [.forbidden])

    static let volumeReport = APIOperation(
        id: "volumeReport", tag: "reports", summary: "Tickets created and resolved per day",
        description: "Staff; agents their own tickets. " + periodRule,
        parameters: APIParameters.period,
        success: APISuccess(status: 200, description: "One entry per day.", schema: WireSchemas.ref("VolumeReport"), example: APIExamples.volume),
        errors: [.validation, .forbidden])

    static let agentsReport = APIOperation(
        id: "agentsReport", tag: "reports", summary: "Each agent's figures over a period",
        description: "Admins see every agent, agents themselves. " + periodRule,
        parameters: APIParameters.period,
        success: APISuccess(
            status: 200, description: "One entry per agent.", schema: WireSchemas.ref("AgentsReport"), example: APIExamples.agentsReport),
        errors: [.validation, .forbidden])

    static let slaReport = APIOperation(
        id: "slaReport", tag: "reports", summary: "SLA compliance over a period",
        description: "Both clocks of the tickets created in the period whose clocks finished. " + periodRule,
        parameters: APIParameters.period,
        success: APISuccess(status: 200, description: "The compliance.", schema: WireSchemas.ref("SLAReport"), example: APIExamples.slaReport),
        errors: [.validation, .forbidden])

    static let listAgents = APIOperation(
        id: "listAgents", tag: "agents", summary: "Agents and admins with their load",
        description: "Staff.",
        success: APISuccess(status: 200, description: "The staff.", schema: WireSchemas.ref("AgentList"), example: APIExamples.agents),
        errors: [.forbidden])

    static let agentTickets = APIOperation(
        id: "agentTickets", tag: "agents", summary: "The tickets assigned to an agent",
        description: "Staff; the list's query parameters apply. An unknown email is 404.",
        parameters: [.path(name: "id", schema: .string(format: .email), description: "The agent's email.")] + APIParameters.ticketList,
        success: APISuccess(status: 200, description: "A page and its cursors.", schema: WireSchemas.ref("TicketPage"), example: APIExamples.page),
        errors: [.validation, .forbidden, .notFound])
}
