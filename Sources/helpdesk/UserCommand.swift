import ArgumentParser

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage users (admins).",
        subcommands: [UserAdd.self, UserList.self, UserSetRole.self, UserDeactivate.self, UserActivate.self, UserResetPassword.self, UserSetTimeZone.self])
}
