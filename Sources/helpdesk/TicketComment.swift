import ArgumentParser
import HelpdeskWire

struct TicketComment: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "comment", abstract: "Reply on a ticket, or add an internal note.")

    @OptionGroup var global: GlobalOptions
    @Argument var number: String
    @Option(help: "The text; - reads standard input.")
    var body: String
    @Flag(help: "A note for staff only; customers never see it.")
    var `internal` = false

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let actor = try await global.actor(service)
            let text = body == "-" ? try StandardInput.readAll(limit: 1 << 20, field: "body") : body
            let view = try await service.addComment(number: number, body: text, isInternal: `internal`, by: actor)
            try output.emit(json: WireComment(view)) {
                "Added \(view.comment.isInternal ? "an internal note" : "a reply") to \(number.uppercased())"
            }
        }
    }
}
