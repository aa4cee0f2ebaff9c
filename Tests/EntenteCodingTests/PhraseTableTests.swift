import EntenteCoding
import EntenteNLP
import Foundation
import Testing

/// A tagging pipeline with the shipped models, built once.
let taggingPipeline: Pipeline? = {
  guard let models = try? Models.bundled(parser: false) else { return nil }
  return try? Pipeline.standard(until: .tags, models: models)
}()

/// One row of `Fixtures/phrases.tsv`.
struct PhraseCase: CustomTestStringConvertible, Sendable {
  var phrase: String
  var date: String
  var code: String
  var line: Int

  var testDescription: String { "\(phrase) on \(date) -> \(code) (line \(line))" }

  static let all: [PhraseCase] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/phrases.tsv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap {
      number, line in
      guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
      let fields = line.split(separator: "\t").map(String.init)
      guard fields.count == 3 else { return nil }
      return PhraseCase(phrase: fields[0], date: fields[1], code: fields[2], line: number + 1)
    }
  }()
}

@Suite(
  "Phrase table",
  .enabled(
    if: countryKnowledgeBase != nil && taggingPipeline != nil,
    "the knowledge base or the shipped models could not be loaded"))
struct PhraseTableTests {
  @Test("the table has at least 300 phrases, each well formed")
  func size() {
    #expect(PhraseCase.all.count >= 300)
  }

  @Test("each phrase is one mention with its code on its date", arguments: PhraseCase.all)
  func resolves(_ row: PhraseCase) throws {
    let base = try #require(countryKnowledgeBase)
    let pipeline = try #require(taggingPipeline)
    let doc = pipeline(row.phrase)
    let found = ActorMatcher(knowledgeBase: base).mentions(in: doc, date: DayDate(iso: row.date))
    let whole = try #require(found.first, "no mention")
    #expect(found.count == 1, "\(found.map { Span(doc: doc, tokens: $0.tokens).text })")
    // A leading "the" is left out of the mention unless the dictionary phrase has it.
    let text = Span(doc: doc, tokens: whole.tokens).text
    #expect(text == row.phrase || "the " + text == row.phrase, "\(text)")
    #expect(whole.code == row.code)
  }
}
