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
            try await SettingsCommand.change(global, output, line: "auto-assign") { try await $0.setAutoAssign(enabled, by: $1) }
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
            try await SettingsCommand.change(global, output, line: "ssh-guests") { try await $0.setSSHGuests(enabled, by: $1) }
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
            try await SettingsCommand.change(global, output, line: "ssh-guest-limit") { try await $0.setSSHGuestLimit(limit, by: $1) }
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
            try await SettingsCommand.change(global, output, line: "token-idle-days") {
                try await $0.setSessionLifetimes(idleDays: days, maxDays: nil, by: $1)
            }
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
            try await SettingsCommand.change(global, output, line: "token-max-days") {
                try await $0.setSessionLifetimes(idleDays: nil, maxDays: days, by: $1)
            }
        }
    }
}

extension SettingsCommand {
    /// Applies one change as the acting user, then prints the settings (`--json`) or the changed
    /// setting's line of `settings show` (the one starting `line:`).
    /// - Throws: what `apply` throws (`FORBIDDEN` for non-admins, `VALIDATION_ERROR`).
    static func change(
        _ global: GlobalOptions, _ output: Output, line name: String, _ apply: (Helpdesk, User) async throws -> HelpdeskSettings
    ) async throws {
        let service = try global.service()
        let settings = try await apply(service, try await global.actor(service))
        let line = text(settings).split(separator: "\n").first { $0.hasPrefix("\(name):") }.map(String.init) ?? text(settings)
        try output.emit(json: WireSettings(settings)) { line }
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
