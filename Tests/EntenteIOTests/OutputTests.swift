import EntenteCoding
import EntenteIO
import EntenteNLP
import Foundation
import Testing

@Suite("Output")
struct OutputTests {
  @Test("JSON with tokens matches the golden file")
  func goldenJSON() throws {
    let run = runCode(
      [TestFiles.fixture("dateline.txt")], format: .json, tokens: true, date: "2024-06-19")
    #expect(run.summary.exitStatus == 0)
    // The id is the path, which differs between machines: compare from the schema on.
    let output = run.output.replacingOccurrences(
      of: TestFiles.fixture("dateline.txt"), with: "dateline.txt")
    try expectGolden(output, "dateline.json")
  }

  @Test("JSON Lines input to JSON Lines output matches the golden file")
  func goldenJSONL() throws {
    let run = runCode([TestFiles.example("wire.jsonl")])
    #expect(run.summary.exitStatus == 0)
    #expect(run.summary.documents == 3)
    try expectGolden(run.output, "wire.jsonl")
  }

  @Test("TSV of sentences and of tokens match the golden files")
  func goldenTSV() throws {
    let path = TestFiles.example("wire.jsonl")
    try expectGolden(runCode([path], format: .tsv).output, "wire.sentences.tsv")
    try expectGolden(runCode([path], format: .tsv, tokens: true).output, "wire.tokens.tsv")
  }

  @Test(
    "a long document written part by part is byte for byte the document written whole",
    arguments: [OutputFormat.json, .jsonl, .tsv])
  func parts(format: OutputFormat) throws {
    var coder = try DocumentCoder(until: .parse)
    coder.partBytes = 200
    let paragraph =
      "Chile and Peru signed an agreement in Lima. \u{201C}We agree,\u{201D} Peru said."
    let text = Array(repeating: paragraph, count: 9).joined(separator: "\n\n")
    let documents = [
      InputDocument(id: "short", date: "2024-06-19", text: "Peru met Chile.", origin: "test"),
      InputDocument(id: "long", date: "2024-06-19", text: text, title: "Long", origin: "test"),
    ]
    for (tokens, withText) in [(false, false), (true, true)] {
      func output(parts: Bool) throws -> String {
        let sink = MemorySink()
        var writer = DocumentWriter(
          format: format, includeTokens: tokens, includeText: withText, sink: sink)
        try writer.begin()
        for input in documents {
          if parts {
            try writer.writeParts { add in
              coder.code(input, tokens: tokens, counting: { _, _ in }, parts: add)
            }
          } else {
            try writer.write(coder.code(input, tokens: tokens))
          }
        }
        try writer.finish()
        return sink.text
      }
      let whole = try output(parts: false)
      #expect(try output(parts: true) == whole, "tokens \(tokens), text \(withText)")
      // Nine paragraphs of two sentences, numbered across the parts.
      let last = ["json": "\"index\": 17", "jsonl": "\"index\":17", "tsv": "long\t17\t"]
      #expect(whole.contains(last["\(format)"] ?? "?"), "\(whole.prefix(300))")
    }
  }

  @Test("the JSON has the fixed top-level names and a versioned schema")
  func contract() throws {
    let run = runCode([TestFiles.example("treaty-talks.txt")], date: "2024-06-19")
    let object = try #require(try jsonLines(run.output).first)
    #expect(object["schema"] as? String == "entente.document/1")
    #expect(object["date"] as? String == "2024-06-19")
    for key in ["id", "sentences", "mentions", "events", "quotes", "agreements"] {
      #expect(object[key] != nil, "missing \(key)")
    }
    let sentences = try #require(object["sentences"] as? [[String: Any]])
    #expect(sentences.count == 7)
    #expect(sentences.map { $0["index"] as? Int } == Array(0..<7))
    #expect(sentences[1]["dateline"] as? Bool == true)
    let dateline = try #require(object["dateline"] as? [String: Any])
    #expect(dateline["text"] as? String == "GENEVA (Entente Wire) -")
  }

  @Test("mentions carry type, code, country, canonical name, resolution, role and affiliation")
  func mentions() throws {
    let run = runCode([TestFiles.example("treaty-talks.txt")], until: .tags, date: "2024-06-19")
    let object = try #require(try jsonLines(run.output).first)
    let mentions = try #require(object["mentions"] as? [[String: Any]])
    func mention(_ text: String) throws -> [String: Any] {
      try #require(mentions.first { $0["text"] as? String == text }, "\(text)")
    }
    let minister = try mention("Armenian Foreign Minister Ararat Mirzoyan")
    #expect(minister["type"] as? String == "person")
    #expect(minister["code"] as? String == "ARMGOV")
    #expect(minister["country"] as? String == "ARM")
    #expect(minister["canonical"] as? String == "Ararat Mirzoyan")
    #expect(minister["role"] as? String == "Foreign Minister")
    #expect(minister["resolvedFrom"] as? String == "context")
    #expect(try mention("Baku")["resolvedFrom"] as? String == "metonym")
    #expect(try mention("Armenia")["resolvedFrom"] is NSNull)
    #expect(try mention("Jeyhun Bayramov")["code"] is NSNull)
    let researcher = try mention("Dr. Anna Keller")
    let affiliation = try #require(researcher["affiliation"] as? Int)
    #expect(mentions[affiliation]["text"] as? String == "Geneva Centre for Security Policy")
    #expect(mentions[affiliation]["type"] as? String == "organisation")
    // Offsets are scalar offsets into the document text.
    let text = try String(contentsOfFile: TestFiles.example("treaty-talks.txt"), encoding: .utf8)
    let scalars = Array(text.unicodeScalars)
    let start = try #require(minister["start"] as? Int)
    let end = try #require(minister["end"] as? Int)
    #expect(String(String.UnicodeScalarView(scalars[start..<end])) == minister["text"] as? String)
  }

  @Test("events carry code, ontology entry, actors, mode, date and evidence")
  func events() throws {
    let run = runCode([TestFiles.example("treaty-talks.txt")], until: .events, date: "2024-06-19")
    let object = try #require(try jsonLines(run.output).first)
    let events = try #require(object["events"] as? [[String: Any]])
    let meeting = try #require(events.first { $0["code"] as? String == "044" })
    #expect(meeting["root"] as? String == "04")
    #expect(meeting["label"] as? String == "Meet at a 'third' location")
    #expect(meeting["plover"] as? String == "CONSULT")
    #expect(meeting["quadClass"] as? Int == 1)
    #expect((meeting["source"] as? [String: Any])?["code"] as? String == "ARM")
    #expect((meeting["target"] as? [String: Any])?["code"] as? String == "AZE")
    #expect(meeting["mode"] as? String == "asserted")
    // "met on Tuesday", written on Wednesday 2024-06-19.
    #expect(meeting["date"] as? String == "2024-06-18")
    #expect(meeting["dateText"] as? String == "on Tuesday")
    let evidence = try #require(meeting["evidence"] as? [String: Any])
    #expect((evidence["text"] as? String)?.contains("met") == true)
    #expect((meeting["coder"] as? String)?.hasPrefix("entente events.tsv:") == true)
    // Both ways: meeting is reciprocal.
    #expect(events.contains { ($0["source"] as? [String: Any])?["code"] as? String == "AZE" })
    let tsv = runCode(
      [TestFiles.example("treaty-talks.txt")], format: .tsv, until: .events, date: "2024-06-19")
    let rows = tsv.output.split(separator: "\n")
    #expect(rows.first?.hasPrefix("id\tdate\tsentence\tsource\ttarget\tcode") == true)
    let row = try #require(rows.dropFirst().first)
    let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
    #expect(fields.count == 24)
    #expect(fields[1] == "2024-06-18")
    #expect(fields[3] == "ARM" && fields[4] == "AZE" && fields[5] == "044")
    // Located by the dateline, `GENEVA (Entente Wire) -`.
    #expect(fields[18] == "Geneva" && fields[19] == "CHE" && fields[22] == "2660646")
    #expect(fields[23] == "GENEVA")
  }

  @Test("a plain-text document has a null date unless --date is given")
  func defaultDate() throws {
    let object = try #require(
      try jsonLines(runCode([TestFiles.example("treaty-talks.txt")]).output).first)
    #expect(object["date"] is NSNull)
  }

  @Test("--until tokens gives tokens at the top level and no sentences")
  func untilTokens() throws {
    let run = runCode([TestFiles.fixture("dateline.txt")], tokens: true, until: .tokens)
    let object = try #require(try jsonLines(run.output).first)
    #expect((object["sentences"] as? [Any])?.isEmpty == true)
    #expect(((object["tokens"] as? [Any])?.count ?? 0) > 10)
  }

  @Test("--format none writes nothing")
  func none() {
    let run = runCode([TestFiles.example("wire.jsonl")], format: .none)
    #expect(run.output.isEmpty)
    #expect(run.summary.documents == 3)
    #expect(run.summary.sentences == 6)
  }

  @Test("JSON output is one valid JSON array whatever the number of documents")
  func jsonArray() throws {
    for paths in [
      [String](), [TestFiles.example("wire.jsonl")],
      [TestFiles.example("wire.jsonl"), TestFiles.example("treaty-talks.txt")],
    ] {
      guard !paths.isEmpty else { continue }
      let output = runCode(paths, format: .json).output
      let array = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [Any])
      #expect(array.count == (paths.count == 1 ? 3 : 4))
    }
  }

  @Test("escapes strings as JSON requires")
  func escaping() throws {
    var buffer = JSONBuffer(pretty: false)
    buffer.beginObject()
    buffer.key("text")
    buffer.string("a \"quote\", a \\ backslash\n\ta tab\u{1}\u{2028}")
    buffer.key("n")
    buffer.int(-120)
    buffer.endObject()
    let text = String(decoding: buffer.bytes, as: UTF8.self)
    #expect(text == #"{"text":"a \"quote\", a \\ backslash\n\ta tab\u0001\u2028","n":-120}"#)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(buffer.bytes)) as? [String: Any])
    #expect(object["text"] as? String == "a \"quote\", a \\ backslash\n\ta tab\u{1}\u{2028}")
  }

  @Test("TSV escapes tabs, newlines and backslashes")
  func tsvEscaping() {
    #expect(String(decoding: TSV.escape("a\tb\nc\\d\re"), as: UTF8.self) == #"a\tb\nc\\d\re"#)
  }
}

@Suite("Offsets")
struct OffsetTests {
  /// Checks that every sentence's and token's `start`/`end`, as Unicode scalar offsets into
  /// `text`, select exactly its `text`.
  func checkOffsets(_ text: String, file: String) throws {
    let run = runCode([file], tokens: true)
    let object = try #require(try jsonLines(run.output).first)
    let scalars = Array(TextNormalization.nfc(text).unicodeScalars)
    func slice(_ item: [String: Any]) throws -> String {
      let start = try #require(item["start"] as? Int)
      let end = try #require(item["end"] as? Int)
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[start..<end])
      return String(view)
    }
    let sentences = try #require(object["sentences"] as? [[String: Any]])
    var tokenCount = 0
    for sentence in sentences {
      #expect(try slice(sentence) == sentence["text"] as? String)
      for token in try #require(sentence["tokens"] as? [[String: Any]]) {
        #expect(try slice(token) == token["text"] as? String)
        tokenCount += 1
      }
    }
    #expect(tokenCount > 0)
  }

  @Test("offsets are exact for a text with curly quotes, accents and emoji")
  func ownFixture() throws {
    let path = TestFiles.fixture("unicode.txt")
    try checkOffsets(try String(contentsOfFile: path, encoding: .utf8), file: path)
  }

  @Test(
    "offsets are exact for every sentence and token of the founding example",
    .enabled(
      if: FileManager.default.fileExists(
        atPath: TestFiles.shared.appendingPathComponent("examples/pact-article.txt").path),
      "../shared/examples/pact-article.txt is absent"))
  func foundingExample() throws {
    let path = TestFiles.shared.appendingPathComponent("examples/pact-article.txt").path
    try checkOffsets(try String(contentsOfFile: path, encoding: .utf8), file: path)
    let object = try #require(try jsonLines(runCode([path]).output).first)
    #expect((object["sentences"] as? [Any])?.count == 18)
  }

  @Test("scalar offsets agree with a naive count at every byte boundary")
  func scalarOffsets() {
    let text = String(repeating: "aé€😀 ", count: 40)
    let offsets = ScalarOffsets(text)
    var scalarIndex = 0
    var byteIndex = 0
    for scalar in text.unicodeScalars {
      #expect(offsets.scalarOffset(ofByte: byteIndex) == scalarIndex)
      byteIndex += String(scalar).utf8.count
      scalarIndex += 1
    }
    #expect(offsets.scalarOffset(ofByte: byteIndex) == scalarIndex)
  }
}
