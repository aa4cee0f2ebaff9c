import EntenteCoding
import EntenteIO
import EntenteNLP
import Foundation
import Testing

/// Paths of the test fixtures and golden files, found from this source file.
enum TestFiles {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  static let packageRoot = directory.deletingLastPathComponent().deletingLastPathComponent()
  static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

  static func fixture(_ name: String) -> String {
    directory.appendingPathComponent("Fixtures").appendingPathComponent(name).path
  }

  static func example(_ name: String) -> String {
    packageRoot.appendingPathComponent("examples").appendingPathComponent(name).path
  }

  /// A new empty directory for one test.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("entente-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// Compares `actual` with the golden file `name`; with `RECORD_GOLDEN=1` in the environment,
/// writes it instead.
func expectGolden(
  _ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
)
  throws
{
  let url = TestFiles.directory.appendingPathComponent("Golden").appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
    try actual.write(to: url, atomically: true, encoding: .utf8)
    return
  }
  let expected = try #require(
    try? String(contentsOf: url, encoding: .utf8),
    "golden file \(name) is missing; run with RECORD_GOLDEN=1 to record it",
    sourceLocation: sourceLocation)
  #expect(actual == expected, "output differs from Golden/\(name)", sourceLocation: sourceLocation)
}

/// The result of running `entente code` in process.
struct CodeRun {
  var output: String
  var diagnostics: [String]
  var summary: CodeSummary
}

/// Runs `entente code` in process on `paths`.
func runCode(
  _ paths: [String], format: OutputFormat = .jsonl, tokens: Bool = false,
  until: PipelineStage = .sentences, kind: InputKind = .auto, date: String? = nil,
  maxDocumentBytes: Int = 256 << 20
) -> CodeRun {
  var options = CodeOptions()
  options.paths = paths
  options.format = format
  options.includeTokens = tokens
  options.reading = DocumentReader.Options(
    kind: kind, defaultDate: date, maxDocumentBytes: maxDocumentBytes)
  let sink = MemorySink()
  var diagnostics: [String] = []
  let runner: CodeRunner
  do {
    runner = CodeRunner(options: options, coder: try DocumentCoder(until: until))
  } catch {
    Issue.record("cannot build the pipeline: \(error)")
    return CodeRun(output: "", diagnostics: [], summary: CodeSummary())
  }
  let summary = runner.run(output: sink, diagnostics: { diagnostics.append($0) })
  return CodeRun(output: sink.text, diagnostics: diagnostics, summary: summary)
}

/// The JSON objects of JSON Lines output.
func jsonLines(_ output: String) throws -> [[String: Any]] {
  try output.split(separator: "\n").map {
    try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
  }
}
