import EntenteCoding
import EntenteIO
import EntenteNLP
import Foundation
import Testing

@Suite("Bad input")
struct BadInputTests {
  /// Writes `bytes` to a new file named `name` in a fresh directory and returns its path.
  func file(_ name: String, _ bytes: [UInt8]) throws -> String {
    let url = try TestFiles.temporaryDirectory().appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }

  @Test("invalid UTF-8 is repaired with U+FFFD and a warning naming the file and byte offset")
  func invalidUTF8() throws {
    let path = try file(
      "bad.txt", Array("Russia signed ".utf8) + [0xFF, 0xFE] + Array(" the pact – today.".utf8))
    let run = runCode([path], tokens: true)
    #expect(run.summary.exitStatus == 0)
    #expect(run.summary.documents == 1)
    #expect(run.diagnostics.count == 1)
    #expect(
      run.diagnostics.first?.contains("warning: \(path): invalid UTF-8 at byte offset 14") == true)
    #expect(run.diagnostics.first?.contains("2 bad sequences") == true)
    let object = try #require(try jsonLines(run.output).first)
    let sentence = try #require((object["sentences"] as? [[String: Any]])?.first)
    #expect((sentence["text"] as? String)?.contains("\u{FFFD}\u{FFFD}") == true)
  }

  @Test("a Latin-1 file is decoded as Windows-1252 with a warning")
  func latin1() throws {
    let path = try file(
      "latin1.txt",
      Array("Caf".utf8) + [0xE9] + Array(" talks in Z".utf8) + [0xFC] + Array("rich. ".utf8) + [
        0x93
      ] + Array("Yes".utf8) + [0x94])
    let run = runCode([path])
    #expect(run.summary.exitStatus == 0)
    #expect(run.diagnostics.first?.contains("Windows-1252") == true)
    let object = try #require(try jsonLines(run.output).first)
    let texts = (object["sentences"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
    #expect(texts == ["Café talks in Zürich.", "“Yes”"])
  }

  @Test("a binary file is skipped with an error naming it; other files are still processed")
  func binary() throws {
    let binary = try file(
      "image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])
    let good = try file("good.txt", "Talks resumed.")
    let run = runCode([binary, good])
    #expect(run.summary.exitStatus == 1)
    #expect(run.summary.rejected == 1)
    #expect(run.summary.documents == 1)
    #expect(
      run.diagnostics == [
        "error: \(binary): looks like a binary file (control byte 0x0 at byte 8); skipped"
      ])
  }

  @Test("an empty file is an empty document")
  func emptyFile() throws {
    let run = runCode([try file("empty.txt", [])], tokens: true)
    #expect(run.summary.exitStatus == 0)
    let object = try #require(try jsonLines(run.output).first)
    #expect((object["sentences"] as? [Any])?.isEmpty == true)
  }

  @Test("a UTF-8 byte-order mark is dropped; UTF-16 with a byte-order mark is decoded")
  func byteOrderMarks() throws {
    let bom = try file("bom.txt", [0xEF, 0xBB, 0xBF] + Array("Talks resumed.".utf8))
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in "Talks resumed.".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let wide = try file("wide.txt", utf16)
    let run = runCode([bom, wide])
    #expect(run.summary.exitStatus == 0)
    let texts = try jsonLines(run.output).map {
      ($0["sentences"] as? [[String: Any]])?.first?["text"] as? String
    }
    #expect(texts == ["Talks resumed.", "Talks resumed."])
  }

  @Test("malformed JSON lines are reported with file:line and the other lines processed")
  func malformedJSONLines() throws {
    let lines = [
      #"{"id": "a", "text": "First."}"#,
      #"{"id": "b", "text": "unterminated"#,
      #"[1, 2]"#,
      #"{"id": "d"}"#,
      #"{"id": "e", "text": 5}"#,
      "",
      #"{"id": "g", "text": ""}"#,
      #"{"id": {"x": 1}, "text": "Bad id."}"#,
      #"{"id": "i", "date": "June 5", "text": "Last."}"#,
      #"{"text": "No id."}"#,
      // An empty id names nothing (found by fuzzing): as if there were none.
      #"{"id": " \u200b", "text": "Empty id."}"#,
    ]
    let path = try file("mixed.jsonl", lines.joined(separator: "\n"))
    let run = runCode([path])
    #expect(run.summary.exitStatus == 1)
    #expect(run.summary.documents == 5)
    #expect(run.summary.rejected == 5)
    let errors = run.diagnostics.filter { $0.hasPrefix("error:") }
    #expect(errors.count == 5)
    #expect(errors[0].hasPrefix("error: \(path):2: not valid JSON"))
    #expect(errors[1] == "error: \(path):3: record is not a JSON object")
    #expect(errors[2] == "error: \(path):4: record has no \"text\" field")
    #expect(errors[3] == "error: \(path):5: \"text\" is not a string")
    #expect(errors[4] == "error: \(path):8: \"id\" is neither a string nor a number")
    let warnings = run.diagnostics.filter { $0.hasPrefix("warning:") }
    #expect(
      warnings.contains { $0.hasPrefix("warning: \(path):9: \"date\" is not a YYYY-MM-DD date") })
    #expect(
      warnings.contains { $0 == "warning: \(path):10: record has no \"id\"; using \"\(path):10\"" })
    let objects = try jsonLines(run.output)
    #expect(
      warnings.contains {
        $0 == "warning: \(path):11: record has an empty \"id\"; using \"\(path):11\""
      })
    #expect(
      objects.compactMap { $0["id"] as? String } == ["a", "g", "i", "\(path):10", "\(path):11"])
    #expect((objects[1]["sentences"] as? [Any])?.isEmpty == true)
    #expect(objects[2]["date"] is NSNull)
  }

  @Test("invalid UTF-8 inside a JSON line is repaired with a warning naming the line")
  func invalidUTF8InJSONLine() throws {
    let path = try file(
      "bad.jsonl",
      Array(#"{"id": "x", "text": "Bad "#.utf8) + [0xC3] + Array(#" byte."}"#.utf8) + [0x0A])
    let run = runCode([path])
    #expect(run.summary.exitStatus == 0)
    #expect(
      run.diagnostics.first?.hasPrefix("warning: \(path):1: invalid UTF-8 at byte 25") == true)
    #expect(try jsonLines(run.output).count == 1)
  }

  @Test("a raw U+FEFF inside a JSON Lines text is kept, so offsets stay right")
  func byteOrderMarksInRecords() throws {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let path = try file(
      "bom.jsonl",
      bom + Array(#"{"id": "b", "text": ""#.utf8) + bom + Array("Russia attacked Ukraine.\\n".utf8)
        + bom + Array(#"China praised Peru."}"#.utf8) + [0x0A])
    let run = runCode([path])
    #expect(run.summary.exitStatus == 0)
    let sentences = try #require(try jsonLines(run.output).first?["sentences"] as? [[String: Any]])
    // Each sentence starts after its U+FEFF: one scalar at the text's start, one after "\n".
    #expect(sentences.map { $0["start"] as? Int } == [1, 27])
  }

  @Test("a missing file is an error; the rest still runs")
  func missingFile() throws {
    let good = try file("good.txt", "Talks resumed.")
    let run = runCode(["/nonexistent/entente/file.txt", good])
    #expect(run.summary.exitStatus == 1)
    #expect(run.diagnostics == ["error: /nonexistent/entente/file.txt: no such file or directory"])
    #expect(run.summary.documents == 1)
  }

  @Test("a document over the size limit is rejected with a clear error")
  func tooLarge() throws {
    let big = try file("big.txt", String(repeating: "word ", count: 1_000))
    let run = runCode([big], maxDocumentBytes: 1_000)
    #expect(run.summary.rejected == 1)
    #expect(
      run.diagnostics == ["error: \(big): is larger than the document size limit of 1000 bytes"])
    let lines = try file(
      "big.jsonl",
      #"{"id": "1", "text": "\#(String(repeating: "word ", count: 400))"}"# + "\n"
        + #"{"id": "2", "text": "Small."}"#)
    let jsonl = runCode([lines], maxDocumentBytes: 1_000)
    #expect(jsonl.summary.rejected == 1)
    #expect(jsonl.summary.documents == 1)
    #expect(jsonl.diagnostics.first?.contains("big.jsonl:1: record is larger") == true)
  }

  @Test("directories are searched recursively for .txt and .jsonl files, in order")
  func directories() throws {
    let root = try TestFiles.temporaryDirectory()
    let sub = root.appendingPathComponent("sub")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    try "Alpha.".write(to: root.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try "Beta.".write(to: sub.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
    try #"{"id": "c1", "text": "Gamma."}"#.write(
      to: sub.appendingPathComponent("c.jsonl"), atomically: true, encoding: .utf8)
    try Data([0, 1, 2]).write(to: root.appendingPathComponent("ignored.bin"))
    let run = runCode([root.path])
    #expect(run.summary.exitStatus == 0)
    let ids = try jsonLines(run.output).compactMap { $0["id"] as? String }
    #expect(
      ids == [
        root.appendingPathComponent("a.txt").path, sub.appendingPathComponent("b.txt").path, "c1",
      ])
  }

  @Test("standard input is read as text, or as JSON Lines with --input jsonl")
  func standardInput() throws {
    let text = try file("in.txt", "Talks resumed. Both sides agreed.")
    var options = CodeOptions()
    options.paths = ["-"]
    options.format = .jsonl
    let sink = MemorySink()
    let summary = CodeRunner(options: options, coder: try DocumentCoder(until: .sentences)).run(
      output: sink, diagnostics: { _ in },
      standardInput: { FileHandle(forReadingAtPath: text) ?? FileHandle.nullDevice })
    #expect(summary.documents == 1)
    let object = try #require(try jsonLines(sink.text).first)
    #expect(object["id"] as? String == "stdin")
    #expect((object["sentences"] as? [Any])?.count == 2)

    let records = try file(
      "in.jsonl", #"{"id": "s1", "text": "One."}"# + "\n" + #"{"id": "s2", "text": "Two."}"#)
    options.reading.kind = .jsonl
    let jsonlSink = MemorySink()
    let jsonlSummary = CodeRunner(options: options, coder: try DocumentCoder(until: .sentences))
      .run(
        output: jsonlSink, diagnostics: { _ in },
        standardInput: { FileHandle(forReadingAtPath: records) ?? FileHandle.nullDevice })
    #expect(jsonlSummary.documents == 2)
  }

  @Test("a FIFO named *.txt in a directory is skipped with an error, not read forever")
  func fifos() throws {
    let root = try TestFiles.temporaryDirectory()
    try "Alpha.".write(to: root.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    let fifo = root.appendingPathComponent("pipe.txt").path
    #expect(mkfifo(fifo, 0o600) == 0)
    // A link to the FIFO is no regular file either.
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent("link.txt").path, withDestinationPath: fifo)
    let run = runCode([root.path])
    let ids = try jsonLines(run.output).compactMap { $0["id"] as? String }
    #expect(ids == [root.appendingPathComponent("a.txt").path])
    #expect(
      run.diagnostics.contains { $0.contains("pipe.txt") && $0.contains("not a regular file") })
    #expect(
      run.diagnostics.contains { $0.contains("link.txt") && $0.contains("not a regular file") })
    #expect(run.summary.exitStatus != 0)
  }

  @Test(
    "an unreadable subdirectory is reported, not skipped in silence",
    .enabled(if: geteuid() != 0, "root reads every directory"))
  func unreadableDirectories() throws {
    let root = try TestFiles.temporaryDirectory()
    let closed = root.appendingPathComponent("closed")
    try FileManager.default.createDirectory(at: closed, withIntermediateDirectories: true)
    try "Beta.".write(to: closed.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
    #expect(chmod(closed.path, 0) == 0)
    defer { chmod(closed.path, 0o700) }
    let run = runCode([root.path])
    #expect(run.diagnostics.contains { $0.contains("closed") && $0.contains("cannot be read") })
  }

  @Test("a 50 MB file that is one long run of letters is one token per part, in linear time")
  func hugeToken() throws {
    let path = try file("run.txt", [UInt8](repeating: 0x61, count: 50_000_000))
    let run = runCode([path], format: .none)
    #expect(run.summary.exitStatus == 0)
    // Coded in parts of 512 KiB (DocumentCoder.partBytes), each one token.
    #expect(run.summary.tokens == (50_000_000 + (512 << 10) - 1) / (512 << 10))
    #expect(run.summary.bytes == 50_000_000)
  }

  @Test(
    "a run of punctuation peeled a byte at a time is tokenized in linear time",
    .timeLimit(.minutes(1)))
  func punctuationRuns() throws {
    // 400,000 periods and brackets without a space: each peel once hashed the rest of the
    // run as a possible abbreviation (80 KB took 7 s, so this took hours).
    let path = try file("run.txt", Array(String(repeating: ".)", count: 200_000).utf8))
    let run = runCode([path], format: .none, until: .tokens)
    #expect(run.summary.exitStatus == 0)
    #expect(run.summary.tokens == 400_000)
  }

  @Test("dates are validated as calendar dates")
  func dates() {
    #expect(DocumentDate.normalize("2024-06-19") == "2024-06-19")
    #expect(DocumentDate.normalize("2024-06-19T08:30:00Z") == "2024-06-19")
    #expect(DocumentDate.normalize("2024-02-29") == "2024-02-29")
    #expect(DocumentDate.normalize("2023-02-29") == nil)
    #expect(DocumentDate.normalize("2024-13-01") == nil)
    #expect(DocumentDate.normalize("June 5") == nil)
    #expect(DocumentDate.normalize("2024-06-19x") == nil)
  }
}
