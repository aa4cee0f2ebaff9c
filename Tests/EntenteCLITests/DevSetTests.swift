import Foundation
import Testing

/// The default `entente code` on the event dev sets of ../shared, above its floors.
///
/// The sets are real news sentences with one gold event each, scored by
/// ../shared/tools/score_events.py. The sentences are read here to measure, never copied.
@Suite("Event dev sets")
struct DevSetTests {
  static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared")
  static let scorer = shared.appendingPathComponent("tools/score_events.py").path
  static let data = shared.appendingPathComponent("data/events-dev").path

  /// The floors: the figures measured when they were set, less about 0.01.
  static let floors: [String: [String: Double]] = [
    "plv_train": ["root_acc": 0.715, "penta_acc": 0.79, "dyad_acc": 0.62],
    "conflibert_train": ["penta_acc": 0.755, "dyad_acc": 0.55],
  ]
  static let ceilings: [String: [String: Double]] = [
    "plv_train": ["no_event": 0.08], "conflibert_train": ["no_event": 0.08],
  ]

  @Test(
    "the default configuration stays above its floors on plv_train and conflibert_train",
    .enabled(
      if: FileManager.default.fileExists(atPath: scorer)
        && FileManager.default.fileExists(atPath: data + "/plv_train.jsonl"),
      "../shared/tools/score_events.py or ../shared/data/events-dev is absent"))
  func floors() throws {
    let out = FileManager.default.temporaryDirectory
      .appendingPathComponent("entente-devset-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: out) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", Self.scorer, "--data", Self.data, "--sets", "plv_train,conflibert_train",
      "--cmd", "\(EntenteProcess.executable.path) code --format jsonl --input jsonl -",
      "--json-out", out.path,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let results = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [[String: Any]])
    #expect(results.count == 2)
    for result in results {
      let set = try #require(result["set"] as? String)
      for (metric, floor) in Self.floors[set] ?? [:] {
        let value = try #require(result[metric] as? Double, "\(set) \(metric)")
        #expect(value >= floor, "\(set) \(metric) \(value) fell below \(floor)")
      }
      for (metric, ceiling) in Self.ceilings[set] ?? [:] {
        let value = try #require(result[metric] as? Double, "\(set) \(metric)")
        #expect(value <= ceiling, "\(set) \(metric) \(value) rose above \(ceiling)")
      }
    }
  }
}
