/// How long an API session lives (issue 14; `settings token-idle-days N`, `settings token-max-days N`):
/// it ends `idleDays` after its last refresh and `maxDays` after its login, however often refreshed.
/// Applied by `SessionRules` at every refresh and every request, so a change reaches existing
/// sessions at once.
public struct SessionLifetimes: Sendable, Equatable {
    /// Days without a refresh; 14 unless set.
    public let idleDays: Int
    /// Days from the login; 30 unless set.
    public let maxDays: Int

    /// 14 days idle, 30 days in all.
    public static let standard = SessionLifetimes(checkedIdleDays: 14, maxDays: 30)
    /// The days either lifetime may be set to: 1 to 365.
    public static let allowedDays = 1...365

    private init(checkedIdleDays idleDays: Int, maxDays: Int) {
        self.idleDays = idleDays
        self.maxDays = maxDays
    }

    /// Lifetimes of `idleDays` and `maxDays`.
    /// - Throws: `VALIDATION_ERROR` on `token_idle_days` or `token_max_days` when outside 1 to 365
    ///   days, and on `token_idle_days` when it exceeds `token_max_days` (a session could never
    ///   reach its idle limit).
    public init(idleDays: Int, maxDays: Int) throws {
        var errors = FieldErrors()
        if !Self.allowedDays.contains(idleDays) { errors.add("token_idle_days", "must be a whole number of days from 1 to 365") }
        if !Self.allowedDays.contains(maxDays) { errors.add("token_max_days", "must be a whole number of days from 1 to 365") }
        try errors.throwIfAny()
        if idleDays > maxDays {
            throw HelpdeskError.validation("token_idle_days", "must not exceed token_max_days (\(maxDays))")
        }
        self.init(checkedIdleDays: idleDays, maxDays: maxDays)
    }

    /// Seconds without a refresh.
    public var idleSeconds: Double { Double(idleDays) * 86_400 }
    /// Seconds from the login.
    public var maxSeconds: Double { Double(maxDays) * 86_400 }
}
