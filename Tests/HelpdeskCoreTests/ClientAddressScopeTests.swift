import HelpdeskCore
import Testing

/// Which addresses count as one client for lockouts and rate limits: IPv4 each, IPv6 by its /64.
struct ClientAddressScopeTests {
    @Test(arguments: [
        ("192.0.2.1", "192.0.2.1"),
        ("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        ("2001:DB8:1:2::ffff", "2001:db8:1:2::/64"),
        ("2001:db8::1", "2001:db8:0:0::/64"),
        ("::1", "0:0:0:0::/64"),
        ("::ffff:192.0.2.1", "192.0.2.1"),
        ("fe80::1%eth0", "fe80:0:0:0::/64"),
        ("not an address", "not an address"),
        ("1::2::3", "1::2::3"),
    ])
    func scope(address: String, expected: String) {
        #expect(ClientAddressScope.of(address) == expected)
    }

    @Test func everyAddressOfOneSlash64IsOneLockoutOrigin() {
        #expect(LoginOrigin.address("2001:db8:7:7::1").lockoutKey == LoginOrigin.address("2001:db8:7:7:a:b:c:d").lockoutKey)
        #expect(LoginOrigin.address("2001:db8:7:8::1").lockoutKey != LoginOrigin.address("2001:db8:7:7::1").lockoutKey)
        #expect(LoginOrigin.address("192.0.2.1").lockoutKey != LoginOrigin.address("192.0.2.2").lockoutKey)
    }
}
