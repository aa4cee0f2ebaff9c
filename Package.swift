// swift-tools-version: 6.1
import PackageDescription

/// Settings shared by every target: Swift 6 language mode with strict concurrency.
let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
  name: "Entente",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "EntenteNLP", targets: ["EntenteNLP"]),
    .library(name: "EntenteIO", targets: ["EntenteIO"]),
    .library(name: "EntenteCoding", targets: ["EntenteCoding"]),
    .library(name: "EntenteStore", targets: ["EntenteStore"]),
    .library(name: "EntenteIngest", targets: ["EntenteIngest"]),
    .library(name: "EntenteServer", targets: ["EntenteServer"]),
    .executable(name: "entente", targets: ["entente"]),
  ],
  traits: [
    .trait(
      name: "PostgreSQL",
      description: "The event store on PostgreSQL as well as SQLite (through postgres-nio).")
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
  ],
  targets: [
    // Targets from the bottom up; each depends only on those above it in this list
    // (docs/architecture.md).
    //
    // text -> Doc: tokenizer, segmenter, tagger, lemmatizer, parser and their models; the
    // per-token hot path. No dependencies beyond the toolchain.
    .target(
      name: "EntenteNLP", resources: [.copy("Resources/Models")], swiftSettings: swiftSettings),
    // Doc -> actors, events, quotes, agreements and relations: the knowledge base, lexicon and
    // PETRARCH dictionaries, `DocumentCoder` (the one entry point for coding) and
    // `CodedDocument` (the one document model: what is written, stored and served).
    .target(
      name: "EntenteCoding", dependencies: ["EntenteNLP"],
      resources: [
        .copy("Resources/KnowledgeBase"), .copy("Resources/Ontology"), .copy("Resources/Lexicon"),
        .copy("Resources/Petrarch"), .copy("Resources/Places"),
      ],
      swiftSettings: swiftSettings),
    // Reading documents (text, JSON Lines, directories, repair) and writing the document
    // model (JSON `entente.document/1`, TSV); `entente code`'s runner; PETRARCH validation.
    .target(
      name: "EntenteIO", dependencies: ["EntenteNLP", "EntenteCoding"], swiftSettings: swiftSettings
    ),
    // The event store: coded documents in SQLite (or PostgreSQL), queries and exports.
    .target(
      name: "EntenteStore",
      dependencies: [
        "EntenteCoding", .product(name: "GRDB", package: "GRDB.swift"),
        .product(
          name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
      ],
      swiftSettings: swiftSettings),
    // `entente ingest`: reads inputs, codes them on several threads and stores them in
    // order, batch by batch.
    .target(
      name: "EntenteIngest", dependencies: ["EntenteCoding", "EntenteIO", "EntenteStore"],
      swiftSettings: swiftSettings),
    // `entente serve`: the HTTP API and the web dashboard, on Hummingbird.
    .target(
      name: "EntenteServer",
      dependencies: [
        "EntenteCoding", "EntenteIO", "EntenteStore", "EntenteIngest",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
      ],
      resources: [.copy("Assets")],
      swiftSettings: swiftSettings),
    // The `entente` command: thin glue over the libraries.
    .executableTarget(
      name: "entente",
      dependencies: [
        "EntenteNLP",
        "EntenteCoding",
        "EntenteIO",
        "EntenteStore",
        "EntenteIngest",
        "EntenteServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: swiftSettings
    ),
    // Fuzz targets (Scripts/fuzz.sh builds them with libFuzzer); built as usual, a replay of
    // inputs through the same checks.
    .executableTarget(
      name: "entente-fuzz",
      dependencies: [
        "EntenteNLP", "EntenteCoding", "EntenteIO", "EntenteStore", "EntenteIngest",
        "EntenteServer",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "EntenteNLPTests",
      dependencies: ["EntenteNLP"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "EntenteCodingTests",
      dependencies: ["EntenteCoding", "EntenteNLP"],
      exclude: ["Fixtures"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "EntenteIOTests",
      dependencies: ["EntenteIO", "EntenteCoding", "EntenteNLP"],
      exclude: ["Golden", "Fixtures"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "EntenteStoreTests",
      dependencies: [
        "EntenteStore", "EntenteIngest", "EntenteCoding", "EntenteIO",
        .product(name: "GRDB", package: "GRDB.swift"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "EntenteServerTests",
      dependencies: [
        "EntenteServer", "EntenteStore", "EntenteIngest", "EntenteCoding", "EntenteIO",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "EntenteCLITests",
      dependencies: ["entente", "entente-fuzz", "EntenteStore", "EntenteCoding"],
      swiftSettings: swiftSettings
    ),
  ],
  swiftLanguageModes: [.v6]
)
