import ArgumentParser

struct SSHCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ssh", abstract: "Serve the helpdesk over OpenSSH: keys, authorized_keys lines and the forced command.",
        subcommands: [SSHKeyCommand.self, SSHAuthorizedKeys.self, SSHSession.self])
}

struct SSHKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "Users' SSH public keys: whoever connects with a key is its user.",
        subcommands: [SSHKeyAdd.self, SSHKeyList.self, SSHKeyRemove.self])
}
