import EntenteCoding
import Foundation
import Testing

/// A small actor dictionary written for these tests (fictional places and people).
let actorFixture = """
  # A comment line
  ATLANTIS_ [ATL]   # trailing comment
  +ATLANTEAN_REPUBLIC
  +POSEIDONIA
  <!-- a one-line comment -->
  QUEEN_MARINA_
  +MARINA
  +QUEEN_OF_ATLANTIS
  \t[ATLELI 800101-950601]
  \t[ATLGOV >950601]
  \t[ATLELI]
  <!-- a comment
  over two lines -->
  LEMURIA [LEM 19600101-19901231][LEMGOV > 20000101]
  MU_CONTINENT [MUC]
  """

let agentFixture = """
  !OFFICIAL! = OFFICIAL, OFFICER
  !PERSON! = MAN, WOMAN
  ADMIRAL [~MIL]
  NAVY {} [~MIL]
  CHIEF_!OFFICIAL! [~GOV]
  CHAIR!PERSON! [~GOV]
  FOREIGN_MINISTER {FOREIGN_MINISTERS} [~GOV]
  POLICE_BODY [~COP]
  THINK_TANK [EDU~]
  """

@Suite("PETRARCH dictionaries")
struct PetrarchDictionaryTests {
  @Test("reads actors, synonyms and date-restricted codes, keeping the last entry")
  func actors() {
    let (dictionary, issues) = PetrarchDictionaryReader.parseActors(
      actorFixture, path: "fixture.actors")
    #expect(issues.isEmpty, "\(issues)")
    #expect(dictionary.entryCount == 4)
    #expect(dictionary.phraseCount == 8)
    #expect(dictionary.code(for: "Poseidonia", on: nil) == "ATL")
    #expect(dictionary.code(for: "ATLANTEAN REPUBLIC", on: nil) == "ATL")
    #expect(dictionary.code(for: "mu continent", on: nil) == "MUC")
  }

  @Test(
    "resolves codes by date; an undated code is the default",
    arguments: [
      ("Queen Marina", "1990-05-01", "ATLELI"), ("Marina", "1996-01-01", "ATLGOV"),
      ("queen of Atlantis", "1950-01-01", "ATLELI"), ("Lemuria", "1970-01-01", "LEM"),
      ("Lemuria", "1995-01-01", ""), ("Lemuria", "2005-06-30", "LEMGOV"),
    ])
  func dates(_ phrase: String, _ date: String, _ code: String) {
    let (dictionary, _) = PetrarchDictionaryReader.parseActors(actorFixture, path: "fixture.actors")
    #expect(dictionary.code(for: phrase, on: DayDate(iso: date)) ?? "" == code)
  }

  @Test("reports unreadable lines with file and line and loads the rest")
  func actorErrors() {
    let text = """
      +ORPHAN_SYNONYM
      ATLANTIS [ATL]
      [ATLGOV 99-13-45]
      LEMURIA [LEM
      MU [MUC] extra
      HYPERBOREA [HYP]
      """
    let (dictionary, issues) = PetrarchDictionaryReader.parseActors(text, path: "bad.actors")
    #expect(
      issues.map(\.description) == [
        "bad.actors:1: synonym before any actor",
        "bad.actors:3: cannot read the date restriction '99-13-45' of ATLGOV",
        "bad.actors:4: '[' without ']'",
        "bad.actors:5: unexpected text ' extra' after the codes (the codes are kept)",
      ])
    #expect(dictionary.code(for: "Atlantis", on: nil) == "ATL")
    #expect(dictionary.code(for: "Mu", on: nil) == "MUC")
    #expect(dictionary.code(for: "Hyperborea", on: nil) == "HYP")
  }

  @Test("reads agents: substitution sets, plurals and code positions")
  func agents() {
    let (dictionary, issues) = PetrarchDictionaryReader.parseAgents(
      agentFixture, path: "fixture.agents")
    #expect(issues.isEmpty, "\(issues)")
    #expect(dictionary.code(for: "admiral") == AgentCode(code: "MIL"))
    #expect(dictionary.code(for: "admirals") == AgentCode(code: "MIL"))
    #expect(dictionary.code(for: "navy") == AgentCode(code: "MIL"))
    #expect(dictionary.code(for: "navies") == nil)
    #expect(dictionary.code(for: "chief officer") == AgentCode(code: "GOV"))
    #expect(dictionary.code(for: "chief official") == AgentCode(code: "GOV"))
    // A set glued to a word makes one word: CHAIR!PERSON! gives CHAIRMAN and CHAIRWOMAN.
    #expect(dictionary.code(for: "chairwoman") == AgentCode(code: "GOV"))
    #expect(dictionary.code(for: "chairmen") == nil)
    #expect(dictionary.code(for: "foreign ministers") == AgentCode(code: "GOV"))
    #expect(dictionary.code(for: "police bodies") == AgentCode(code: "COP"))
    #expect(dictionary.code(for: "think tank") == AgentCode(code: "EDU", isPrefix: true))
  }

  @Test("combines agents with actors")
  func applied() {
    #expect(AgentCode(code: "GOV").applied(to: "RUS") == "RUSGOV")
    #expect(AgentCode(code: "GOV").applied(to: "RUSGOV") == "RUSGOV")
    #expect(AgentCode(code: "MIL").applied(to: nil) == "---MIL")
    #expect(AgentCode(code: "EDU", isPrefix: true).applied(to: "USA") == "EDUUSA")
  }

  @Test("agent lines without a code or a '~' are reported")
  func agentErrors() {
    let (dictionary, issues) = PetrarchDictionaryReader.parseAgents(
      "SOLDIER\nGENERAL [MIL]\n!BAD = X\nPRIVATE [~MIL]\nCAPTAIN!RANK! [~MIL]\n", path: "bad.agents"
    )
    #expect(
      issues.map(\.description) == [
        "bad.agents:1: agent line without a [code]",
        "bad.agents:2: agent code 'MIL' has no '~'",
        "bad.agents:3: malformed substitution set",
        "bad.agents:5: unknown substitution set in 'CAPTAIN!RANK!'",
      ])
    #expect(dictionary.code(for: "private") == AgentCode(code: "MIL"))
  }

  @Test("PETRARCH dates: two- and four-digit years")
  func petrarchDates() {
    #expect(DayDate(petrarch: "991231") == DayDate(19_991_231))
    #expect(DayDate(petrarch: "080507") == DayDate(20_080_507))
    #expect(DayDate(petrarch: "19950601") == DayDate(19_950_601))
    #expect(DayDate(petrarch: "951301") == nil)
    #expect(DayDate(petrarch: "12345") == nil)
    #expect(DayDate(20_240_619).description == "2024-06-19")
  }
}

/// The Phoenix dictionaries in `../shared/data/petrarch/dictionaries`.
enum PhoenixFiles {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/data/petrarch/dictionaries")
  static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
  static var present: Bool { FileManager.default.fileExists(atPath: path("Phoenix.agents.txt")) }
}

@Suite(
  "Phoenix dictionaries",
  .enabled(if: PhoenixFiles.present, "../shared/data/petrarch/dictionaries is absent"))
struct PhoenixDictionaryTests {
  @Test("the actor files load and resolve names on dates")
  func actors() throws {
    var dictionary = ActorDictionary()
    var issues: [DictionaryIssue] = []
    for name in [
      "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
      "Phoenix.MilNonState.actors.txt",
    ] {
      let (read, found) = try PetrarchDictionaryReader.readActors(path: PhoenixFiles.path(name))
      dictionary.merge(read)
      issues += found
    }
    for issue in issues { print("  \(issue)") }
    print(
      "Phoenix actors: \(dictionary.entryCount) entries, \(dictionary.phraseCount) phrases, \(dictionary.codes.count) codes, \(issues.count) lines not read"
    )
    #expect(dictionary.phraseCount > 34_000)
    #expect(dictionary.codes.count > 3_000)
    #expect(issues.count < 50, "\(issues.prefix(10))")
    #expect(dictionary.code(for: "Vladimir Putin", on: DayDate(iso: "2010-01-01")) == "RUSGOV")
    #expect(dictionary.code(for: "Vladimir Putin", on: DayDate(iso: "1995-01-01")) == "RUSELI")
    #expect(dictionary.code(for: "North Korea", on: DayDate(iso: "2024-06-19")) == "PRK")
  }

  @Test("the agent file loads")
  func agents() throws {
    let (dictionary, issues) = try PetrarchDictionaryReader.readAgents(
      path: PhoenixFiles.path("Phoenix.agents.txt"))
    for issue in issues { print("  \(issue)") }
    print(
      "Phoenix agents: \(dictionary.lineCount) lines, \(dictionary.phraseCount) phrases, \(issues.count) lines not read"
    )
    #expect(dictionary.lineCount > 2_200)
    #expect(issues.count < 20, "\(issues.prefix(10))")
    #expect(dictionary.code(for: "troops")?.code == "MIL")
  }
}
