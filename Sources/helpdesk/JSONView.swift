import Foundation
import HelpdeskCore
import HelpdeskStore

/// The command line's JSON shapes (snake_case, ISO 8601 UTC times, explicit nulls).
enum JSONView {
    static func time(_ date: Date?) -> Any { date.map(ISO8601.format) ?? NSNull() }

    static func ticket(_ listing: TicketListing, now: Date) -> [String: Any] {
        let t = listing.ticket
        let readings = SLAPolicy.readings(for: t, at: now)
        func clock(_ reading: SLAClockReading) -> [String: Any] {
            ["state": reading.state.rawValue, "due": time(reading.due), "seconds_left": reading.secondsLeft, "paused": reading.isPaused]
        }
        return [
            "number": t.number, "subject": t.subject, "description": t.description, "status": t.status.rawValue,
            "priority": t.priority.rawValue, "category": t.category.rawValue, "requester": listing.requester.email,
            "customer_email": t.customerEmail, "assignee": listing.assignee?.email ?? NSNull(),
            "created_at": time(t.createdAt), "updated_at": time(t.updatedAt),
            "first_response_at": time(t.firstResponseAt), "resolved_at": time(t.resolvedAt),
            "closed_at": time(t.closedAt), "deleted_at": time(t.deletedAt), "version": t.version,
            "sla": ["first_response": clock(readings.firstResponse), "resolution": clock(readings.resolution)],
        ]
    }

    static func page(_ page: TicketPage, now: Date) -> [String: Any] {
        ["tickets": page.tickets.map { ticket($0, now: now) }, "next_cursor": page.nextCursor ?? NSNull(),
         "previous_cursor": page.previousCursor ?? NSNull()]
    }

    static func user(_ user: User) -> [String: Any] {
        ["email": user.email, "name": user.name, "role": user.role.rawValue, "active": user.isActive, "created_at": time(user.createdAt)]
    }

    static func comment(_ view: CommentView) -> [String: Any] {
        [
            "id": view.comment.id, "author": view.author.email, "author_name": view.author.name,
            "author_role": view.author.role.rawValue, "body": view.comment.body, "internal": view.comment.isInternal,
            "created_at": time(view.comment.createdAt),
        ]
    }

    static func history(_ view: HistoryView) -> [String: Any] {
        let e = view.entry
        return [
            "at": time(e.at), "actor": view.actor.email, "action": e.action.rawValue, "field": e.field ?? NSNull(),
            "old_value": e.oldValue ?? NSNull(), "new_value": e.newValue ?? NSNull(),
        ]
    }

    static func error(_ error: HelpdeskError) -> [String: Any] {
        ["status": "error", "message": error.message, "code": error.code.rawValue, "errors": error.fieldErrors]
    }

    static func optional(_ value: Double?) -> Any { value ?? NSNull() }

    static func text(_ value: String?) -> Any { value ?? NSNull() }

    static func compliance(_ c: SLACompliance) -> [String: Any] {
        [
            "total": c.total, "met": c.met, "breached": c.breached, "compliance_percent": optional(c.compliancePercent),
            "mean_seconds": optional(c.meanSeconds), "median_seconds": optional(c.medianSeconds),
        ]
    }
}
