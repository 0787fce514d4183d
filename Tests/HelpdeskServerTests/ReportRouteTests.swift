import Foundation
import HelpdeskCore
import HelpdeskWire
import Hummingbird
import Testing

/// The admin's figures and the staff lists over HTTP: the same JSON as `helpdesk report` and
/// `helpdesk agents`, refused to customers.
struct ReportRouteTests {
    static let paths = [
        "/api/v1/admin/dashboard", "/api/v1/admin/reports/tickets?from=2026-11-01&to=2026-11-30", "/api/v1/admin/reports/agents",
        "/api/v1/admin/reports/sla", "/api/v1/agents", "/api/v1/agents/alice@x.test/tickets",
    ]

    @Test func anAdminGetsEveryReportAndACustomerNone() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let admin = try await api.login("admin@x.test")
            let dan = try await api.login("dan@x.test")
            let number = try await api.file(dan)
            _ = try await fixture.helpdesk().assign(number: number, to: "alice@x.test", by: fixture.admin)
            for path in Self.paths {
                let answer = try await api.send(.get, path, token: admin)
                #expect(answer.status == .ok, "\(path): \(answer.text)")
                let refused = try await api.send(.get, path, token: dan)
                #expect(refused.status == .forbidden, "\(path): \(refused.text)")
                #expect(refused.error?.code == .forbidden)
            }
            let dashboard = try await api.send(.get, Self.paths[0], token: admin).decode(WireDashboard.self)
            #expect(dashboard.open == 1)
            let agents = try await api.send(.get, "/api/v1/agents", token: admin).decode(WireAgentList.self)
            #expect(agents.agents.map(\.base.email).contains("alice@x.test"))
            let queue = try await api.send(.get, "/api/v1/agents/alice@x.test/tickets", token: admin).decode(WireTicketPage.self)
            #expect(queue.tickets.map(\.number) == [number])
            let volume = try await api.send(.get, Self.paths[1], token: admin).decode(WireVolumeReport.self)
            #expect(volume.days.count == 30)
        }
    }

    @Test func aBadPeriodIsAValidationError() async throws {
        let fixture = try await APIFixture()
        try await fixture.client { api in
            let admin = try await api.login("admin@x.test")
            let answer = try await api.send(.get, "/api/v1/admin/reports/sla?from=yesterday", token: admin)
            #expect(answer.status == .badRequest)
            #expect(answer.error?.code == .validation)
        }
    }
}
