import Foundation
import HelpdeskConsole
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// Issue 11, §10: the detail pane shows times in the user's own zone, labelled, with the clock
/// words the command line prints.
struct TimeZoneTests {
    @Test func theDetailShowsTimesInTheUsersZone() async throws {
        let fx = try await ConsoleFixture()
        try await fx.file("Printer on fire", priority: "urgent")
        _ = try await fx.service.setTimeZone(email: "alice@x.test", zone: "Europe/Paris", by: fx.alice)
        let alice = try await fx.service.currentUser(fx.alice)
        let console = await fx.console(as: alice, width: 120, height: 30)
        // The pane is 46 columns wide here, so the lines wrap between words.
        #expect(console.screen.contains("Created 11-29 10:00 UTC+1 · updated 11-29"))
        #expect(console.screen.contains("First response: pending, 2h00m left, due 11-29"))
        #expect(console.screen.contains("12:00 UTC+1"))
    }
}
