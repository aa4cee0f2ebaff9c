import EntenteCoding
import EntenteNLP
import Foundation
import Testing

@Suite(
  "Actor matcher",
  .enabled(if: countryKnowledgeBase != nil, "the knowledge base could not be loaded"))
struct ActorMatcherTests {
  func mentions(_ text: String, date: String = "2024-06-19") throws -> [(String, String)] {
    let base = try #require(countryKnowledgeBase)
    let doc = Pipeline.standard()(text)
    return ActorMatcher(knowledgeBase: base).mentions(in: doc, date: DayDate(iso: date)).map {
      (Span(doc: doc, tokens: $0.tokens).text, $0.code)
    }
  }

  @Test("finds countries, adjectives, capitals and leaders, longest first")
  func finds() throws {
    let found = try mentions(
      "North Korean leader Kim Jong Un met Vladimir Putin in Pyongyang. Seoul and Washington objected, "
        + "and Russia’s allies in Beijing said nothing.")
    #expect(
      found.map(\.0) == [
        "North Korean", "Kim Jong Un", "Vladimir Putin", "Pyongyang", "Seoul", "Washington",
        "Russia", "Beijing",
      ])
    #expect(found.map(\.1) == ["PRK", "PRKGOV", "RUSGOV", "PRK", "KOR", "USA", "RUS", "CHN"])
  }

  @Test("finds organisations, seats of power, former states and blocs")
  func entities() throws {
    let found = try mentions(
      "The Kremlin and the White House clashed at the U.N. Security Council over NATO, as in the "
        + "days of the Soviet Union; the West and the European Union agreed.")
    #expect(
      found.map(\.0) == [
        "The Kremlin", "the White House", "U.N. Security Council", "NATO", "Soviet Union",
        "the West",
        "European Union",
      ])
    #expect(
      found.map(\.1) == ["RUSGOV", "USAGOV", "IGOUNO", "IGOWSTNAT", "SUN", "WST", "IGOEUREEC"])
  }

  @Test(
    "combines a country with the sector that follows it",
    arguments: [
      ("Russian forces advanced.", "Russian forces", "RUSMIL"),
      ("North Korean troops may deploy.", "North Korean troops", "PRKMIL"),
      ("South Korean officials objected.", "South Korean officials", "KORGOV"),
      ("Russia’s military denied it.", "Russia’s military", "RUSMIL"),
      ("The Chinese foreign ministry declined to comment.", "Chinese foreign ministry", "CHNGOV"),
      ("Ukrainian police said so.", "Ukrainian police", "UKRCOP"),
      ("Syrian rebels retreated.", "Syrian rebels", "SYRREB"),
      ("Russia said no.", "Russia", "RUS"),
    ])
  func agents(_ text: String, _ span: String, _ code: String) throws {
    let found = try mentions(text)
    #expect(found.first?.0 == span)
    #expect(found.first?.1 == code)
  }

  @Test("lowercase common nouns are not countries")
  func lowercase() throws {
    #expect(try mentions("They ate turkey on china plates.").isEmpty)
    #expect(try mentions("Turkey objected.").map(\.1) == ["TUR"])
  }

  @Test("leaders hold their office code during their terms and an elite code outside them")
  func dates() throws {
    #expect(try mentions("Xi Jinping spoke.", date: "2024-01-01").map(\.1) == ["CHNGOV"])
    #expect(try mentions("Xi Jinping spoke.", date: "2013-03-14").map(\.1) == ["CHNGOV"])
    #expect(try mentions("Xi Jinping spoke.", date: "2010-01-01").map(\.1) == ["CHNELI"])
  }

  @Test("PETRARCH dictionaries add phrases the knowledge base lacks")
  func dictionary() throws {
    let base = try #require(countryKnowledgeBase)
    let (actors, _) = PetrarchDictionaryReader.parseActors(
      "ATLANTIS_ [ATL]\n+POSEIDONIA\n", path: "x.actors")
    let doc = Pipeline.standard()("Poseidonia and Russia met.")
    let found = ActorMatcher(knowledgeBase: base, dictionary: actors).mentions(in: doc, date: nil)
    #expect(found.map(\.code) == ["ATL", "RUS"])
    #expect(found.first?.kind == "dictionary")
  }
}

enum FoundingExample {
  static let path = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/examples/pact-article.txt").path
}
