import Foundation
import HelpdeskCore
import HelpdeskUseCases
import Testing

/// Issue 12: random clocks across the whole accepted range (and just outside it) go through every
/// use case that stores or reads a time. Each step either works or is refused with
/// `VALIDATION_ERROR`; nothing traps, and every ticket stored stays readable by every reader.
struct RandomClockTests {
    @Test(arguments: Engine.allCases) func randomInstantsNeverTrapOrLeaveAnUnreadableRow(engine: Engine) async throws {
        let seed = TestSeed(default: 0xC10C_2999)
        print("randomInstantsNeverTrapOrLeaveAnUnreadableRow: \(seed)")
        let fx = try await StoreFixture(engine)
        let range = AcceptedInstants.range
        let low = range.lowerBound.timeIntervalSince1970, high = range.upperBound.timeIntervalSince1970
        var random = SplitMix64(seed: seed.value)
        var stored: [String] = []
        for round in 0..<40 {
            // Anywhere in the range, close to either end, or just outside it.
            let instant: Double
            switch round % 4 {
            case 0: instant = Double.random(in: low...high, using: &random)
            case 1: instant = high - Double.random(in: 0...(40 * 86400), using: &random)
            case 2: instant = low + Double.random(in: 0...86400, using: &random)
            default: instant = Bool.random(using: &random) ? low - Double.random(in: 1...1e9, using: &random) : high + Double.random(in: 1...1e9, using: &random)
            }
            let clock = Date(timeIntervalSince1970: (instant * 1000).rounded() / 1000)
            let at = Helpdesk(storage: fx.storage, clock: FixedTimeSource(clock), hasher: StoreFixture.hasher, digest: StoreFixture.digest)
            let note = "\(seed), round \(round), clock \(UTCTimestamp.iso8601(clock))"
            let number: String
            do {
                number = try await at.createTicket(
                    NewTicketInput(subject: "Clock at \(round)", description: "Filed at a random instant.", priority: "low"), by: fx.dan
                ).ticket.number
            } catch let error as HelpdeskError {
                #expect(error.code == .validation, "\(note): \(error)")
                #expect(!range.contains(clock) || clock.addingTimeInterval(40 * 86400) > range.upperBound, "refused inside the range: \(note)")
                continue
            }
            stored.append(number)
            for step in [
                { _ = try await at.assign(number: number, to: "alice@x.test", by: fx.admin) },
                { _ = try await at.addComment(number: number, body: "A reply at this instant.", isInternal: false, by: fx.alice) },
                { _ = try await at.changeStatus(number: number, to: "in_progress", by: fx.alice) },
                { _ = try await at.changePriority(number: number, to: "urgent", by: fx.admin) },
            ] as [@Sendable () async throws -> Void] {
                do {
                    try await step()
                } catch let error as HelpdeskError {
                    #expect(error.code == .validation, "\(note): \(error)")
                }
            }
            let period = ReportPeriod(from: clock.addingTimeInterval(-86400), until: clock.addingTimeInterval(86400))
            _ = try await at.slaReport(period, by: fx.admin)
            _ = try await at.volume(period, by: fx.admin)
            _ = try await at.agentsReport(period, by: fx.admin)
            _ = try await at.dashboard(by: fx.admin)
        }
        // Every stored ticket reads back whole, for staff and for its requester, in lists and alone.
        var all = TicketQuery()
        all.limit = TicketQuery.maximumLimit
        let listed = try await fx.service.listTickets(all, by: fx.admin).tickets.map(\.ticket.number)
        #expect(Set(listed) == Set(stored), "\(seed)")
        #expect(try await fx.service.listTickets(all, by: fx.dan).tickets.count == stored.count, "\(seed)")
        for number in stored {
            _ = try await fx.service.ticketWithComments(number: number, by: fx.admin)
            _ = try await fx.service.history(number: number, by: fx.dan)
        }
    }
}
