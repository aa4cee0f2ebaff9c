// swift-tools-version: 6.1
import PackageDescription

// Throughput and allocation benchmarks for Entente's hot path, with ordo-one/benchmark.
// Run from this folder: swift package benchmark
let package = Package(
  name: "EntenteBenchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "Entente", path: "../"),
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "Pipeline",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "EntenteNLP", package: "Entente"),
      ],
      path: "Benchmarks/Pipeline",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ],
  swiftLanguageModes: [.v6]
)
