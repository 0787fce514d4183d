import Foundation
import GRDB
import HelpdeskCore

/// Maps `Ticket` to the `tickets` table. Updates write only the columns that changed, so the search
/// index is touched only when the subject or description is.
enum TicketTable {
    /// Stands for "no running clock" in `sla_next_due`, so such tickets sort last on the index.
    static let noDue = Date.distantFuture

    static func values(_ t: Ticket) -> [(String, DatabaseValue)] {
        [
            ("number", t.number.databaseValue),
            ("subject", t.subject.databaseValue),
            ("description", t.description.databaseValue),
            ("status", t.status.rawValue.databaseValue),
            ("priority", t.priority.rawValue.databaseValue),
            ("priority_rank", t.priority.sortRank.databaseValue),
            ("category", t.category.rawValue.databaseValue),
            ("requester_id", t.requesterId.databaseValue),
            ("submitter_id", t.submitterId.databaseValue),
            ("customer_email", t.customerEmail.databaseValue),
            ("assignee_id", t.assigneeId.databaseValue),
            ("created_at", t.createdAt.databaseValue),
            ("updated_at", t.updatedAt.databaseValue),
            ("first_response_at", t.firstResponseAt.databaseValue),
            ("resolved_at", t.resolvedAt.databaseValue),
            ("closed_at", t.closedAt.databaseValue),
            ("deleted_at", t.deletedAt.databaseValue),
            ("last_staff_reply_at", t.lastStaffReplyAt.databaseValue),
            ("version", t.version.databaseValue),
            ("sla_first_response_due", t.sla.firstResponseDue.databaseValue),
            ("sla_resolution_due", t.sla.resolutionDue.databaseValue),
            ("sla_first_response_paused", t.sla.firstResponsePausedSeconds.databaseValue),
            ("sla_resolution_paused", t.sla.resolutionPausedSeconds.databaseValue),
            ("sla_paused_at", t.sla.pausedAt.databaseValue),
            ("sla_first_response_met", t.sla.firstResponseMet.databaseValue),
            ("sla_resolution_met", t.sla.resolutionMet.databaseValue),
            ("sla_first_response_seconds", t.sla.firstResponseSeconds.databaseValue),
            ("sla_resolution_seconds", t.sla.resolutionSeconds.databaseValue),
            ("sla_next_due", (t.sla.nextDue ?? noDue).databaseValue),
            ("sla_next_risk", (t.sla.nextRisk ?? noDue).databaseValue),
        ]
    }

    /// Reads a ticket from a row holding the `tickets` columns.
    /// - Throws: `INTERNAL_ERROR` naming the column and row of a value no ticket can hold (`StoredRow`).
    static func ticket(from row: Row) throws -> Ticket {
        try ticket(from: row, RowLayout(row))
    }

    /// Reads a ticket with a layout worked out once for all the rows of a statement: a list page
    /// reads thirty columns of fifty rows, and finding each column by name every time would cost
    /// more than the query.
    /// - Throws: `INTERNAL_ERROR` naming the column and row of a value no ticket can hold (`StoredRow`).
    static func ticket(from row: Row, _ layout: RowLayout) throws -> Ticket {
        let stored = StoredRow(row, table: "tickets", layout: layout)
        let nextDue = try stored.date("sla_next_due", also: noDue)
        let nextRisk = try stored.date("sla_next_risk", also: noDue)
        let sla = SLARecord(
            firstResponseDue: try stored.date("sla_first_response_due"),
            resolutionDue: try stored.date("sla_resolution_due"),
            firstResponsePausedSeconds: try stored.duration("sla_first_response_paused"),
            resolutionPausedSeconds: try stored.duration("sla_resolution_paused"),
            pausedAt: try stored.optionalDate("sla_paused_at"),
            firstResponseMet: try stored.optionalBool("sla_first_response_met"),
            resolutionMet: try stored.optionalBool("sla_resolution_met"),
            firstResponseSeconds: try stored.optionalDuration("sla_first_response_seconds"),
            resolutionSeconds: try stored.optionalDuration("sla_resolution_seconds"),
            nextDue: nextDue == noDue ? nil : nextDue,
            nextRisk: nextRisk == noDue ? nil : nextRisk)
        var ticket = Ticket(
            id: try stored.integer("id"), number: try stored.ticketNumber("number"), subject: try stored.text("subject"),
            description: try stored.text("description"), status: try stored.choice("status"),
            priority: try stored.choice("priority"), category: try stored.choice("category"),
            requesterId: try stored.integer("requester_id"), customerEmail: try stored.text("customer_email"),
            submitterId: try stored.optionalInteger("submitter_id"),
            assigneeId: try stored.optionalInteger("assignee_id"), createdAt: try stored.date("created_at"),
            updatedAt: try stored.date("updated_at"), firstResponseAt: try stored.optionalDate("first_response_at"),
            resolvedAt: try stored.optionalDate("resolved_at"), closedAt: try stored.optionalDate("closed_at"),
            deletedAt: try stored.optionalDate("deleted_at"),
            version: try stored.count("version"), sla: sla)
        ticket.lastStaffReplyAt = try stored.optionalDate("last_staff_reply_at")
        return ticket
    }

    static func insert(_ ticket: inout Ticket, _ db: Database) throws {
        let values = values(ticket)
        let columns = values.map(\.0).joined(separator: ", ")
        let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
        try db.execute(
            sql: "INSERT INTO tickets (\(columns)) VALUES (\(marks))",
            arguments: StatementArguments(values.map(\.1)))
        ticket.id = db.lastInsertedRowID
    }

    /// Writes the columns that differ between the loaded and the changed ticket.
    /// - Throws: `INTERNAL_ERROR` when the new version is past what the reader accepts (2^53: a file
    ///   planted with such a version), so the program never writes a row it would refuse to read.
    static func update(from old: Ticket, to new: Ticket, _ db: Database) throws {
        guard (0...(1 << 53)).contains(new.version) else {
            throw HelpdeskError(.internalError, "Stored value refused: tickets.version of \(old.number) would pass 2^53 (run helpdesk check)")
        }
        let before = Dictionary(uniqueKeysWithValues: values(old))
        let changed = values(new).filter { before[$0.0] != $0.1 }
        guard !changed.isEmpty else { return }
        let assignments = changed.map { "\($0.0) = ?" }.joined(separator: ", ")
        try db.execute(
            sql: "UPDATE tickets SET \(assignments) WHERE id = ? AND version = ?",
            arguments: StatementArguments(changed.map(\.1) + [new.id.databaseValue, old.version.databaseValue]))
        if db.changesCount != 1 {
            throw HelpdeskError.conflict("Ticket \(old.number) changed while it was being saved; reload and try again")
        }
    }

    /// The ticket with the (parsed) number, or nil.
    static func find(number: String, _ db: Database) throws -> Ticket? {
        try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM tickets WHERE number = ?"), arguments: [number]).map(ticket(from:))
    }
}
