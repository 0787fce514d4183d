/// The part of a client's IP address that counts as one client for lockouts and rate limits.
///
/// An IPv4 address is one client. An IPv6 client is normally given a whole /64 (RFC 6177 and every
/// access network's practice), from which it may pick a new source address for each connection:
/// keyed by the full address, each attempt could come from a fresh address with a fresh lockout
/// and a fresh bucket (found in review). So IPv6 is grouped by its first 64 bits; an IPv4-mapped
/// IPv6 address (`::ffff:192.0.2.1`) is its IPv4 address. Text that is neither is kept as it is.
public enum ClientAddressScope {
    /// `192.0.2.1` → `192.0.2.1`; `2001:db8:1:2:3:4:5:6` → `2001:db8:1:2::/64`;
    /// `::ffff:192.0.2.1` → `192.0.2.1`; `fe80::1%eth0` → `fe80:0:0:0::/64`.
    public static func of(_ address: String) -> String {
        let bare = address.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? address
        guard bare.contains(":") else { return bare }
        let lowered = bare.lowercased()
        if lowered.hasPrefix("::ffff:"), lowered.contains(".") { return String(lowered.dropFirst("::ffff:".count)) }
        let halves = lowered.components(separatedBy: "::")
        guard halves.count <= 2 else { return bare }
        func groups(_ text: String) -> [String] { text.isEmpty ? [] : text.split(separator: ":", omittingEmptySubsequences: false).map(String.init) }
        let head = groups(halves[0]), tail = halves.count == 2 ? groups(halves[1]) : []
        var all = head
        if halves.count == 2 {
            guard head.count + tail.count < 8 else { return bare }
            all += Array(repeating: "0", count: 8 - head.count - tail.count) + tail
        }
        let values = all.compactMap { $0.count <= 4 ? UInt16($0, radix: 16) : nil }
        guard all.count == 8, values.count == 8 else { return bare }
        return values.prefix(4).map { String($0, radix: 16) }.joined(separator: ":") + "::/64"
    }
}
