// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "EduSite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "edusite", targets: ["edusite"]),
        .library(name: "EduSite", targets: ["EduSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Debian: libcmark-gfm-dev + libcmark-gfm-extensions-dev (GitHub-flavoured Markdown).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Debian: libyaml-dev, used directly for its line/column marks.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The one Linux call Swift's Glibc module lacks: swapping two folders in one step.
        .target(name: "CLinuxFS"),
        // Upstream feeds through libcurl's easy interface, whose body callback can stop a transfer at
        // once (URLSession on Linux cannot: a gzip bomb grew to 1 GB). Linked by soname: the runtime
        // library FoundationNetworking needs anyway, no -dev package.
        .target(
            name: "CCurlFetch",
            linkerSettings: [
                .linkedLibrary(":libcurl.so.4", .when(platforms: [.linux])),
                .linkedLibrary("curl", .when(platforms: [.macOS])),
            ]
        ),
        .target(
            name: "EduSite",
            dependencies: [
                "CCmarkGFM",
                "CYAML",
                "CLinuxFS",
                "CCurlFetch",
            ]
        ),
        .executableTarget(
            name: "edusite",
            dependencies: [
                "EduSite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Debian: libmimalloc-dev. Its malloc replaces glibc's in the command: a build allocates
            // many small objects on every core, and took 13-20 % less time with it (docs/performance.md).
            linkerSettings: [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "EduSiteTests",
            dependencies: ["EduSite"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (scripts/fuzz): only when EDUSITE_FUZZ is set, so that a normal `swift build` or
// `swift test` never builds them; scripts/fuzz builds them into .build-fuzz with -sanitize=fuzzer.
if Context.environment["EDUSITE_FUZZ"] != nil {
    package.products.append(.executable(name: "edusite-fuzz", targets: ["EduSiteFuzz"]))
    package.targets.append(
        .executableTarget(
            name: "EduSiteFuzz", dependencies: ["EduSite"],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
}
