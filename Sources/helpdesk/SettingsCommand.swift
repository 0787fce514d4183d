import ArgumentParser
import Foundation
import HelpdeskCore
import HelpdeskUseCases
import HelpdeskWire

struct SettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Helpdesk-wide switches.",
        subcommands: [SettingsShow.self, SettingsAutoAssign.self, SettingsTokenIdleDays.self, SettingsTokenMaxDays.self])

    /// The settings as people read them, one `name: value` a line.
    static func text(_ settings: HelpdeskSettings) -> String {
        [
            "auto-assign: \(settings.autoAssign ? "on" : "off")",
            "token-idle-days: \(settings.sessionLifetimes.idleDays)",
            "token-max-days: \(settings.sessionLifetimes.maxDays)",
        ].joined(separator: "\n")
    }

    /// A count of days as typed.
    /// - Throws: `VALIDATION_ERROR` on `field` when it is not a whole number.
    static func days(_ text: String, field: String) throws -> Int {
        guard let days = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw HelpdeskError.validation(field, "must be a whole number of days from 1 to 365")
        }
        return days
    }
}

struct SettingsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the settings (staff).")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let settings = try await service.settings(by: try await global.actor(service))
            try output.emit(json: WireSettings(settings)) { SettingsCommand.text(settings) }
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
            try output.emit(json: WireSettings(settings)) { SettingsCommand.text(settings) }
        }
    }
}

struct SettingsTokenIdleDays: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token-idle-days",
        abstract: "Days an API session lives without a refresh: 1 to 365, at most token-max-days (admins; default 14).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Days.")
    var days: String

    func run() async throws {
        try await global.run { output in
            let days = try SettingsCommand.days(days, field: "token_idle_days")
            let service = try global.service()
            let settings = try await service.setSessionLifetimes(idleDays: days, maxDays: nil, by: try await global.actor(service))
            try output.emit(json: WireSettings(settings)) { SettingsCommand.text(settings) }
        }
    }
}

struct SettingsTokenMaxDays: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token-max-days",
        abstract: "Days an API session lives from its login: 1 to 365, at least token-idle-days (admins; default 30).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Days.")
    var days: String

    func run() async throws {
        try await global.run { output in
            let days = try SettingsCommand.days(days, field: "token_max_days")
            let service = try global.service()
            let settings = try await service.setSessionLifetimes(idleDays: nil, maxDays: days, by: try await global.actor(service))
            try output.emit(json: WireSettings(settings)) { SettingsCommand.text(settings) }
        }
    }
}
