// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "errdocs",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "errdocs", targets: ["errdocs"]),
        .library(name: "ErrorDocs", targets: ["ErrorDocs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Debian's libcmark: the one Markdown engine.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Linux calls Swift's Glibc module leaves out: an atomic folder exchange (renameat2), so a
        // killed build never leaves the site missing, and an in-kernel copy (copy_file_range) for
        // the unchanged parts of large files.
        .target(name: "CFileSystem"),
        // One setting of glibc's allocator that the executable makes at start (Errdocs.main).
        .target(name: "CAllocator"),
        // Plain values, no dependencies.
        .target(name: "ErrorDocsModel"),
        // load → lint → render → write.
        .target(
            name: "ErrorDocs",
            dependencies: [
                "ErrorDocsModel",
                "CCmark",
                "CFileSystem",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                // SHA-256 content hashes for the build cache.
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedFiles"]
        ),
        // errdocs serve: the HTTP server stays out of the core library.
        .target(
            name: "ErrorDocsPreview",
            dependencies: [
                "ErrorDocs",
                "ErrorDocsModel",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "errdocs",
            dependencies: [
                "ErrorDocs",
                "ErrorDocsModel",
                "ErrorDocsPreview",
                "CAllocator",
                "CFileSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Turns Templates/ and the lint rules' sources into Swift source files, so the default
        // theme and the rules' documentation live once in the repository and also in the binary.
        .executableTarget(name: "embed-files"),
        // Synthetic catalogs for the benchmarks (make bench).
        .executableTarget(name: "generate-catalog"),
        // libFuzzer target: arbitrary bytes as one error file through load, lint and render
        // (scripts/fuzz.sh, docs/fuzzing.md). Built normally it replays inputs given as arguments.
        .executableTarget(
            name: "errdocs-fuzz",
            dependencies: ["ErrorDocs", "ErrorDocsModel"]
        ),
        .plugin(
            name: "EmbedFiles",
            capability: .buildTool(),
            dependencies: ["embed-files"]
        ),
        .testTarget(
            name: "ErrorDocsTests",
            dependencies: ["ErrorDocs", "CAllocator"],
            exclude: ["Fixtures", "Snapshots", "OpenAPI/Fixtures"]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["errdocs", "generate-catalog", "CCmark"]
        ),
    ]
)
