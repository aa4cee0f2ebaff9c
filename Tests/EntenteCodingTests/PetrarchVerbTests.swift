import EntenteCoding
import EntenteNLP
import Foundation
import Testing

@Suite("PETRARCH verb dictionaries")
struct PetrarchVerbTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/petrarch.verbs.txt").path

  @Test("reads synonym sets, verb blocks, paired codes, particles and object patterns")
  func reads() throws {
    let (lexicon, summary) = try PetrarchVerbReader.read(path: Self.fixture)
    #expect(summary.verbs == 4)
    // Patterns with a subject side or a `$` marker are skipped.
    #expect(summary.patterns == 4)
    #expect(summary.skipped == 2)
    let sign = try #require(lexicon.verbRules["sign"])
    #expect(sign.contains { $0.code == "057" && $0.objects == ["treaty", "pact", "agreement"] })
    #expect(sign.contains { $0.preposition == "with" })
    let host = try #require(lexicon.verbRules["host"])
    #expect(host.contains { $0.code == "043" && $0.pairedCode == "042" && $0.objects.isEmpty })
    #expect(
      host.contains { $0.code == "036" && $0.pairedCode == "036" && $0.objects == ["summit"] })
    let call = try #require(lexicon.verbRules["call"])
    #expect(call.contains { $0.code == "161" && $0.particle == "off" })
    #expect(call.contains { $0.code == "0256" && $0.prepositionObjects == ["ceasefire"] })
  }

  @Test("codes with them, paired codes making the reverse event")
  func codes() throws {
    let base = try #require(countryKnowledgeBase)
    let pipeline = try #require(parsingPipeline)
    let coder = try EventCoder(
      ontology: EventOntology.bundled(), lexicon: PetrarchVerbReader.read(path: Self.fixture).0)
    let doc = pipeline("Qatar hosted Iran.")
    let mentions = ActorMatcher(knowledgeBase: base).mentions(in: doc, date: nil)
    let events = coder.events(in: doc, mentions: mentions, date: nil).map {
      "\($0.type.code) \($0.source.code)>\($0.target?.code ?? "-")"
    }
    #expect(events.sorted() == ["042 IRN>QAT", "043 QAT>IRN"])
  }

  @Test("a file without verb blocks is an error")
  func rejects() throws {
    let directory = FileManager.default.temporaryDirectory
    let path = directory.appendingPathComponent("entente-\(UUID().uuidString).verbs.txt").path
    try "<!-- PETRARCH-1 -->\n--- SIGN [057] ---\nSIGN\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: DictionaryIssue.self) { try PetrarchVerbReader.read(path: path) }
  }
}
