import EntenteCoding
import EntenteNLP
import Foundation
import Testing

@Suite("PETRARCH compatibility: discards and agents")
struct PetrarchCompatibilityTests {
  static let discards = DiscardList.parse(
    """
    # sentence-level phrases, then story-level ones
    MONTHS LATER
    BASEBALL   # stem: BASEBALLS too
    CUP_       <!-- whole word only -->
    +TYPHOON
    """)

  func verdict(_ text: String) -> DiscardList.Verdict {
    Self.discards.verdict(for: Pipeline.standard()(text))
  }

  @Test("discard phrases: sentences, stems, whole words and story-level phrases")
  func discards() {
    #expect(Self.discards.count == 4)
    #expect(verdict("Atlantis met Lemuria. They played baseballs.").sentences == [1])
    #expect(verdict("Months later Atlantis met Lemuria.").sentences == [0])
    #expect(verdict("Atlantis won the cup.").sentences == [0])
    #expect(verdict("Atlantis won the cups.").sentences.isEmpty)
    #expect(verdict("Atlantis met Lemuria.").sentences.isEmpty)
    let story = verdict("Atlantis met Lemuria. A typhoon struck.")
    #expect(story.story && story.sentences == [1])
  }

  @Test("discarded sentences and stories code no events")
  func discardedEvents() throws {
    let base = try #require(countryKnowledgeBase)
    let pipeline = try #require(parsingPipeline)
    var coder = try #require(eventCoder)
    coder.discards = Self.discards
    func codes(_ text: String) -> [String] {
      let doc = pipeline(text)
      let mentions = ActorMatcher(knowledgeBase: base).mentions(in: doc, date: nil)
      return coder.events(in: doc, mentions: mentions, date: nil).map(\.type.code)
    }
    #expect(codes("Russia praised China. Russia played baseball with China.") == ["051"])
    #expect(codes("Russia praised China. A typhoon struck Japan.").isEmpty)
  }

  /// A matcher with small PETRARCH dictionaries and no knowledge base.
  static let matcher: ActorMatcher = {
    let (actors, _) = PetrarchDictionaryReader.parseActors(
      "ATLANTIS_ [ATL]\nLEMURIA_ [LEM]\nMU_ [MUU]\nKOLAR [ATL]\n", path: "t.actors")
    let (agents, _) = PetrarchDictionaryReader.parseAgents(
      "OFFICIAL {OFFICIALS} [~GOV]\nLAWMAKER {LAWMAKERS} [~LEG]\nPRIME_MINISTER [~GOV]\n",
      path: "t.agents")
    return ActorMatcher(knowledgeBase: CountryKnowledgeBase(), dictionary: actors, agents: agents)
  }()

  /// The parsing pipeline with this matcher's names, as `entente code --actors` builds it.
  static let pipeline: Pipeline? = {
    guard let models = try? Models.bundled(parser: true) else { return nil }
    return try? Pipeline.standard(
      until: .parse, models: models, nameHints: NameHints(matcher: matcher))
  }()

  func sources(_ text: String) throws -> [String] {
    let pipeline = try #require(Self.pipeline)
    let coder = try #require(eventCoder)
    let doc = pipeline(text)
    let mentions = Self.matcher.mentions(in: doc, date: nil)
    return coder.events(in: doc, mentions: mentions, date: nil).map {
      "\($0.source.code)>\($0.target?.code ?? "-")"
    }.sorted()
  }

  @Test("an agent alone takes the country of what it governs or of the conjunct before it")
  func agents() throws {
    let mentions = Self.matcher.mentions(in: Pipeline.standard()("Officials met."), date: nil)
    #expect(mentions.map(\.code) == ["---GOV"])
    #expect(
      try sources("The lawmakers in Atlantis criticised Lemuria on Tuesday.") == ["ATLLEG>LEM"])
    #expect(
      try sources("Officials from Atlantis and Mu criticised Lemuria on Tuesday.") == [
        "ATLGOV>LEM", "MUUGOV>LEM",
      ])
    #expect(try sources("The officials criticised Lemuria on Tuesday.") == ["---GOV>LEM"])
  }

  @Test("a dictionary name after a title is the person with that title")
  func titledName() {
    let doc = Pipeline.standard()("Atlantis Prime Minister Kolar praised Lemuria.")
    let mentions = Self.matcher.mentions(in: doc, date: nil)
    #expect(mentions.map(\.code) == ["ATLGOV", "LEM"])
    #expect(mentions.first?.tokens == 0..<4)
  }
}
