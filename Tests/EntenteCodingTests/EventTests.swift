import EntenteCoding
import EntenteNLP
import Foundation
import Testing

/// A parsing pipeline with the shipped models and the knowledge base's name hints, as
/// `entente code` runs it, built once.
let parsingPipeline: Pipeline? = {
  guard let models = try? Models.bundled(parser: true), let base = countryKnowledgeBase else {
    return nil
  }
  return try? Pipeline.standard(
    until: .parse, models: models, nameHints: NameHints(matcher: ActorMatcher(knowledgeBase: base)))
}()

/// The shipped event coder, built once.
let eventCoder = try? EventCoder.bundled()

/// Entente's coder with its own lexicon and knowledge base only, built once: the tables of
/// this file test what they code. (`entente code` also codes with the PETRARCH-2 patterns
/// and Phoenix dictionaries beneath them, and keeps actors no dictionary knows: those are
/// tested in DefaultCoderTests.swift.)
let documentCoder: DocumentCoder? = {
  var configuration = CoderConfiguration()
  configuration.usePetrarch = false
  configuration.codesUnknownActors = false
  return try? DocumentCoder(configuration: configuration)
}()

/// What the shipped coder finds in `text`.
func analysis(_ text: String, date: String = "2024-06-19") throws -> DocumentAnalysis {
  try #require(documentCoder).code(text: text, date: DayDate(iso: date))
}

/// The events of `text` as `CODE SOURCE>TARGET MODE DATE` lines.
func codedEvents(_ text: String, date: String = "2024-06-19") throws -> [String] {
  try (analysis(text, date: date).events ?? []).map {
    "\($0.type.code) \($0.source.code)>\($0.target?.code ?? "-") \($0.mode.rawValue) \($0.date ?? "-")"
  }
}

/// One row of `Fixtures/events.tsv`.
struct EventCase: CustomTestStringConvertible, Sendable {
  var sentence: String
  var events: [String]
  var testDescription: String { sentence }

  static let all: [EventCase] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/events.tsv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { line in
      guard !line.hasPrefix("#") else { return nil }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 2 else { return nil }
      let events = fields[1].isEmpty ? [] : fields[1].components(separatedBy: "; ")
      return EventCase(sentence: fields[0], events: events)
    }
  }()
}

@Suite(
  "Events",
  .enabled(
    if: parsingPipeline != nil && countryKnowledgeBase != nil && eventCoder != nil,
    "the shipped models, knowledge base or lexicon could not be loaded"))
struct EventTests {
  @Test("the sentence table is read")
  func table() {
    #expect(EventCase.all.count >= 150)
  }

  @Test("each sentence gives exactly its events", arguments: EventCase.all)
  func sentence(_ row: EventCase) throws {
    #expect(try codedEvents(row.sentence).sorted() == row.events.sorted())
  }

  @Test("the ontology has every CAMEO code with Goldstein score, quad class and PLOVER type")
  func ontology() throws {
    let ontology = try EventOntology.bundled()
    #expect(ontology.types.count == 312)
    let sign = try #require(ontology["057"])
    #expect(sign.goldstein == 8)
    #expect(sign.quadClass == 1)
    #expect(sign.plover == "AGREE")
    #expect(sign.root == "05")
    #expect(ontology["190"]?.plover == "ASSAULT")
    #expect(ontology["011"]?.goldstein == -0.1)
    #expect(EventOntology.intentCode(for: "070") == "033")
    #expect(EventOntology.intentCode(for: "190") == "138")
    #expect(EventOntology.intentCode(for: "163") == "1312")
  }

  @Test("lexicon lines that cannot be read are reported with file and line; the rest loads")
  func lexiconErrors() throws {
    let ontology = try EventOntology.bundled()
    let text = """
      # comment
      057\tsign\tobj=treaty|pact\treciprocal
      999\tfrobnicate
      042\tvisit/n|trip\ttarget=auto
      130\twarn\tprep=against|of
      110\tcondemn\tcolour=red
      0871\tceasefire/n\treciprocal
      ---\tlead\tprep=to
      ----\tlead
      """
    let (lexicon, issues) = EventLexicon.parse(text, path: "test.tsv", ontology: ontology)
    #expect(issues.map(\.line) == [3, 4, 5, 6, 9])
    #expect(issues.allSatisfy { $0.description.hasPrefix("test.tsv:") })
    #expect(issues.first?.message.contains("999") == true)
    #expect(lexicon.ruleCount == 3)
    // `---` is a rule that codes nothing.
    #expect(lexicon.verbRules["lead"]?.first?.code == EventRule.noEvent)
    #expect(lexicon.verbRules["sign"]?.first?.reciprocal == true)
    #expect(lexicon.nounRules["ceasefire"]?.first?.code == "0871")
  }

  @Test("the shipped lexicon reads without error")
  func shippedLexicon() throws {
    let ontology = try EventOntology.bundled()
    let (lexicon, issues) = try EventLexicon.bundled(ontology: ontology)
    #expect(issues.isEmpty, "\(issues)")
    #expect(lexicon.ruleCount >= 250)
  }

  @Test(
    "the founding example: visit, signing both ways, modes and dates",
    .enabled(
      if: FileManager.default.fileExists(atPath: FoundingExample.path),
      "../shared/examples/pact-article.txt is absent"))
  func foundingExample() throws {
    let text = try String(contentsOfFile: FoundingExample.path, encoding: .utf8)
    let events = try codedEvents(text)
    func has(_ line: String) -> Bool { events.contains(line) }
    #expect(has("042 RUSGOV>PRK asserted 2024-06-19"), "\(events)")
    #expect(has("057 RUS>PRK asserted 2024-06-19"))
    #expect(has("057 PRK>RUS asserted 2024-06-19"))
    // The 1961 treaty is dated in its year.
    #expect(has("057 SUN>PRK asserted 1961"))
    // ...and the treaty that replaced it, in 2000: Russia's, the Soviet Union's successor.
    #expect(has("057 RUS>PRK asserted 2000"))
    #expect(!events.contains { $0.contains("SUN") && $0.hasSuffix("2000") })
    // The war is real even inside a hypothetical exchange; NATO's support too.
    #expect(has("190 RUS>UKR asserted 2024-06-19"))
    #expect(has("051 IGOWSTNAT>UKR asserted 2024-06-19"))
    // South Korea only considers sending arms: an intention, not an asserted 07x.
    #expect(has("033 KOR>UKR intended 2024-06-19"))
    #expect(
      !events.contains { $0.hasPrefix("07") && $0.contains("KOR>") && $0.contains("asserted") })
    // Putin's warning to South Korea.
    #expect(events.contains { $0.hasPrefix("13") && $0.contains("RUSGOV>KOR") })
    // The denials, the accusations behind them, and the claim they deny.
    #expect(has("016 RUS>USA asserted 2024-06-19"))
    #expect(has("016 PRK>USA asserted 2024-06-19"))
    #expect(has("112 USA>RUS asserted 2024-06-19"))
    #expect(has("112 USA>PRK asserted 2024-06-19"))
    #expect(has("070 PRK>RUS claimed 2024-06-19"))
    // China declines to comment.
    #expect(has("011 CHN>- asserted 2024-06-19"))
    // No asserted event for the potential munitions exchange or for North Korean troops
    // fighting in Ukraine.
    #expect(!events.contains { $0.hasPrefix("070 PRK>") && $0.contains("asserted") })
    #expect(
      !events.contains { $0.hasPrefix("19") && $0.contains("PRKMIL") && $0.contains("asserted") })
    // Supplying weapons to North Korea is not excluded: an intention.
    #expect(has("033 RUSGOV>PRK intended 2024-06-19"))
  }
}

/// One row of `Fixtures/quotes.tsv` or `Fixtures/agreements.tsv`: a text and what it gives.
struct TableRow: CustomTestStringConvertible, Sendable {
  var text: String
  var expected: [String]
  var testDescription: String { text }

  static let all: [TableRow] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/quotes.tsv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      let quotes = fields.count > 1 ? fields[1].components(separatedBy: " ; ") : []
      return TableRow(text: String(fields[0]), expected: quotes.filter { !$0.isEmpty })
    }
  }()
}

/// The quotes of `text` as `KIND|SPEAKER|CUE|CONTENT` lines.
func foundQuotes(_ text: String) throws -> [String] {
  let found = try analysis(text)
  let doc = found.doc
  let mentions = found.mentions
  return found.quotes.map { quote in
    var speaker = "-"
    if let index = quote.speaker, !mentions[index].code.isEmpty {
      speaker = mentions[index].code
    } else if let tokens = quote.speakerTokens {
      speaker = Span(doc: doc, tokens: tokens).text
    }
    let cue = quote.cue.map { Span(doc: doc, tokens: $0..<$0 + 1).text } ?? "-"
    let content = quote.parts.map { Span(doc: doc, tokens: $0).text }.joined(separator: " ")
    return "\(quote.kind.rawValue)|\(speaker)|\(cue)|\(content)"
  }
}

@Suite("Quotes")
struct QuoteTests {
  @Test("the table has at least 45 texts")
  func table() {
    #expect(TableRow.all.count >= 45)
  }

  @Test(
    "the founding example: the experts with their institutions, Kim Jong Un and Putin",
    .enabled(
      if: FileManager.default.fileExists(atPath: FoundingExample.path),
      "../shared/examples/pact-article.txt is absent"))
  func foundingExample() throws {
    let text = try String(contentsOfFile: FoundingExample.path, encoding: .utf8)
    let found = try analysis(text)
    let doc = found.doc
    let mentions = found.mentions
    let quotes = found.quotes
    func said(_ name: String, _ cue: String) -> (content: String, affiliation: String?)? {
      for quote in quotes {
        guard let speaker = quote.speaker, mentions[speaker].canonical == name,
          let token = quote.cue, Span(doc: doc, tokens: token..<token + 1).text == cue
        else { continue }
        return (
          Span(doc: doc, tokens: quote.content).text,
          mentions[speaker].affiliation.map { mentions[$0].canonical }
        )
      }
      return nil
    }
    let sestanovich = try #require(said("Stephen Sestanovich", "highlighted"), "\(quotes)")
    #expect(sestanovich.affiliation == "Council on Foreign Relations")
    #expect(sestanovich.content.hasPrefix("the potential recklessness of Putin’s"))
    let terry = try #require(said("Sue Mi Terry", "indicated"))
    #expect(terry.affiliation == "Council on Foreign Relations")
    #expect(terry.content.hasPrefix("This could potentially enhance North Korea’s"))
    let gabuev = try #require(said("Alexander Gabuev", "noting"))
    #expect(gabuev.affiliation == "Carnegie Russia Eurasia Center")
    #expect(gabuev.content.hasPrefix("this stance is intended to dissuade"))
    let kim = try #require(said("Kim Jong Un", "stated"))
    #expect(kim.content.hasPrefix("The pact represents the closest ties"))
    for cue in ["noted", "emphasized", "asserting", "warned"] {
      #expect(said("Vladimir Putin", cue) != nil, "Putin \(cue)")
    }
    #expect(
      said("Vladimir Putin", "noted")?.content.hasPrefix("the mutual assistance pledge") == true)
    // China did not comment: no statement.
    #expect(!quotes.contains { quote in quote.speaker.map { mentions[$0].code == "CHN" } ?? false })
  }

  @Test(
    "each text gives exactly its quotes", .enabled(if: parsingPipeline != nil),
    arguments: TableRow.all)
  func quotes(row: TableRow) throws {
    #expect(try foundQuotes(row.text) == row.expected)
  }
}

/// The agreements and relations of `text` in the notation of `Fixtures/agreements.tsv`.
func foundAgreements(_ text: String) throws -> [String] {
  let found = try analysis(text)
  let doc = found.doc
  let (agreements, relations) = (found.agreements, found.relations)
  func or(_ text: String?) -> String { text.flatMap { $0.isEmpty ? nil : $0 } ?? "-" }
  return agreements.map { agreement in
    [
      or(agreement.parties.map(\.code).joined(separator: ",")),
      or(agreement.obligations.map(\.rawValue).joined(separator: ",")), or(agreement.cowType),
      or(agreement.date), or(agreement.status?.rawValue),
      or(agreement.name.map { Span(doc: doc, tokens: $0).text }),
      or(agreement.replaces.map(String.init)), or(agreement.replacedBy.map(String.init)),
      String(agreement.references.count),
    ].joined(separator: "|")
  } + relations.map { "\($0.source.code) \($0.kind.rawValue) \($0.target.code)" }
}

@Suite("Agreements and relations")
struct AgreementTests {
  static let rows: [TableRow] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/agreements.tsv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      let found = fields.count > 1 ? fields[1].components(separatedBy: " ; ") : []
      return TableRow(text: String(fields[0]), expected: found.filter { !$0.isEmpty })
    }
  }()

  @Test("the table has at least 30 texts")
  func table() {
    #expect(Self.rows.count >= 30)
  }

  @Test(
    "each text gives exactly its agreements and relations", .enabled(if: parsingPipeline != nil),
    arguments: rows)
  func agreements(row: TableRow) throws {
    #expect(try foundAgreements(row.text) == row.expected)
  }

  @Test(
    "the founding example: the 2024 pact, the 1961 treaty and its replacement, China the ally",
    .enabled(
      if: FileManager.default.fileExists(atPath: FoundingExample.path),
      "../shared/examples/pact-article.txt is absent"))
  func foundingExample() throws {
    let text = try String(contentsOfFile: FoundingExample.path, encoding: .utf8)
    let found = try foundAgreements(text)
    // The pact: Russia and North Korea, defence (a type I pact), signed, named again 7 times.
    #expect(found.contains("RUS,PRK|defence|I|2024-06-19|signed|-|-|-|7"), "\(found)")
    // The 1961 treaty, replaced by the weaker one of 2000 (agreement 2), which replaced it.
    #expect(found.contains("SUN,PRK|-|-|1961|replaced|-|-|2|0"))
    #expect(found.contains("RUS,PRK|-|-|2000|-|-|1|-|0"))
    #expect(found.contains("CHN ally PRK"))
    #expect(found.contains("RUS dependence CHN"))
    #expect(found.contains("RUS alliance PRK"))
  }
}
