// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "Paging",
    products: [
        .library(name: "Paging", targets: ["Paging"])
    ],
    targets: [
        .target(name: "Paging"),
        .testTarget(name: "PagingTests", dependencies: ["Paging"]),
    ]
)
