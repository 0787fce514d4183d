import Foundation

/// The instants the helpdesk stores: 2000-01-01T00:00:00Z to 2999-12-31T23:59:59.999Z. Outside it,
/// ticket numbers, the stored text form of times and the calendar arithmetic stop being exact (a
/// UTC year of 10000 has five digits; years before 1582 are shifted by the proleptic calendar), so a
/// clock or a due time outside it is refused rather than stored unreadable.
public enum AcceptedInstants {
    /// The accepted instants, both ends included.
    public static let range: ClosedRange<Date> =
        Date(timeIntervalSince1970: 946_684_800)...Date(timeIntervalSince1970: 32_503_680_000 - 0.001)

    /// `date`, if the helpdesk can store it.
    /// - Throws: `VALIDATION_ERROR` on `field` when it lies outside `range`.
    @discardableResult
    public static func require(_ date: Date, field: String) throws -> Date {
        guard range.contains(date) else {
            throw HelpdeskError.validation(field, "must be between 2000-01-01 and 2999-12-31 UTC (got \(UTCTimestamp.iso8601(date)))")
        }
        return date
    }

    /// Every time a ticket stores, its SLA due times included, within `range`.
    /// - Throws: `VALIDATION_ERROR` on `now` when one is not (the clock is too close to the range's
    ///   end for the due times it implies).
    public static func require(_ ticket: Ticket) throws {
        let times = [ticket.createdAt, ticket.updatedAt, ticket.sla.firstResponseDue, ticket.sla.resolutionDue]
        guard times.allSatisfy(range.contains) else {
            throw HelpdeskError.validation("now", "the ticket's times would pass 2999-12-31 UTC (due times included)")
        }
    }
}
