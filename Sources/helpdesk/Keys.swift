import ArgumentParser
import Foundation
import HelpdeskConsole
import HelpdeskWire

struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the console's key bindings as a Markdown table (the README's key reference), or as JSON with --json.")

    // Its --json is the one every command takes.
    @OptionGroup var global: GlobalOptions
    @OptionGroup var console: ConsoleOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var warnings: [ConfigWarning] = []
        let map = ConfigLoader.standard(environment: environment).loadKeyMap(console.keymap ?? "default", &warnings)
        for warning in warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        try Output(json: global.json).emit(json: WireKeyBindings(map)) { KeyReference.markdown(map) }
    }
}
