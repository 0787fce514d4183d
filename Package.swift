// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "Helpdesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "helpdesk", targets: ["helpdesk"]),
        .library(name: "HelpdeskCore", targets: ["HelpdeskCore"]),
        .library(name: "HelpdeskUseCases", targets: ["HelpdeskUseCases"]),
        .library(name: "HelpdeskSQLite", targets: ["HelpdeskSQLite"]),
        .library(name: "HelpdeskWire", targets: ["HelpdeskWire"]),
        .library(name: "HelpdeskConsole", targets: ["HelpdeskConsole"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/vapor/jwt-kit", exact: "5.8.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        // The API's OpenAPI 3.1 document as typed values; without the external-loading trait, which only slows the build.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", exact: "6.4.0", traits: []),
    ],
    targets: [
        // Pure domain rules: no I/O, no storage, time only through an injected clock.
        .target(name: "HelpdeskCore"),
        // The one JSON wire format: Codable shapes built from core types, and the encoder they are printed with.
        .target(name: "HelpdeskWire", dependencies: ["HelpdeskCore"]),
        // The use cases every face calls, over storage ports any engine implements; engine-neutral, async.
        .target(name: "HelpdeskUseCases", dependencies: ["HelpdeskCore"]),
        // The SQLite engine (GRDB): migrations, tables, search, lists, reports; and the password hasher.
        .target(
            name: "HelpdeskSQLite",
            dependencies: [
                "HelpdeskCore",
                "HelpdeskUseCases",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, for the progress handler that stops a search at its deadline.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // wcwidth, the function ncursesw measures with, so the cell grid and the terminal agree.
        .target(name: "CWidth"),
        .systemLibrary(name: "CNcursesw"),
        // Gives the terminal back from a signal handler when the process dies of a trap.
        .target(name: "CTerminalGuard"),
        // The console without ncurses: cells, widgets, key maps, themes and screens.
        .target(
            name: "HelpdeskConsole",
            dependencies: ["HelpdeskCore", "HelpdeskUseCases", "CWidth"],
            resources: [.copy("Resources/keymaps"), .copy("Resources/themes"), .copy("Resources/views.toml")]
        ),
        // The HTTP face: `helpdesk serve`'s routes, tokens and error bodies over the use cases.
        .target(
            name: "HelpdeskServer",
            dependencies: [
                "HelpdeskCore",
                "HelpdeskUseCases",
                "HelpdeskWire",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            ]
        ),
        // The ncurses backend and the event loop that runs the console on a real terminal.
        .target(name: "HelpdeskTerminal", dependencies: ["HelpdeskConsole", "CNcursesw", "CTerminalGuard"]),
        .executableTarget(
            name: "helpdesk",
            dependencies: [
                "HelpdeskCore",
                "HelpdeskUseCases",
                "HelpdeskSQLite",
                "HelpdeskWire",
                "HelpdeskConsole",
                "HelpdeskTerminal",
                "HelpdeskServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Load generators for the crash and contention tests; not part of the product.
        .executableTarget(name: "helpdesk-torture", dependencies: ["HelpdeskCore", "HelpdeskUseCases", "HelpdeskSQLite"]),
        // The benchmark (build with -c release): a generated helpdesk, our figures beside the raw C API's.
        .executableTarget(
            name: "helpdesk-bench",
            dependencies: [
                "HelpdeskCore", "HelpdeskUseCases", "HelpdeskSQLite", "HelpdeskConsole", "HelpdeskWire",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "HelpdeskCoreTests", dependencies: ["HelpdeskCore"]),
        // The contract suite: the use cases over every storage engine.
        .testTarget(name: "HelpdeskUseCasesTests", dependencies: ["HelpdeskUseCases", "HelpdeskSQLite", "HelpdeskCore"]),
        // The SQLite engine's own tests, below the ports: files, pragmas, migrations, counters, search plans.
        .testTarget(
            name: "HelpdeskSQLiteTests",
            dependencies: [
                "HelpdeskSQLite", "HelpdeskUseCases", "HelpdeskCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "HelpdeskCLITests", dependencies: ["helpdesk", "helpdesk-torture", "HelpdeskCore", "HelpdeskUseCases", "HelpdeskSQLite", "HelpdeskWire"],
            // Read and written through #filePath (see Goldens.swift), so that regenerating updates the sources.
            exclude: ["Goldens"]),
        // The HTTP face's routes in process (no socket), over the SQLite engine.
        .testTarget(
            name: "HelpdeskServerTests",
            dependencies: [
                "HelpdeskServer", "HelpdeskUseCases", "HelpdeskSQLite", "HelpdeskCore", "HelpdeskWire",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
            ]),
        .testTarget(name: "HelpdeskConsoleTests", dependencies: ["HelpdeskConsole", "HelpdeskUseCases", "HelpdeskSQLite", "HelpdeskCore"]),
    ],
    swiftLanguageModes: [.v6]
)
