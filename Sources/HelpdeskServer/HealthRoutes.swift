import HelpdeskWire
import Hummingbird

/// `GET /api/v1/health`: 200 `{"status": "ok"}` (the server answers only once the database is open).
enum HealthRoutes {
    static func endpoints() -> [Endpoint] {
        [Endpoint(.get, "/api/v1/health", .health) { _, _ in JSONResponse.make(WireHealth()) }]
    }
}
