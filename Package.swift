// swift-tools-version: 6.0
// Seatwise: chooses the members of a multistakeholder body from nomination lists, exactly, with GLPK.
import Foundation
import PackageDescription

let package = Package(
    name: "Seatwise",
    products: [
        .library(name: "Seatwise", targets: ["Seatwise"]),
        .executable(name: "seatwise", targets: ["SeatwiseCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/pointfreeco/swift-tagged", from: "0.10.0"),
        // `seatwise serve`: the workbench's HTTP server and its SQLite store.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // .xlsx workbooks in and out: their ZIP container.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // `make docs`: the DocC catalogue in Sources/Seatwise/Seatwise.docc.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // GLPK's C API (libglpk-dev ships no pkg-config file, so the module map links it directly).
        .systemLibrary(name: "CGLPK", path: "Sources/CGLPK", providers: [.apt(["libglpk-dev"])]),
        // A monotonic clock and an atomic stop flag, shared by the solver-neutral layer and GLPK's guard.
        .target(name: "SolverSignals", path: "Sources/SolverSignals"),
        // Wraps each GLPK call so that a GLPK fatal error returns instead of aborting.
        .target(name: "GLPKGuard", dependencies: ["CGLPK", "SolverSignals"], path: "Sources/GLPKGuard"),
        // The solver-neutral integer program, the SolverSession protocol and the staged (lexicographic) solve.
        .target(name: "SeatwiseSolver", dependencies: ["SolverSignals", .product(name: "Tagged", package: "swift-tagged")],
                path: "Sources/SeatwiseSolver"),
        // GLPK behind SolverSession: the only Swift that imports GLPK's C modules.
        .target(name: "SeatwiseGLPK", dependencies: ["SeatwiseSolver", "GLPKGuard", "CGLPK"], path: "Sources/SeatwiseGLPK"),
        .target(
            name: "Seatwise",
            dependencies: [
                "SeatwiseSolver",
                "SeatwiseGLPK",
                .product(name: "Yams", package: "Yams"),
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Sources/Seatwise",
            resources: [.copy("Resources/countries.csv"), .copy("Resources/countries-README.md")]
        ),
        // `seatwise serve`: the workbench (HTTP server, pages, JSON API, SQLite store), thin over the library.
        .target(
            name: "SeatwiseServer",
            dependencies: [
                "Seatwise",
                "SeatwiseExamples",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Sources/SeatwiseServer"
        ),
        // The shipped examples as resources, so they travel with the binary and `serve` offers them from any folder.
        .target(
            name: "SeatwiseExamples",
            path: "examples",
            exclude: ["tools/make_examples.py"],
            sources: ["tools/ShippedExamples.swift"],
            resources: [.copy("mag"), .copy("wgec"), .copy("icg"), .copy("infeasible"), .copy("nomcom"), .copy("ipcc"), .copy("mag-history")]
        ),
        .executableTarget(
            name: "SeatwiseCLI",
            dependencies: [
                "Seatwise",
                "SeatwiseServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/SeatwiseCLI"
        ),
        .testTarget(
            name: "SeatwiseTests",
            dependencies: ["Seatwise", "SeatwiseGLPK", "SeatwiseServer", .product(name: "PropertyBased", package: "swift-property-based"),
                           .product(name: "OrderedCollections", package: "swift-collections")],
            path: "Tests/SeatwiseTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer harnesses for the three readers, present only when SEATWISE_FUZZ is set (see `make fuzz`):
// they have no main of their own, so an ordinary build must not try to link them.
if ProcessInfo.processInfo.environment["SEATWISE_FUZZ"] != nil {
    for (name, folder) in [("FuzzNominations", "Fuzz/Nominations"), ("FuzzPolicy", "Fuzz/Policy"), ("FuzzCountries", "Fuzz/Countries")] {
        package.targets.append(.executableTarget(name: name, dependencies: ["Seatwise"], path: folder,
                                                 swiftSettings: [.unsafeFlags(["-parse-as-library"])]))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
