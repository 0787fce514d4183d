import Foundation
import HelpdeskCore
import Hummingbird
import Synchronization

/// A clock that only moves forward, whatever the wall clock or `--now` say: the rate limit measures
/// elapsed time with it. Tests inject one they move by hand.
public protocol MonotonicClock: Sendable {
    /// Seconds since an arbitrary fixed start; never decreases.
    func seconds() -> Double
}

/// The system's monotonic clock (`ContinuousClock`), in seconds since the value was made.
public struct SystemMonotonicClock: MonotonicClock {
    private let start = ContinuousClock.now

    public init() {}

    public func seconds() -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

/// A token bucket per client address: each address may send `capacity` requests at once, then one
/// more every `refillSeconds`. The table of addresses is bounded (`maximumAddresses`): a full
/// bucket is the same as none, so those go first; if every bucket is in use the one seen least
/// recently is dropped (that address starts again with a full bucket, so a flood from many
/// addresses can cost an address its debt but never memory).
public final class AuthRateLimit: Sendable {
    /// 10 requests at once: a person or a script logs in, refreshes, and lists its sessions in a few
    /// requests; retries after a typo fit too.
    public static let defaultCapacity = 10
    /// One more every 6 seconds (10 a minute): each login costs a PBKDF2 check of 600,000
    /// iterations, so one address can make the server run at most 10 of those a minute, and
    /// spraying passwords over many accounts from one address goes at 600 an hour at most.
    public static let defaultRefillSeconds = 6.0
    /// The addresses remembered at once (about 100 bytes each).
    public static let defaultMaximumAddresses = 10_000

    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    private let capacity: Double
    private let refillSeconds: Double
    private let maximumAddresses: Int
    private let clock: any MonotonicClock
    private let buckets = Mutex<[String: Bucket]>([:])

    /// A limit of `capacity` requests at once, one more each `refillSeconds`, over at most
    /// `maximumAddresses` addresses, measured on `clock`.
    public init(
        capacity: Int = defaultCapacity, refillSeconds: Double = defaultRefillSeconds,
        maximumAddresses: Int = defaultMaximumAddresses, clock: any MonotonicClock = SystemMonotonicClock()
    ) {
        self.capacity = Double(max(1, capacity))
        self.refillSeconds = max(0.001, refillSeconds)
        self.maximumAddresses = max(1, maximumAddresses)
        self.clock = clock
    }

    /// Takes one request's token for `address`: nil when it may go on, else the whole seconds to
    /// wait until it may (at least 1).
    public func take(for address: String) -> Int? {
        let now = clock.seconds()
        return buckets.withLock { buckets in
            var bucket = buckets[address] ?? Bucket(tokens: capacity, updated: now)
            bucket.tokens = min(capacity, bucket.tokens + max(0, now - bucket.updated) / refillSeconds)
            bucket.updated = now
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                if buckets[address] == nil { evict(from: &buckets, at: now) }
                buckets[address] = bucket
                return nil
            }
            buckets[address] = bucket
            return max(1, Int(((1 - bucket.tokens) * refillSeconds).rounded(.up)))
        }
    }

    /// How many addresses are remembered now.
    public var rememberedAddresses: Int { buckets.withLock { $0.count } }

    /// Makes room for one more address.
    private func evict(from buckets: inout [String: Bucket], at now: Double) {
        guard buckets.count >= maximumAddresses else { return }
        buckets = buckets.filter { _, bucket in bucket.tokens + (now - bucket.updated) / refillSeconds < capacity }
        if buckets.count >= maximumAddresses, let stalest = buckets.min(by: { $0.value.updated < $1.value.updated })?.key {
            buckets[stalest] = nil
        }
    }
}

/// Answers 429 `RATE_LIMITED` with `Retry-After` (seconds) to a client address whose bucket for
/// `/api/v1/auth/*` is empty; other paths pass untouched.
struct AuthRateLimitMiddleware: RouterMiddleware {
    let limit: AuthRateLimit
    /// Whether `path` reaches an `/api/v1/auth/…` route. Compared by segments as the router matches
    /// them (empty ones skipped, percent-escapes decoded): `/api/v1//auth/login` reaches the login
    /// too, and must not pass the limit (found in review).
    static func isAuth(_ path: String) -> Bool {
        let segments = path.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        return segments.count > 3 && segments.prefix(3) == ["api", "v1", "auth"]
    }

    func handle(
        _ request: Request, context: APIRequestContext, next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        if Self.isAuth(request.uri.path), let wait = limit.take(for: ClientAddressScope.of(context.clientAddress)) {
            var headers = HTTPFields()
            headers[.retryAfter] = String(wait)
            throw APIError(
                HelpdeskError(.rateLimited, "Too many requests to /api/v1/auth from this address; retry after \(wait) seconds"),
                headers: headers)
        }
        return try await next(request, context)
    }
}
