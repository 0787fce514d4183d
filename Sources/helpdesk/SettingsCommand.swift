import Foundation
import ArgumentParser
import HelpdeskCore
import HelpdeskUseCases
import HelpdeskWire

struct SettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Helpdesk-wide switches.",
        subcommands: [
            SettingsShow.self, SettingsAutoAssign.self, SettingsSSHGuests.self, SettingsSSHGuestLimit.self, SettingsTokenIdleDays.self,
            SettingsTokenMaxDays.self,
        ])

    /// The settings as `settings show` prints them, one `name: value` line each.
    static func text(_ settings: HelpdeskSettings) -> String {
        [
            "auto-assign: \(settings.autoAssign ? "on" : "off")",
            "ssh-guests: \(settings.sshGuests ? "on" : "off")",
            "ssh-guest-limit: \(settings.sshGuestLimit)",
            "token-idle-days: \(settings.sessionLifetimes.idleDays)",
            "token-max-days: \(settings.sessionLifetimes.maxDays)",
        ].joined(separator: "\n")
    }

    /// `on` or `off` (any case) as a switch.
    /// - Throws: `VALIDATION_ERROR` on `field` for anything else.
    static func onOff(_ value: String, field: String) throws -> Bool {
        guard ["on", "off"].contains(value.lowercased()) else { throw HelpdeskError.validation(field, "must be on or off") }
        return value.lowercased() == "on"
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
            let enabled = try SettingsCommand.onOff(value, field: "auto_assign")
            let service = try global.service()
            let settings = try await service.setAutoAssign(enabled, by: try await global.actor(service))
            try output.emit(json: WireSettings(settings)) { "auto-assign: \(settings.autoAssign ? "on" : "off")" }
        }
    }
}

struct SettingsSSHGuests: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssh-guests",
        abstract: "Let keys registered to no one open the login and registration screens over SSH (admins; default off).",
        discussion: "Needs sshd's AuthorizedKeysCommand mode: a static authorized_keys file never names unknown keys.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "on or off.")
    var value: String

    func run() async throws {
        try await global.run { output in
            let enabled = try SettingsCommand.onOff(value, field: "ssh_guests")
            let service = try global.service()
            let settings = try await service.setSSHGuests(enabled, by: try await global.actor(service))
            try output.emit(json: WireSettings(settings)) { "ssh-guests: \(settings.sshGuests ? "on" : "off")" }
        }
    }
}

struct SettingsSSHGuestLimit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssh-guest-limit",
        abstract: "How many guest sessions over SSH may be open at once (admins; default \(SSHGuestRules.defaultLimit)).")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "From \(SSHGuestRules.limits.lowerBound) to \(SSHGuestRules.limits.upperBound).")
    var value: String

    func run() async throws {
        try await global.run { output in
            guard let limit = Int(value) else {
                throw HelpdeskError.validation(
                    "ssh_guest_limit", "must be a whole number from \(SSHGuestRules.limits.lowerBound) to \(SSHGuestRules.limits.upperBound)")
            }
            let service = try global.service()
            let settings = try await service.setSSHGuestLimit(limit, by: try await global.actor(service))
            try output.emit(json: WireSettings(settings)) { "ssh-guest-limit: \(settings.sshGuestLimit)" }
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
            try output.emit(json: WireSettings(settings)) { "token-idle-days: \(settings.sessionLifetimes.idleDays)" }
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
            try output.emit(json: WireSettings(settings)) { "token-max-days: \(settings.sessionLifetimes.maxDays)" }
        }
    }
}

extension SettingsCommand {
    /// A count of days as typed.
    /// - Throws: `VALIDATION_ERROR` on `field` when it is not a whole number.
    static func days(_ text: String, field: String) throws -> Int {
        guard let days = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw HelpdeskError.validation(field, "must be a whole number of days from 1 to 365")
        }
        return days
    }
}
