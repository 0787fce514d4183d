/// What `GET /api/v1/health` answers: `{"status": "ok"}`.
public struct WireHealth: Codable, Sendable, Equatable {
    /// `ok` once the database is open.
    public var status: String

    /// The server is up.
    public init(status: String = "ok") {
        self.status = status
    }
}
