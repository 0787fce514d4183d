import ArgumentParser
import HelpdeskWire

struct TicketComments: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "comments", abstract: "Show a ticket's thread, oldest first.")

    @OptionGroup var global: GlobalOptions
    @Argument var number: String

    func run() async throws {
        try await global.run { output in
            let service = try global.service()
            let actor = try await global.actor(service)
            let comments = try await service.comments(number: number, by: actor)
            try output.emit(json: WireCommentList(comments: comments.map(WireComment.init))) {
                TicketText.comments(comments, zone: global.zone(for: actor))
            }
        }
    }
}
