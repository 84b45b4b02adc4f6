// swift-tools-version:5.10
import PackageDescription
import Foundation

// WAIHU_CORE_ONLY=1 builds only the modules that do not need Vapor and Fluent
// (domain, SIP, media, dialer). It is a fast inner loop on a 2-core machine:
// a first Vapor + Fluent build takes about 8 minutes, the core about 1.
let coreOnly = ProcessInfo.processInfo.environment["WAIHU_CORE_ONLY"] == "1"

var dependencies: [Package.Dependency] = [
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
    .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
]

var targets: [Target] = [
    .target(name: "WaihuDomain"),
    .target(name: "WaihuSIP", dependencies: [
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
    ]),
    .target(name: "WaihuMedia", dependencies: [
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
    ]),
    .target(name: "WaihuDialer", dependencies: [
        "WaihuDomain", "WaihuSIP", "WaihuMedia",
        .product(name: "Logging", package: "swift-log"),
    ]),
    // Real peers for the tests (SIPp, baresip, a raw UDP probe, WAV analysis), shared by
    // the dialer's and the server's tests: test targets cannot import one another.
    .target(name: "WaihuTestPeers", dependencies: [
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
    ], path: "Tests/WaihuTestPeers"),
    .testTarget(name: "WaihuDomainTests", dependencies: ["WaihuDomain"]),
    .testTarget(name: "WaihuSIPTests", dependencies: [
        "WaihuSIP", "WaihuTestPeers",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
    ]),
    .testTarget(name: "WaihuMediaTests", dependencies: ["WaihuMedia"]),
    .testTarget(name: "WaihuDialerTests", dependencies: [
        "WaihuDialer", "WaihuDomain", "WaihuSIP", "WaihuMedia", "WaihuTestPeers",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
    ]),
]

var products: [Product] = []

if !coreOnly {
    dependencies += [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.100.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.6.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.8.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.4.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.3.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.20.0"),
    ]
    targets += [
        .target(name: "WaihuServer", dependencies: [
            "WaihuDomain", "WaihuSIP", "WaihuMedia", "WaihuDialer",
            .product(name: "Vapor", package: "vapor"),
            .product(name: "Fluent", package: "fluent"),
            .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
            .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .executableTarget(name: "waihu", dependencies: [
            "WaihuServer", "WaihuDialer", "WaihuDomain",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
        .testTarget(name: "WaihuServerTests", dependencies: [
            "WaihuServer", "WaihuTestPeers",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
    ]
    products.append(.executable(name: "waihu", targets: ["waihu"]))
}

let package = Package(
    name: "waihu",
    platforms: [.macOS(.v13)],
    products: products,
    dependencies: dependencies,
    targets: targets
)
