import Foundation
import HelpdeskServer
import Hummingbird
import Logging
import Testing

/// What a client holding connections open meets on a real socket: a half-sent request is closed
/// after the idle timeout (so thousands of them cannot exhaust the server's descriptors), and a
/// declared body over 1 MiB is refused at once, without waiting for it.
struct ConnectionLimitTests {
    /// Runs `HelpdeskServer.application` on a free loopback port with `idleTimeout`, and `body` with the port.
    private func withServer(idleTimeout: Duration, _ body: @Sendable (Int) async throws -> Void) async throws {
        let fixture = try await APIFixture()
        var logger = Logger(label: "helpdesk.api.test")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = HelpdeskServer.application(
            helpdesk: fixture.helpdesk(), tokens: await AccessTokens(key: fixture.key), host: "127.0.0.1", port: 0,
            logger: logger, idleTimeout: idleTimeout
        ) { port in continuation.yield(port) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            try await body(port)
            group.cancelAll()
        }
    }

    @Test func aHalfSentRequestIsClosedAfterTheIdleTimeout() async throws {
        try await withServer(idleTimeout: .milliseconds(300)) { port in
            let socket = try RawSocket(port: port)
            defer { socket.close() }
            socket.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n")  // the head never ends
            // The server closes the connection (reading meets the end of the stream) instead of
            // the socket's own 20-second bound running out.
            #expect(await offThePool { socket.readUntilClosed(bound: 20) }, "the half-sent request was kept open")
        }
    }

    @Test func aDeclaredBodyOverTheLimitIsRefusedWithoutWaitingForIt() async throws {
        try await withServer(idleTimeout: .seconds(30)) { port in
            let socket = try RawSocket(port: port)
            defer { socket.close() }
            socket.send(
                "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{")
            let answer = await offThePool { socket.readHead(bound: 10) }
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer)")
            #expect(answer.contains("PAYLOAD_TOO_LARGE"), "\(answer)")
        }
    }
}

/// Runs blocking `work` on a Dispatch thread: the server's handlers run on the cooperative pool (two
/// threads on two cores), which a blocking read there could starve while other tests run.
private func offThePool<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: work()) }
    }
}

/// A blocking TCP client with a receive bound, for requests no HTTP client library would send.
private final class RawSocket: Sendable {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw HelpdeskTestError.connect(errno) }
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Foundation.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until the peer closes the connection (true) or `bound` seconds pass without a byte (false).
    func readUntilClosed(bound seconds: Int) -> Bool {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { return true }
            if count < 0 { return errno == ECONNRESET }
        }
    }

    /// Reads until a whole answer (head and its body) arrived or `bound` seconds passed.
    func readHead(bound seconds: Int) -> String {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !String(decoding: received, as: UTF8.self).contains("}") {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer.prefix(count)
        }
        return String(decoding: received, as: UTF8.self)
    }

    func close() { _ = Foundation.close(descriptor) }
}

private enum HelpdeskTestError: Error {
    case connect(Int32)
}
