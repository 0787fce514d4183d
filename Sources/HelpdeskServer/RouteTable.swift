import Hummingbird

/// The methods each path of the API answers, kept as routes are added, so that a request to a known
/// path with another method is told 405 with `Allow` instead of 404.
public struct RouteTable: Sendable {
    private var routes: [(method: HTTPRequest.Method, segments: [Substring])] = []

    /// An empty table.
    public init() {}

    /// Records `method` on `path` (segments starting with `:` match any one segment).
    public mutating func add(_ method: HTTPRequest.Method, _ path: String) {
        routes.append((method, path.split(separator: "/")))
    }

    /// The methods recorded for the routes `path` matches, in the order added; empty for an unknown path.
    public func methods(for path: String) -> [HTTPRequest.Method] {
        let segments = path.split(separator: "/")
        var methods: [HTTPRequest.Method] = []
        for route in routes where Self.matches(route.segments, segments) && !methods.contains(route.method) {
            methods.append(route.method)
        }
        return methods
    }

    private static func matches(_ pattern: [Substring], _ segments: [Substring]) -> Bool {
        guard pattern.count == segments.count else { return false }
        return zip(pattern, segments).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
    }
}
