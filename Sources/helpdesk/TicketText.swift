import Foundation
import HelpdeskCore
import HelpdeskSQLite
import HelpdeskUseCases

/// Human renderings of tickets for the command line.
enum TicketText {
    /// The SLA column, in the words the console's queue uses (`DisplayText.nextClock`).
    static func slaCell(_ ticket: Ticket, now: Date) -> String {
        let next = DisplayText.nextClock(ticket, at: now)
        return next.text + (next.isPaused ? " ‖" : "")
    }

    static func list(_ page: TicketPage, now: Date) -> String {
        guard !page.tickets.isEmpty else { return "No tickets." }
        let rows = page.tickets.map { listing -> [String] in
            let t = listing.ticket
            return [
                t.number, t.priority.rawValue, t.status.label, slaCell(t, now: now),
                String((listing.assignee?.email ?? "-").split(separator: "@").first ?? "-"), t.subject,
            ]
        }
        var text = Output.table(["NUMBER", "PRIORITY", "STATUS", "SLA", "ASSIGNEE", "SUBJECT"], rows)
        if let next = page.nextCursor { text += "\nMore: --after \(next)" }
        return text
    }

    /// A ticket for people; times in `zone`, clocks and category in the words both faces share.
    static func detail(_ listing: TicketListing, now: Date, zone: TimeZone) -> String {
        let t = listing.ticket
        let readings = SLAPolicy.readings(for: t, at: now)
        func clock(_ name: String, _ r: SLAClockReading) -> String { DisplayText.clock(name, r, in: zone) }
        var lines = [
            "\(t.number)  \(DisplayText.sanitize(t.subject))",
            "Status: \(t.status.label)   Priority: \(t.priority.rawValue)   Category: \(DisplayText.category(t.category))   Version: \(t.version)",
            "Requester: \(DisplayText.sanitize(listing.requester.name)) <\(listing.requester.email)>   Contact: \(t.customerEmail)",
            "Assignee: \(listing.assignee.map { "\(DisplayText.sanitize($0.name)) <\($0.email)>" } ?? "-")"
                + (listing.submitter.id == listing.requester.id
                    ? "" : "   Filed by: \(DisplayText.sanitize(listing.submitter.name)) <\(listing.submitter.email)>"),
            "Created: \(Output.date(t.createdAt, in: zone))   Updated: \(Output.date(t.updatedAt, in: zone))",
            clock("First response", readings.firstResponse),
            clock("Resolution", readings.resolution),
        ]
        lines += ["", DisplayText.sanitize(t.description, keepNewlines: true)]
        return lines.joined(separator: "\n")
    }

    static func comments(_ comments: [CommentView], zone: TimeZone) -> String {
        guard !comments.isEmpty else { return "No comments." }
        return comments.map { view in
            let c = view.comment
            let header = "\(Output.date(c.createdAt, in: zone))  \(DisplayText.sanitize(view.author.name)) (\(view.author.role.rawValue))"
                + (c.isInternal ? "  [internal]" : "")
            return header + "\n" + DisplayText.sanitize(c.body, keepNewlines: true).split(separator: "\n", omittingEmptySubsequences: false)
                .map { "  " + $0 }.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }
}
