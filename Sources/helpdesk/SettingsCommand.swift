import ArgumentParser
import HelpdeskCore
import HelpdeskWire

struct SettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Helpdesk-wide switches.", subcommands: [SettingsShow.self, SettingsAutoAssign.self])
}

struct SettingsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the settings (staff).")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let settings = try await service.settings(by: try await global.actor(service))
            try output.emit(json: WireSettings(settings)) { "auto-assign: \(settings.autoAssign ? "on" : "off")" }
        }
    }
}

struct SettingsAutoAssign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "auto-assign", abstract: "Turn automatic assignment of new tickets on or off (admins).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "on or off.")
    var value: String

    func run() async throws {
        try await global.run { output in
            guard ["on", "off"].contains(value.lowercased()) else {
                throw HelpdeskError.validation("auto_assign", "must be on or off")
            }
            let service = try global.service()
            let settings = try await service.setAutoAssign(value.lowercased() == "on", by: try await global.actor(service))
            try output.emit(json: WireSettings(settings)) { "auto-assign: \(settings.autoAssign ? "on" : "off")" }
        }
    }
}
