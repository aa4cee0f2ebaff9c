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
    // Terms since 1990: Putin was president, then prime minister, then president again.
    #expect(base.resolve("Vladimir Putin", on: DayDate(iso: "2005-01-01"))?.code == "RUSGOV")
    #expect(base.resolve("Vladimir Putin", on: DayDate(iso: "2010-01-01"))?.code == "RUSGOV")
    #expect(base.resolve("Vladimir Putin", on: DayDate(iso: "1995-01-01"))?.code == "RUSELI")
    #expect(base.resolve("Dmitry Medvedev", on: DayDate(iso: "2010-01-01"))?.code == "RUSGOV")
    #expect(base.resolve("Dmitry Medvedev", on: date)?.code == "RUSELI")
    #expect(base.resolve("Pyongyang")?.kind == .capital)
    // A surname that only one leader has names that leader.
    #expect(base.resolve("Putin", on: date)?.code == "RUSGOV")
    #expect(base.resolve("Zelenskyy", on: date)?.code == "UKRGOV")
    // ...but not a short last word, which is often a given name (Kim Jong Un): "UN" is the UN.
    #expect(base.resolve("UN", on: date)?.code == "IGOUNO")
  }

  @Test(
    "resolves leaders by the document date: in office, before and after their terms",
    arguments: [
      ("Bush", "1991-03-01", "USAGOV", "George H. W. Bush"),
      ("Bush", "2005-06-01", "USAGOV", "George W. Bush"),
      ("Bush", "2012-06-01", "USAELI", "George W. Bush"),
      ("Donald Trump", "2018-01-01", "USAGOV", "Donald Trump"),
      ("Donald Trump", "2024-06-19", "USAELI", "Donald Trump"),
      ("Donald Trump", "2025-02-01", "USAGOV", "Donald Trump"),
      ("Joe Biden", "2024-06-19", "USAGOV", "Joe Biden"),
      ("Biden", "2025-06-01", "USAELI", "Joe Biden"),
      ("Assad", "1995-01-01", "SYRGOV", "Hafez al-Assad"),
      ("Assad", "2015-01-01", "SYRGOV", "Bashar al-Assad"),
      ("Assad", "2025-06-01", "SYRELI", "Bashar al-Assad"),
      ("Erdogan", "2010-01-01", "TURGOV", "Recep Tayyip Erdoğan"),
      ("Erdoğan", "2020-01-01", "TURGOV", "Recep Tayyip Erdoğan"),
      ("Zelensky", "2022-03-01", "UKRGOV", "Volodymyr Zelenskyy"),
      ("Mark Rutte", "2020-01-01", "NLDGOV", "Mark Rutte"),
      ("Mark Rutte", "2025-01-01", "IGOWSTNAT", "Mark Rutte"),
      ("Kofi Annan", "2000-01-01", "IGOUNO", "Kofi Annan"),
      ("Kofi Annan", "2010-01-01", "GHAELI", "Kofi Annan"),
      ("Taliban", "2010-01-01", "AFGREB", "Taliban"),
      ("Taliban", "2022-01-01", "AFGGOV", "Taliban"),
      ("Mikhail Gorbachev", "1990-01-01", "SUNGOV", "Mikhail Gorbachev"),
    ])
  func history(_ phrase: String, _ date: String, _ code: String, _ canonical: String) throws {
    let base = try #require(countryKnowledgeBase)
    let resolution = base.resolve(phrase, on: DayDate(iso: date))
    #expect(resolution?.code == code, "\(phrase) on \(date)")
    #expect(resolution?.canonical == canonical, "\(phrase) on \(date)")
  }

  @Test("with no date, what holds today")
  func today() throws {
    let base = try #require(countryKnowledgeBase)
    #expect(base.resolve("Donald Trump")?.code == "USAGOV")
    #expect(base.resolve("Angela Merkel")?.code == "DEUELI")
    #expect(base.resolve("Taliban")?.code == "AFGGOV")
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
    let russia = "RUS\tRussia\tRussia\tRussian\tRussians\tMoscow\t1\n"
    do {
      _ = try CountryKnowledgeBase(
        countries: russia, leaders: "",
        history: "# comment\nRUSGOV\tRUS\tA B\tPresident\t2000-01-01\t\tB\n"
          + "RUSGOV\tRUS\tC D\tPresident\t2000-13-01\t\t\n",
        countriesPath: "c.tsv", leadersPath: "l.tsv", historyPath: "h.tsv")
      Issue.record("expected an error")
    } catch {
      #expect(error.description.hasPrefix("h.tsv:3: "))
    }
    do {
      _ = try CountryKnowledgeBase(
        countries: russia, leaders: "", entities: "WST\tbloc\tthe West\tthe West\t\t2000..x\n",
        countriesPath: "c.tsv", leadersPath: "l.tsv", entitiesPath: "e.tsv")
      Issue.record("expected an error")
    } catch {
      #expect(error.description.hasPrefix("e.tsv:1: "))
    }
    // A successor needs a code and a day, and only a former state has one.
    for row in [
      "SUN\tformer-state\tSoviet Union\tSoviet Union\t\t\tRUS 1991\n",
      "NAT\torganisation\tNATO\tNATO\t\t\tRUS 1991-12-26\n",
    ] {
      do {
        _ = try CountryKnowledgeBase(
          countries: russia, leaders: "", entities: "# header\n" + row,
          countriesPath: "c.tsv", leadersPath: "l.tsv", entitiesPath: "e.tsv")
        Issue.record("expected an error for \(row)")
      } catch {
        #expect(error.description.hasPrefix("e.tsv:2: "))
      }
    }
  }

  @Test("a state that ended passes its events to its successor from the day it took over")
  func successions() throws {
    let base = try #require(countryKnowledgeBase)
    #expect(base.successor(of: "SUN", on: "1961") == nil)
    #expect(base.successor(of: "SUN", on: "1991-12-25") == nil)
    // A year that the day falls in may still be the old state's.
    #expect(base.successor(of: "SUN", on: "1991") == nil)
    #expect(base.successor(of: "SUN", on: "1991-12-26")?.code == "RUS")
    #expect(base.successor(of: "SUNGOV", on: "2000")?.code == "RUSGOV")
    #expect(base.successor(of: "SUNGOV", on: "2000")?.country == "RUS")
    #expect(base.successor(of: "DDR", on: "1990-11")?.code == "DEU")
    #expect(base.successor(of: "RUS", on: "2000") == nil)
    #expect(base.successor(of: "SUN", on: nil) == nil)
  }
}
