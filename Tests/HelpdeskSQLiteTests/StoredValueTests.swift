import Foundation
import GRDB
import HelpdeskCore
import HelpdeskUseCases
import Testing
@testable import HelpdeskSQLite

/// No stored value traps its reader: a value the helpdesk never writes (by hand, by an older
/// program) is refused with `INTERNAL_ERROR` naming the table, column and row, and `check` lists it.
struct StoredValueTests {
    enum Reader: String, Sendable {
        case list, users, login, comments, history, audit, settings, report
    }

    struct Planting: Sendable, CustomTestStringConvertible {
        var sql: String
        var column: String
        var reader: Reader
        var testDescription: String { "\(column): \(sql)" }
    }

    static let plantings: [Planting] = [
        Planting(sql: "UPDATE tickets SET status = 'pending'", column: "tickets.status", reader: .list),
        Planting(sql: "UPDATE tickets SET priority = 'critical'", column: "tickets.priority", reader: .list),
        Planting(sql: "UPDATE tickets SET category = 'misc'", column: "tickets.category", reader: .list),
        Planting(sql: "UPDATE tickets SET created_at = '1999-12-31 23:59:59.999'", column: "tickets.created_at", reader: .list),
        Planting(sql: "UPDATE tickets SET updated_at = '3000-01-01 00:00:00.000'", column: "tickets.updated_at", reader: .list),
        Planting(sql: "UPDATE tickets SET sla_paused_at = X'0102'", column: "tickets.sla_paused_at", reader: .list),
        Planting(sql: "UPDATE tickets SET number = 'TICK-1'", column: "tickets.number", reader: .list),
        Planting(sql: "UPDATE tickets SET version = 'two'", column: "tickets.version", reader: .list),
        Planting(sql: "UPDATE tickets SET version = 9223372036854775807", column: "tickets.version", reader: .list),
        Planting(sql: "UPDATE tickets SET sla_first_response_met = 7", column: "tickets.sla_first_response_met", reader: .list),
        Planting(sql: "UPDATE tickets SET sla_resolution_paused = 1e300", column: "tickets.sla_resolution_paused", reader: .list),
        Planting(sql: "UPDATE tickets SET sla_first_response_seconds = 1e300", column: "tickets.sla_first_response_seconds", reader: .report),
        Planting(sql: "UPDATE users SET role = 'superuser' WHERE email = 'dan@x.test'", column: "users.role", reader: .users),
        Planting(sql: "UPDATE users SET created_at = 'soon' WHERE email = 'dan@x.test'", column: "users.created_at", reader: .users),
        Planting(sql: "UPDATE users SET is_active = 'yes' WHERE email = 'dan@x.test'", column: "users.is_active", reader: .users),
        Planting(sql: "UPDATE users SET locked_until = '0999-01-01 00:00:00.000' WHERE email = 'dan@x.test'",
                 column: "users.locked_until", reader: .login),
        Planting(sql: "INSERT INTO login_failures (user_id, at) SELECT id, 'x' FROM users WHERE email = 'dan@x.test'",
                 column: "login_failures.at", reader: .login),
        Planting(sql: "UPDATE comments SET created_at = 'yesterday'", column: "comments.created_at", reader: .comments),
        Planting(sql: "UPDATE comments SET body = X'00FF'", column: "comments.body", reader: .comments),
        Planting(sql: "UPDATE history SET action = 'teleported'", column: "history.action", reader: .history),
        Planting(sql: "UPDATE audit_log SET at = 'never'", column: "audit_log.at", reader: .audit),
        Planting(sql: "UPDATE settings SET value = 'maybe'", column: "settings.value", reader: .settings),
        Planting(sql: "UPDATE settings SET value = 'two weeks' WHERE key = 'token_idle_days'", column: "settings.value", reader: .settings),
    ]

    /// A helpdesk with a ticket, a comment, a setting and an audit entry, and `planting` written by hand.
    func planted(_ planting: Planting) async throws -> (StoreFixture, String) {
        let fx = try await StoreFixture()
        let number = try await fx.file()
        _ = try await fx.service.addComment(number: number, body: "We are on it.", isInternal: false, by: fx.admin)
        _ = try await fx.service.setAutoAssign(false, by: fx.admin)
        try await fx.database.writer.writeWithoutTransaction { db in
            // As an older program or a hand-edit would: without the CHECK constraints that guard some columns.
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: planting.sql)
            try db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
        }
        return (fx, number)
    }

    @Test(arguments: plantings) func aValueNoProgramWritesIsRefusedByNameAndListedByCheck(planting: Planting) async throws {
        let (fx, number) = try await planted(planting)
        let service = fx.service
        let error = await expectError(.internalError, "\(planting.sql)") {
            switch planting.reader {
            case .list: _ = try await service.listTickets(TicketQuery(), by: fx.admin)
            case .users: _ = try await service.listUsers(role: nil, by: fx.admin)
            case .login: _ = try await service.login(email: "dan@x.test", password: "password1", origin: .local)
            case .comments: _ = try await service.comments(number: number, by: fx.admin)
            case .history: _ = try await service.history(number: number, by: fx.admin)
            case .audit: _ = try await service.auditLog(by: fx.admin)
            case .settings: _ = try await service.settings(by: fx.admin)
            case .report:
                let period = ReportPeriod(from: fx.start.addingTimeInterval(-86400), until: fx.start.addingTimeInterval(86400))
                _ = try await service.slaReport(period, by: fx.admin)
            }
        }
        #expect(error?.message.contains("\(planting.column) of row") == true || error?.message.contains("\(planting.column) of ") == true,
                "the error names the table, column and row: \(error?.message ?? "")")
        let report = try fx.database.check()
        #expect(!report.isHealthy)
        #expect(report.storedValues.contains { $0.hasPrefix(planting.column + " of ") }, "check lists it: \(report.storedValues)")
    }

    @Test func aHealthyHelpdeskHasNoFindings() async throws {
        let fx = try await StoreFixture()
        let number = try await fx.file()
        _ = try await fx.service.addComment(number: number, body: "We are on it.", isInternal: true, by: fx.admin)
        _ = try await fx.service.setAutoAssign(true, by: fx.admin)
        _ = try await fx.service.markSeen(number: number, by: fx.dan)
        await expectError(.unauthorized) { try await fx.service.login(email: "dan@x.test", password: "wrong-password", origin: .local) }
        let report = try fx.database.check()
        #expect(report == CheckReport(integrity: ["ok"], foreignKeys: [], storedValues: [], consistency: [], emailCollisions: []))
    }

    /// The readers' quick check of a stored number accepts exactly what the core's parser returns unchanged.
    @Test func theStoredNumberCheckAgreesWithTheCoresParser() {
        let samples = [
            "TICK-20261129-0001", "TICK-20261129-10000", "tick-20261129-0001", "TICK-2026112-00001", "TICK-20261129-001",
            "TICK-20261129-0001 ", "TICK-2026112a-0001", "TICK-20261129_0001", "TICK-20261129-", "", "TICK-٢٠٢٦١١٢٩-0001",
        ]
        for sample in samples {
            #expect(StoredRow.isTicketNumber(sample) == ((try? TicketNumber.parse(sample)) == sample), "\(sample)")
        }
    }
}
