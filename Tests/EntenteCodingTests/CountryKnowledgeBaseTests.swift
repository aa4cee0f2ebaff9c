import EntenteCoding
import Testing

/// The shipped country knowledge base, loaded once.
let countryKnowledgeBase = try? CountryKnowledgeBase.bundled()

@Suite("Country knowledge base")
struct CountryKnowledgeBaseTests {
  @Test("the shipped tables load")
  func loads() throws {
    let base = try #require(countryKnowledgeBase)
    #expect(base.countries.count >= 230)
    #expect(base.leaders.count >= 400)
  }

  @Test(
    "resolves names, adjectives, nationalities and capitals",
    arguments: [
      ("Russia", "RUS"), ("Russian Federation", "RUS"), ("Russian", "RUS"), ("Russians", "RUS"),
      ("North Korea", "PRK"), ("North Korean", "PRK"),
      ("Democratic People's Republic of Korea", "PRK"),
      ("South Korea", "KOR"), ("South Korean", "KOR"), ("Republic of Korea", "KOR"),
      ("Pyongyang", "PRK"), ("Moscow", "RUS"), ("Seoul", "KOR"), ("Beijing", "CHN"),
      ("Washington", "USA"), ("Kyiv", "UKR"), ("London", "GBR"), ("Paris", "FRA"), ("Tokyo", "JPN"),
      ("Ukraine", "UKR"), ("Ukrainian", "UKR"), ("China", "CHN"), ("Chinese", "CHN"),
      ("United States", "USA"), ("American", "USA"), ("British", "GBR"), ("Dutch", "NLD"),
      ("French", "FRA"), ("German", "DEU"), ("Japanese", "JPN"), ("Iranian", "IRN"),
      ("Israeli", "ISR"), ("Syria", "SYR"), ("Turkey", "TUR"), ("India", "IND"),
      ("U.S.", "USA"), ("America", "USA"), ("Britain", "GBR"), ("U.K.", "GBR"), ("UAE", "ARE"),
      ("Soviet Union", "SUN"), ("NATO", "IGOWSTNAT"), ("U.N.", "IGOUNO"), ("Kremlin", "RUSGOV"),
    ])
  func countries(_ phrase: String, _ code: String) throws {
    let base = try #require(countryKnowledgeBase)
    #expect(base.resolve(phrase)?.code == code, "\(phrase)")
  }

  @Test("resolves current leaders from the day they took office")
  func leaders() throws {
    let base = try #require(countryKnowledgeBase)
    let date = DayDate(iso: "2024-06-19")
    #expect(base.resolve("Vladimir Putin", on: date)?.code == "RUSGOV")
    #expect(base.resolve("Vladimir Vladimirovich Putin", on: date)?.canonical == "Vladimir Putin")
    #expect(base.resolve("Kim Jong Un", on: date)?.code == "PRKGOV")
    #expect(base.resolve("Xi Jinping", on: date)?.code == "CHNGOV")
    #expect(base.resolve("Volodymyr Zelenskyy", on: date)?.code == "UKRGOV")
    // Before the current term the table knows nothing (history is future work).
    #expect(base.resolve("Vladimir Putin", on: DayDate(iso: "2005-01-01")) == nil)
    #expect(base.resolve("Pyongyang")?.kind == .capital)
    // A surname that only one leader has names that leader.
    #expect(base.resolve("Putin", on: date)?.code == "RUSGOV")
    #expect(base.resolve("Zelenskyy", on: date)?.code == "UKRGOV")
    // ...but not a short last word, which is often a given name (Kim Jong Un): "UN" is the UN.
    #expect(base.resolve("UN", on: date)?.code == "IGOUNO")
  }

  @Test("agents come with their plurals")
  func agents() throws {
    let base = try #require(countryKnowledgeBase)
    #expect(base.agents["FORCES"] == "MIL")
    #expect(base.agents["TROOPS"] == "MIL")
    #expect(base.agents["MINISTRIES"] == "GOV")
    #expect(base.agents["FOREIGN MINISTER"] == "GOV")
    #expect(base.agents["REFUGEES"] == "REF")
  }

  @Test("malformed rows are reported with file and line")
  func malformed() {
    #expect(throws: DictionaryIssue.self) {
      _ = try CountryKnowledgeBase(
        countries: "# header\nRUS\tRussia\n", leaders: "", countriesPath: "c.tsv",
        leadersPath: "l.tsv")
    }
    do {
      _ = try CountryKnowledgeBase(
        countries: "RUS\tRussia\tRussia\tRussian\tRussians\tMoscow\t1\n",
        leaders: "XXX\tchief\tA B\tKing\t\n",
        countriesPath: "c.tsv", leadersPath: "l.tsv")
      Issue.record("expected an error")
    } catch {
      #expect(error.description.hasPrefix("l.tsv:1: "))
    }
  }
}
