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
    // `WILL *` tests the word before the verb; `$` after the verb with no `+` before it
    // cannot be read.
    #expect(summary.patterns == 5)
    #expect(summary.skipped == 1)
    let sign = try #require(lexicon.verbRules["sign"])
    #expect(sign.contains { $0.code == "057" && $0.objects == ["treaty", "pact", "agreement"] })
    #expect(sign.contains { $0.preposition == "with" })
    #expect(sign.contains { $0.code == "036" && $0.wordsBefore == [["will"]] })
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
    try "<!-- no blocks -->\nSIGN [057]\n&SET\n+WORD\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(throws: DictionaryIssue.self) { try PetrarchVerbReader.read(path: path) }
  }

  @Test(
    "a pattern whose star comes after its code, or a verb of underscores, is skipped, not a crash (found by fuzzing)"
  )
  func misplacedStar() {
    let good = """
      --- CRITICIZE [111] ---
      CRITICIZE
      - * OVER [111]
      - * ABOUT [112]
      """
    // And a verb line of underscores only (the second fault fuzzing found here).
    let misplaced = good + "\n- [111] * FOR\n- [1[1]1 *\n__ [111]\n"
    let (_, clean) = PetrarchVerbReader.parse(good, name: "good")
    let (lexicon, summary) = PetrarchVerbReader.parse(misplaced, name: "misplaced")
    #expect(clean.patterns == 2 && clean.skipped == 0)
    #expect(summary.patterns == 2 && summary.skipped == 2)
    #expect(lexicon.verbRules["criticize"]?.contains { $0.preposition == "over" } == true)
  }

  @Test("PETRARCH-1 syntax: synonym sets between blocks, words before the verb, markers")
  func petrarch1() throws {
    let (lexicon, summary) = PetrarchVerbReader.parse(
      """
      <!-- written for Entente in PETRARCH-1 (TABARI) syntax -->
      &TIES
      +RELATIONS
      +DIPLOMATIC TIES

      --- RESTORE [064] ---
      RESTORE
      +BRING_BACK
      - * &TIES WITH +  [064]
      - NOT * &TIES  [111]
      - RECENTLY * [025]
      - + * IN $  [075]
      - * OFF_ [195]
      - % * ALLIES [010]

      &NEG
      +DID N'T
      --- CLASH [223] ---
      CLASH
      - &NEG * OVER EFFORTS [904]
      """, name: "t.verbs")
    #expect(summary.verbs == 3)
    #expect(summary.patterns == 6)
    #expect(summary.skipped == 1)
    let restore = try #require(lexicon.verbRules["restore"])
    #expect(
      restore.contains {
        $0.code == "064" && $0.objects == ["relations", "ties"]
          && $0.preposition == "with" && $0.target == .preposition
      })
    #expect(restore.contains { $0.code == "111" && $0.negated && $0.wordsBefore.isEmpty })
    #expect(restore.contains { $0.code == "025" && $0.wordsBefore == [["recently"]] })
    #expect(
      restore.contains {
        $0.code == "075" && $0.reverse && $0.preposition == "in" && $0.target == .preposition
      })
    #expect(restore.contains { $0.code == "195" && $0.objects == ["off"] })
    #expect(lexicon.verbRules["bring"]?.contains { $0.particle == "back" } == true)
    let clash = try #require(lexicon.verbRules["clash"])
    #expect(
      clash.contains {
        $0.code == "904" && $0.negated && $0.preposition == "over"
          && $0.prepositionObjects == ["efforts", "effort"]
      })
  }
}
