import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// Issue 11, §10: the detail pane names everyone a ticket involves: the contact address of a ticket
/// filed for an unregistered email, and who filed a ticket on a customer's behalf.
struct DetailPeopleTests {
    @Test func theContactAddressAndTheSubmitterShow() async throws {
        let fx = try await ConsoleFixture()
        let forContact = try await fx.service.createTicket(
            NewTicketInput(subject: "Phoned in: cannot log in", description: "Zoe called, no account yet.", customerEmail: "zoe@new.test"),
            by: fx.alice
        ).ticket.number
        _ = try await fx.service.assign(number: forContact, to: "alice@x.test", by: fx.admin)
        let agent = await fx.console(as: fx.alice, width: 120, height: 30)
        #expect(agent.screen.contains("Contact: <zoe@new.test>"), "\(agent.screen)")

        _ = try await fx.service.createTicket(
            NewTicketInput(subject: "Phoned in: invoice", description: "Dan called about his invoice.", customerEmail: "dan@x.test"),
            by: fx.alice)
        let customer = await fx.console(as: fx.dan, width: 120, height: 30)
        #expect(customer.screen.contains("Filed by: Alice Agent <alice@x.test>"), "\(customer.screen)")
        #expect(!customer.screen.contains("Contact:"), "a customer's own address is not repeated")
    }
}
