// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Caravan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "caravan", targets: ["caravan"]),
        .library(name: "CaravanCore", targets: ["CaravanCore"]),
        .library(name: "CaravanNetwork", targets: ["CaravanNetwork"]),
        .library(name: "CaravanDossier", targets: ["CaravanDossier"]),
        .library(name: "CaravanArticle", targets: ["CaravanArticle"]),
        .library(name: "CaravanCheck", targets: ["CaravanCheck"]),
        .library(name: "CaravanImport", targets: ["CaravanImport"]),
        .library(name: "CaravanStore", targets: ["CaravanStore"]),
        .library(name: "CaravanSQLite", targets: ["CaravanSQLite"]),
        .library(name: "CaravanPostgres", targets: ["CaravanPostgres"]),
        .library(name: "CaravanService", targets: ["CaravanService"]),
        .library(name: "CaravanPresentation", targets: ["CaravanPresentation"]),
        .library(name: "CaravanServer", targets: ["CaravanServer"]),
        .library(name: "CaravanFetch", targets: ["CaravanFetch"]),
        .library(name: "CaravanWatch", targets: ["CaravanWatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // Domain values and pure analytics: periods, calendars, observations, series. No I/O.
        .target(name: "CaravanCore"),
        // The corridor as a graph: routing, alternatives, maximum flow and its bottleneck. No I/O.
        .target(name: "CaravanNetwork", dependencies: ["CaravanCore"]),
        // A partnership's dossier and its scorecard: targets, claims, agreements, projects, the three tests. No I/O.
        .target(name: "CaravanDossier", dependencies: ["CaravanCore", "CaravanNetwork"]),
        // The bundled reference dataset (Data/), every figure with its source.
        .target(
            name: "CaravanData", path: "Data", exclude: ["README.md"],
            resources: [
                .copy("reference"), .copy("figures"), .copy("networks"), .copy("flows"), .copy("dossiers"), .copy("hs"), .copy("groups"),
                .copy("words"), .copy("basemap"), .copy("styles"), .copy("article"),
            ]),
        // An article read for the figures it states: numbers, periods, pairs and flows in English, Russian and Persian. No I/O.
        .target(name: "CaravanArticle", dependencies: ["CaravanCore", "CaravanData"]),
        // An article's statements judged by the rules of a dossier claim, and written as files to import or add. No I/O.
        .target(name: "CaravanCheck", dependencies: ["CaravanArticle", "CaravanCore", "CaravanDossier"]),
        // zlib, for reading .gz files as they stream in.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Parsers for the interchange formats, streaming, with line-numbered errors.
        .target(
            name: "CaravanImport",
            dependencies: [
                "CaravanCore", "CaravanNetwork", "CaravanDossier", "CZlib", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The store protocol: what every database behind the ledger offers, and its errors.
        .target(name: "CaravanStore", dependencies: ["CaravanCore", "CaravanNetwork"]),
        // The store in a SQLite file, through GRDB: the embedded default.
        .target(
            name: "CaravanSQLite",
            dependencies: [
                "CaravanCore", "CaravanNetwork", "CaravanStore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]),
        // The store in PostgreSQL, through PostgresNIO: for a team.
        .target(
            name: "CaravanPostgres",
            dependencies: [
                "CaravanCore", "CaravanNetwork", "CaravanStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The use cases the CLI and the server share: import files, answer queries. Any store will do.
        .target(
            name: "CaravanService",
            dependencies: [
                "CaravanCore", "CaravanNetwork", "CaravanDossier", "CaravanData", "CaravanImport", "CaravanStore", "CaravanArticle",
                "CaravanCheck", .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // What people read: text tables, CSV, JSON, Markdown, the dashboard's pages and the report, escaped by default.
        .target(
            name: "CaravanPresentation",
            dependencies: [
                "CaravanCore", "CaravanNetwork", "CaravanDossier", "CaravanImport", "CaravanStore", "CaravanService", "CaravanData",
                "CaravanArticle", "CaravanCheck",
            ]),
        // The HTTP server: the JSON API, its OpenAPI document, the dashboard, access control.
        .target(
            name: "CaravanServer",
            dependencies: [
                "CaravanCore", "CaravanDossier", "CaravanImport", "CaravanNetwork", "CaravanService", "CaravanPresentation", "CaravanStore",
                "CaravanWatch", "CaravanCheck", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"), .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
        // Official statistics fetched from their publishers' APIs (UN Comtrade) and imported as they arrive.
        .target(
            name: "CaravanFetch",
            dependencies: [
                "CaravanCore", "CaravanData", "CaravanImport", "CaravanService", "CaravanStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]),
        // Changes of scorecards pushed to those watching them: webhook deliveries, signed and retried.
        .target(
            name: "CaravanWatch",
            dependencies: [
                "CaravanPresentation", "CaravanService", "CaravanStore", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]),
        .executableTarget(
            name: "caravan",
            dependencies: [
                "CaravanCore", "CaravanDossier", "CaravanImport", "CaravanNetwork", "CaravanService", "CaravanPresentation", "CaravanServer",
                "CaravanFetch", "CaravanWatch", "CaravanCheck",
                "CaravanStore", "CaravanSQLite", "CaravanPostgres", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "CaravanTestSupport",
            dependencies: [
                "CaravanStore", "CaravanSQLite", "CaravanPostgres", "CZlib",
                // ChromeDriver writes `Content-Length:656`, which Foundation's URLSession on Linux cannot read.
                .product(name: "AsyncHTTPClient", package: "async-http-client"), .product(name: "NIOCore", package: "swift-nio"),
            ], path: "Tests/CaravanTestSupport"),
        // The importers fed mutated real files (docs/reliability.md): the campaign, and the command that runs it.
        .target(
            name: "CaravanFuzzing",
            dependencies: [
                "CaravanCore", "CaravanImport", "CaravanNetwork", "CaravanService", "CaravanPresentation", "CaravanServer", "CaravanStore",
                "CaravanSQLite", "CaravanPostgres", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Reliability/Fuzz/CaravanFuzzing"),
        .executableTarget(
            name: "caravan-fuzz", dependencies: ["CaravanFuzzing", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Reliability/Fuzz/caravan-fuzz"),
        // The byte-level readers under libFuzzer and AddressSanitizer (Reliability/Fuzz/readers.sh); built plainly, a corpus replayer.
        .executableTarget(name: "caravan-readers-fuzz", dependencies: ["CaravanImport"], path: "Reliability/Fuzz/caravan-readers-fuzz"),
        .testTarget(name: "CaravanCoreTests", dependencies: ["CaravanCore"], resources: [.copy("Oracle")]),
        .testTarget(
            name: "CaravanPresentationTests",
            dependencies: [
                "CaravanArticle", "CaravanCheck", "CaravanCore", "CaravanData", "CaravanDossier", "CaravanNetwork", "CaravanPresentation",
                "CaravanService", "CaravanStore",
            ]),
        .testTarget(
            name: "CaravanArticleTests",
            dependencies: ["CaravanArticle", "CaravanCore", "CaravanData", "CaravanDossier", "CaravanImport", "CaravanTestSupport"]),
        .testTarget(name: "CaravanDossierTests", dependencies: ["CaravanDossier", "CaravanNetwork", "CaravanCore"]),
        .testTarget(
            name: "CaravanNetworkTests", dependencies: ["CaravanNetwork", "CaravanImport", "CaravanData"],
            resources: [.copy("Oracle")]),
        .testTarget(
            name: "CaravanImportTests", dependencies: ["CaravanCore", "CaravanDossier", "CaravanImport", "CaravanData", "CaravanTestSupport"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "CaravanStoreTests",
            dependencies: ["CaravanCore", "CaravanNetwork", "CaravanStore", "CaravanSQLite", "CaravanPostgres", "CaravanTestSupport"]),
        .testTarget(
            name: "CaravanServiceTests",
            dependencies: [
                "CaravanCore", "CaravanImport", "CaravanNetwork", "CaravanService", "CaravanPresentation", "CaravanData", "CaravanDossier",
                "CaravanStore", "CaravanSQLite", "CaravanTestSupport", "CaravanCheck",
            ]),
        .testTarget(name: "CaravanCLITests", dependencies: ["caravan", "CaravanService", "CaravanTestSupport"]),
        .testTarget(
            name: "CaravanReliabilityTests", dependencies: ["CaravanFuzzing", "CaravanImport", "CaravanTestSupport"],
            resources: [.copy("Corpus"), .copy("ReaderCorpus")]),
        .testTarget(
            name: "CaravanFetchTests",
            dependencies: [
                "CaravanFetch", "CaravanCore", "CaravanImport", "CaravanService", "CaravanStore", "CaravanSQLite", "CaravanTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "NIOCore", package: "swift-nio"),
            ],
            resources: [.copy("Answers")]),
        .testTarget(
            name: "CaravanWatchTests",
            dependencies: [
                "CaravanWatch", "CaravanService", "CaravanStore", "CaravanTestSupport", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]),
        .testTarget(
            name: "CaravanServerTests",
            dependencies: [
                "CaravanServer", "CaravanService", "CaravanPresentation", "CaravanData", "CaravanStore", "CaravanSQLite", "CaravanTestSupport",
                "CaravanWatch", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"), .product(name: "HTTPTypes", package: "swift-http-types"),
            ]),
    ]
)
