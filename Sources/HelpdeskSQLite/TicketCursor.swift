import Foundation
import GRDB
import HelpdeskCore

/// A keyset position in a sorted list: the sort it belongs to and the last row's sort key.
/// Encoded as opaque base64url text; anything that does not decode to the same sort is refused.
struct TicketCursor: Codable, Equatable {
    var sort: String
    var keys: [String]
    var id: Int64

    func encoded() -> String {
        let data = (try? JSONEncoder().encode(self)) ?? Data()
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String, sort: TicketSort, field: String = "after") throws -> TicketCursor {
        let invalid = HelpdeskError.validation(field, "is not a cursor issued by this list (use the cursors as given)")
        guard text.count <= 512 else { throw invalid }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
            let cursor = try? JSONDecoder().decode(TicketCursor.self, from: data),
            cursor.sort == sort.rawValue, cursor.keys.count == TicketListSQL.keyColumns(for: sort).count
        else { throw invalid }
        return cursor
    }
}
