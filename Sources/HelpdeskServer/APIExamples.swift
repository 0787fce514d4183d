/// The document's example answers, as JSON text in the wire format (taken from the command line's
/// pinned `--json` outputs). `OpenAPIDocumentTests` checks each against the schema it illustrates.
enum APIExamples {
    static let user = #"""
        {"active": true, "created_at": "2026-11-23T08:05:00Z", "email": "dan@customer.test", "name": "Dan", "role": "customer", "time_zone": null}
        """#

    static let grant = #"""
        {"access_token": "eyJhbGciOiJIUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiSldUIn0.eyJzdWIiOiI0In0.c2lnbmF0dXJl",
         "refresh_token": "3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "token_type": "Bearer", "expires_in": 900,
         "user": \#(user)}
        """#

    static let sessions = #"""
        {"sessions": [{"id": "9f86d081884c7d659a2feaa0c55ad015", "created_at": "2026-11-23T08:05:00Z",
                       "last_used_at": "2026-11-23T08:20:00Z", "current": true}]}
        """#

    static let ticket = #"""
        {"assignee": "alice@demo.test", "category": "technical", "closed_at": null, "created_at": "2026-11-23T09:30:00Z",
         "customer_email": "dan@customer.test", "deleted_at": null, "description": "Steps to reproduce are below.",
         "first_response_at": "2026-11-23T11:55:00Z", "number": "TICK-20261123-0005", "priority": "medium",
         "requester": "dan@customer.test", "resolved_at": null,
         "sla": {"first_response": {"due": "2026-11-23T17:30:00Z", "paused": false, "seconds_left": 20100, "state": "met"},
                 "resolution": {"due": "2026-11-28T09:30:00Z", "paused": true, "seconds_left": 423000, "state": "pending"}},
         "status": "waiting", "subject": "Sync stuck at 99 percent", "submitter": "dan@customer.test",
         "updated_at": "2026-11-23T12:00:00Z", "version": 6}
        """#

    static let comment = #"""
        {"author": "alice@demo.test", "author_name": "Alice", "author_role": "agent", "body": "Could you send the sync log?",
         "created_at": "2026-11-23T11:55:00Z", "id": 2, "internal": false}
        """#

    /// `ticket` with its thread: the same keys plus `comments`.
    static let ticketDetail = String(ticket.dropLast(1)) + #", "comments": [\#(comment)]}"#

    static let page = #"{"tickets": [\#(ticket)], "next_cursor": null, "previous_cursor": null}"#

    static let comments = #"{"comments": [\#(comment)]}"#

    static let history = #"""
        {"history": [
          {"action": "created", "actor": "dan@customer.test", "at": "2026-11-23T09:30:00Z", "field": null, "new_value": null, "old_value": null, "reason": null},
          {"action": "changed", "actor": "alice@demo.test", "at": "2026-11-23T11:45:00Z", "field": "status", "new_value": "in_progress", "old_value": "assigned", "reason": null}]}
        """#

    static let dashboard = #"""
        {"at_risk": 0, "breached_now": 6, "by_priority": {"high": 0, "low": 2, "medium": 3, "urgent": 2},
         "by_status": {"assigned": 3, "closed": 1, "in_progress": 1, "open": 1, "reopened": 1, "resolved": 1, "waiting": 1},
         "created_today": 0, "open": 7, "resolved_today": 0, "unassigned": 1}
        """#

    static let volume = #"""
        {"days": [{"created": 8, "date": "2026-11-23", "resolved": 0}, {"created": 0, "date": "2026-11-24", "resolved": 2}],
         "from": "2026-11-23", "to": "2026-11-24"}
        """#

    static let agentsReport = #"""
        {"agents": [{"email": "alice@demo.test", "median_resolution_seconds": 84000, "name": "Alice", "open_assigned": 4, "resolved": 1, "sla_compliance_percent": 100},
                    {"email": "frank@demo.test", "median_resolution_seconds": null, "name": "Frank", "open_assigned": 0, "resolved": 0, "sla_compliance_percent": null}],
         "from": "2026-10-28", "to": "2026-11-26"}
        """#

    static let slaReport = #"""
        {"first_response": {"breached": 1, "compliance_percent": 66.7, "mean_seconds": 9150, "median_seconds": 9150, "met": 2, "total": 3},
         "from": "2026-10-28", "resolution": {"breached": 0, "compliance_percent": 100, "mean_seconds": 85500, "median_seconds": 85500, "met": 2, "total": 2},
         "to": "2026-11-26"}
        """#

    static let agents = #"""
        {"agents": [{"active": true, "created_at": "2026-11-23T08:00:00Z", "email": "alice@demo.test", "name": "Alice", "open_assigned": 4, "role": "agent", "time_zone": null}]}
        """#
}
