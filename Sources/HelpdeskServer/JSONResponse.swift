import Foundation
import HelpdeskWire
import Hummingbird

/// Responses whose bodies are the wire format, written by `WireJSON`, the one encoder.
public enum JSONResponse {
    /// `value` as JSON under `status` with `headers`. A value JSON cannot hold (it holds only
    /// strings, numbers and times, so none is expected) becomes the 500 error object.
    public static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        let data: Data
        do {
            data = try WireJSON.encode(value)
        } catch {
            let fallback = #"{"code":"INTERNAL_ERROR","errors":{},"message":"The response could not be written","status":"error"}"#
            return body(Data(fallback.utf8), status: .internalServerError, headers: [:])
        }
        return body(data, status: status, headers: headers)
    }

    private static func body(_ data: Data, status: HTTPResponse.Status, headers: HTTPFields) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        var bytes = data
        bytes.append(0x0A)
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
