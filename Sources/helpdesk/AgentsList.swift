import ArgumentParser
import HelpdeskWire

struct AgentsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List agents and admins with their open tickets.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let agents = try await service.agents(by: try await global.actor(service))
            try output.emit(json: WireAgentList(agents: agents.map(WireAgent.init))) {
                Output.table(
                    ["EMAIL", "ROLE", "ACTIVE", "OPEN", "NAME"],
                    agents.map { [$0.user.email, $0.user.role.rawValue, $0.user.isActive ? "yes" : "no", "\($0.openAssigned)", $0.user.name] })
            }
        }
    }
}
