import EntenteCoding
import EntenteIO
import Foundation

/// Small documents written for Entente's store tests, with dates and sources, and a
/// temporary directory to put them in.
enum Corpus {
  static let sentences = [
    "Russia criticized Ukraine on Monday.",
    "China praised Pakistan for its support.",
    "Germany and France signed a trade agreement.",
    "Iran threatened Israel with a harsh response.",
    "Japan's prime minister visited South Korea.",
    "Turkey accused Greece of violating its airspace.",
    "India and Pakistan held talks on the border dispute.",
    "Egypt condemned the attack on Israel.",
  ]

  /// Document `index` of a corpus: two or three sentences, a date in June 2024 and one of
  /// two sources.
  static func document(_ index: Int) -> InputDocument {
    let count = sentences.count
    let text = (0..<(2 + index % 2)).map { sentences[(index * 3 + $0 * 5) % count] }
      .joined(separator: " ")
    return InputDocument(
      id: "doc-\(index)", date: String(format: "2024-06-%02d", 1 + index % 28), text: text,
      title: "Story \(index)", url: "https://example.org/\(index)",
      source: index % 3 == 0 ? "Wire B" : "Wire A", origin: "corpus")
  }

  /// Writes documents `range` as one JSON Lines file in a new directory; returns the file.
  static func write(_ range: Range<Int>, to directory: URL) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    var lines = ""
    for index in range {
      let document = document(index)
      var record: [String: String] = ["id": document.id, "text": document.text]
      record["date"] = document.date
      record["title"] = document.title
      record["url"] = document.url
      record["source"] = document.source
      lines += String(decoding: try encoder.encode(record), as: UTF8.self) + "\n"
    }
    let path = directory.appendingPathComponent("corpus.jsonl").path
    try lines.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// A new empty directory for one test.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("entente-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// The databases the store tests run on: SQLite always, and PostgreSQL when
/// `ENTENTE_TEST_POSTGRES` names a server (`postgres://user@host:port/database`) and the
/// package is built with the `PostgreSQL` trait (`.ci/run` does both).
enum TestStores {
  static let postgres = ProcessInfo.processInfo.environment["ENTENTE_TEST_POSTGRES"]
  static let kinds = postgres == nil ? ["sqlite"] : ["sqlite", "postgres"]

  /// A new, empty store location of `kind`: a file, or a schema of its own.
  static func location(_ kind: String) throws -> String {
    if kind == "postgres", let postgres {
      return
        "\(postgres)?schema=t_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
    }
    return try Corpus.temporaryDirectory().appendingPathComponent("store.sqlite").path
  }
}
