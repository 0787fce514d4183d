import Foundation
import HelpdeskCore

/// A keyset position in a sorted ticket list, the same for every engine: the sort it belongs to, the
/// last row's sort keys as typed values, and the row's id (the tie-break). Users see it as opaque
/// base64url text (`next_cursor`, `--after`); anything that does not decode to a cursor of the same
/// sort, with keys of the kinds that sort has, is refused.
public struct TicketCursor: Sendable, Equatable {
    /// One sort key's value.
    public enum Key: Sendable, Equatable {
        /// An instant, in whole milliseconds since 1970-01-01T00:00:00Z (the precision times are
        /// stored with, so the position is exact).
        case instant(milliseconds: Int64)
        /// A priority's rank (`Priority.sortRank`, most urgent first).
        case rank(Int)
    }

    /// The kinds of key a sort orders by, in order, before the id.
    public enum KeyKind: Sendable, Equatable {
        case instant, rank
    }

    public var sort: TicketSort
    public var keys: [Key]
    public var id: Int64

    public init(sort: TicketSort, keys: [Key], id: Int64) {
        self.sort = sort
        self.keys = keys
        self.id = id
    }

    /// What `sort` orders by: creation or update time, priority then the next SLA due time, or the
    /// next SLA due time (engines store "no running clock" as a far-future due time).
    public static func keyKinds(for sort: TicketSort) -> [KeyKind] {
        switch sort {
        case .created, .updated, .due: [.instant]
        case .priority: [.rank, .instant]
        }
    }

    /// The cursor as users see it: base64url (no padding) of `sort|key|…|id`, keys written `t<ms>`
    /// or `r<rank>`.
    public func encoded() -> String {
        let fields = [sort.rawValue] + keys.map { key in
            switch key {
            case .instant(let milliseconds): "t\(milliseconds)"
            case .rank(let rank): "r\(rank)"
            }
        } + [String(id)]
        return Data(fields.joined(separator: "|").utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The instants a cursor may carry: 1970-01-01 to 9999-12-31 in milliseconds (stored times, and
    /// the far-future stand-in for "no running clock", lie inside it).
    public static let instantRange: ClosedRange<Int64> = 0...253_402_300_799_999

    /// The ranks a cursor may carry (`Priority.sortRank`).
    public static let rankRange: ClosedRange<Int> = 0...99

    /// Reads a cursor a list issued.
    /// - Throws: `VALIDATION_ERROR` on `field` (`after` or `before`) when the text is not a cursor
    ///   of `sort`: forged, truncated, from another sort, longer than 512 characters, or with a key
    ///   or id out of range.
    public static func decode(_ text: String, sort: TicketSort, field: String = "after") throws -> TicketCursor {
        let invalid = HelpdeskError.validation(field, "is not a cursor issued by this list (use the cursors as given)")
        guard text.count <= 512 else { throw invalid }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let plain = String(data: data, encoding: .utf8) else { throw invalid }
        let fields = plain.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        let kinds = keyKinds(for: sort)
        guard fields.count == kinds.count + 2, fields.first == sort.rawValue, let id = Int64(fields[fields.count - 1]), id > 0 else {
            throw invalid
        }
        var keys: [Key] = []
        for (kind, field) in zip(kinds, fields.dropFirst()) {
            switch (kind, field.first) {
            case (.instant, "t"):
                guard let milliseconds = Int64(field.dropFirst()), instantRange.contains(milliseconds) else { throw invalid }
                keys.append(.instant(milliseconds: milliseconds))
            case (.rank, "r"):
                guard let rank = Int(field.dropFirst()), rankRange.contains(rank) else { throw invalid }
                keys.append(.rank(rank))
            default:
                throw invalid
            }
        }
        return TicketCursor(sort: sort, keys: keys, id: id)
    }
}
