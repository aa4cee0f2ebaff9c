import Foundation
import Testing

@Suite("Fuzz targets")
struct FuzzCorpusTests {
  /// The package's root.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// `entente-fuzz`, built beside `entente` (without libFuzzer it replays inputs).
  static let executable = EntenteProcess.executable.deletingLastPathComponent()
    .appendingPathComponent("entente-fuzz")

  @Test(
    "the seed corpus replays through every fuzz target with every invariant held",
    arguments: ["text", "jsonl", "petrarch", "code", "query"])
  func replay(target: String) throws {
    let corpus = Self.root.appendingPathComponent("Fuzz/Corpus/\(target)").path
    let process = Process()
    process.executableURL = Self.executable
    process.arguments = [target, corpus]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(output)")
    #expect(output.contains("entente-fuzz: \(target): "), "\(output)")
    #expect(!output.contains(": 0 inputs"), "\(output)")
  }

  @Test("an unknown target and a missing input are errors, not an empty success")
  func failing() throws {
    for arguments in [["nothing", "."], ["text", "/nonexistent/input"]] {
      let process = Process()
      process.executableURL = Self.executable
      process.arguments = arguments
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      #expect(process.terminationStatus != 0, "\(arguments)")
    }
  }
}
