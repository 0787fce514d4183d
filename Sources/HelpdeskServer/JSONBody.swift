import Foundation
import HelpdeskCore
import HelpdeskWire
import Hummingbird

/// Reads request bodies: at most `maximumBytes`, decoded with `WireJSON`'s decoder. Every failure is
/// the seed's error object: too large is 413 `PAYLOAD_TOO_LARGE`, anything not JSON of the expected
/// shape 400 `VALIDATION_ERROR` naming the field at fault. Unknown fields are ignored.
public enum JSONBody {
    /// 1 MiB: no helpdesk text is longer than 10,000 characters.
    public static let maximumBytes = 1 << 20

    /// The body of `request` as `Body`.
    /// - Throws: `APIError` (413, or 400 for an empty body), or what `Body`'s decoding throws (a `HelpdeskError`).
    public static func decode<Body: Decodable>(_ type: Body.Type, from request: Request) async throws -> Body {
        guard let body = try await decodeIfPresent(Body.self, from: request) else {
            throw APIError(HelpdeskError.validation("body", "a JSON object is required"))
        }
        return body
    }

    /// The body of `request` as `Body`, or nil when the request has none: for the one body the API
    /// takes as optional (`POST /auth/refresh`, whose token may come as `Authorization` instead).
    /// - Throws: as `decode`, but never for an empty body.
    public static func decodeIfPresent<Body: Decodable>(_ type: Body.Type, from request: Request) async throws -> Body? {
        // A declared length over the limit is refused before a byte is read, so the client is not
        // waited for (the limit is checked again while reading, for chunked bodies).
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maximumBytes {
            throw tooLarge
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBytes)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw tooLarge
        }
        let data = Data(buffer.readableBytesView)
        guard !data.isEmpty else { return nil }
        do {
            return try WireJSON.decoder().decode(Body.self, from: data)
        } catch let error as HelpdeskError {
            throw APIError(error)
        } catch let error as DecodingError {
            throw APIError(describe(error))
        } catch {
            throw APIError(HelpdeskError.validation("body", "is not valid JSON"))
        }
    }

    /// The 413 answer.
    static let tooLarge = APIError(
        HelpdeskError(.payloadTooLarge, "The request body is larger than \(maximumBytes) bytes"))

    private static func describe(_ error: DecodingError) -> HelpdeskError {
        switch error {
        case .keyNotFound(let key, _):
            return HelpdeskError.validation(key.stringValue, FieldErrors.rule(brokenBy: error))
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return HelpdeskError.validation(field(context.codingPath), FieldErrors.rule(brokenBy: error))
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return HelpdeskError.validation(field(context.codingPath), FieldErrors.rule(brokenBy: error))
        default:
            return HelpdeskError.validation("body", "is not valid JSON")
        }
    }

    private static func field(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "body" : path.map(\.stringValue).joined(separator: ".")
    }
}
