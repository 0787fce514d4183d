import ArgumentParser
import Foundation
import HelpdeskCore
import HelpdeskServer
import HelpdeskSQLite
import Hummingbird
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the JSON API over HTTP until SIGTERM or SIGINT.",
        discussion: """
            The access tokens' signing keys are kept beside the database (<db>.api-key, mode 0600), made on \
            the first start; `helpdesk api rotate-key` adds one, which a running server picks up. One log \
            line per request goes to standard error.
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"
    @Option(help: "The port to listen on (0: one the system picks, printed at start).")
    var port = 8080
    @Option(help: "Requests to /api/v1/auth/* each client address may send at once; as many more come back each minute (default 10).")
    var authRateLimit = AuthRateLimit.defaultCapacity

    func run() async throws {
        try await global.run { _ in
            guard authRateLimit >= 1 else { throw HelpdeskError.validation("auth_rate_limit", "must be at least 1 request") }
            let service = try global.service()
            if try global.clock() is FixedTimeSource {
                // A frozen clock never lets a token, a session or a lockout run out: say so at once.
                FileHandle.standardError.write(Data(
                    "warning: --now freezes the clock: tokens, sessions and lockouts never expire (for tests only)\n".utf8))
            }
            let keyPath = SigningKey.path(besideDatabase: try DatabaseFiles.literal(global.databasePath))
            var logger = Logger(label: "helpdesk.api")
            logger.logLevel = .info
            let keyLogger = logger
            // `helpdesk api rotate-key` replaces the file; the server follows without a restart.
            let tokens = try await AccessTokens(file: keyPath) { error in keyLogger.error("\(error.message)") }
            let rateLimit = AuthRateLimit(capacity: authRateLimit, refillSeconds: 60 / Double(authRateLimit))
            let app = HelpdeskServer.application(
                helpdesk: service, tokens: tokens, host: host, port: port, logger: logger, rateLimit: rateLimit
            ) { port in
                FileHandle.standardOutput.write(Data("Listening on http://\(host):\(port)\n".utf8))
            }
            // Stops on SIGTERM or SIGINT once the requests in flight are answered.
            try await app.runService()
        }
    }
}
