import EntenteNLP

/// Word lists that type proper names from their context.
///
/// Titles come before a person's name, head nouns end organisation names, and the words
/// around a name tell persons and places apart. All words are upper case, as the matcher
/// compares them.
enum NameContext {
  /// Builds a table keyed by ``WordKey`` from words.
  private static func keyed(_ words: [String: String?]) -> [WordKey: String?] {
    Dictionary(words.map { (WordKey($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
  }

  private static func keyed(_ words: Set<String>) -> Set<WordKey> { Set(words.map(WordKey.init)) }

  /// Words of titles and roles written before a person's name (`President`, `Foreign
  /// Minister`, `Gen.`, `leader`, `spokeswoman`), with the sector they imply, if any.
  static let titles: [WordKey: String?] = keyed(titleWords)

  private static let titleWords: [String: String?] = {
    var titles: [String: String?] = [:]
    let government = [
      "PRESIDENT", "PRESIDENT-ELECT", "VICE", "PRIME", "MINISTER", "PREMIER", "CHANCELLOR",
      "KING", "QUEEN", "EMPEROR", "CROWN", "PRINCE", "PRINCESS", "EMIR", "SULTAN", "SHEIKH",
      "SUPREME", "LEADER", "SECRETARY", "SECRETARY-GENERAL", "STATE", "FOREIGN", "INTERIOR",
      "FINANCE", "ECONOMY", "TRADE", "ENERGY", "SPOKESMAN", "SPOKESWOMAN",
      "SPOKESPERSON", "AMBASSADOR", "ENVOY", "DIPLOMAT", "NEGOTIATOR", "GOVERNOR", "GOV.",
      "MAYOR", "OFFICIAL", "ADVISER", "ADVISOR", "PRESIDENTIAL", "AIDE", "DICTATOR",
    ]
    let military = [
      "GENERAL", "GEN.", "LT.", "LIEUTENANT", "COL.", "COLONEL", "MAJ.", "MAJOR", "CAPT.",
      "CAPTAIN", "SGT.", "SERGEANT", "ADM.", "ADMIRAL", "MARSHAL", "COMMANDER", "DEFENCE",
      "DEFENSE", "MILITARY", "ARMY", "NAVY", "SOLDIER",
    ]
    let other: [(String, String?)] = [
      ("AYATOLLAH", "GOV"), ("SENATOR", "LEG"), ("SEN.", "LEG"), ("REP.", "LEG"),
      ("REPRESENTATIVE", "LEG"), ("LAWMAKER", "LEG"), ("LEGISLATOR", "LEG"), ("JUDGE", "JUD"),
      ("JUSTICE", "JUD"),
      ("PROSECUTOR", "JUD"), ("ANALYST", "EDU"), ("EXPERT", "EDU"), ("RESEARCHER", "EDU"),
      ("PROFESSOR", "EDU"), ("PROF.", "EDU"), ("SCHOLAR", "EDU"), ("FELLOW", "EDU"),
      ("JOURNALIST", "MED"), ("REPORTER", "MED"), ("CORRESPONDENT", "MED"), ("ACTIVIST", nil),
      ("DISSIDENT", "OPP"), ("OPPOSITION", "OPP"), ("REBEL", "REB"), ("INTELLIGENCE", "SPY"),
      ("POLICE", "COP"), ("EXECUTIVE", "BUS"), ("CEO", "BUS"), ("BUSINESSMAN", "BUS"),
      ("BUSINESSWOMAN", "BUS"), ("MR.", nil), ("MRS.", nil), ("MS.", nil), ("DR.", nil),
      ("MR", nil), ("MRS", nil), ("MS", nil), ("DR", nil), ("FORMER", nil), ("ACTING", nil),
      ("INTERIM", nil), ("DEPUTY", nil), ("SENIOR", nil), ("TOP", nil), ("CHIEF", nil),
      ("DIRECTOR", nil), ("CHAIRMAN", nil), ("CHAIRWOMAN", nil),
      ("CHAIRPERSON", nil), ("CHAIR", nil), ("SPECIAL", nil), ("NATIONAL", nil),
      ("SECURITY", nil), ("POPE", nil), ("CARDINAL", nil), ("SISTER", nil), ("BROTHER", nil),
      ("WIFE", nil), ("HUSBAND", nil), ("SON", nil), ("DAUGHTER", nil), ("FATHER", nil),
      ("MOTHER", nil), ("WIDOW", nil), ("UNCLE", nil), ("AUNT", nil),
    ]
    for word in government { titles[word] = "GOV" }
    for word in military { titles[word] = "MIL" }
    for (word, agent) in other { titles[word] = agent }
    return titles
  }()

  /// Title words that only qualify another (`former`, `deputy`, `foreign`): alone before a
  /// capitalised word they do not make it a person's name (`Federal Reserve`, `Security
  /// Council`).
  static let titleModifiers = keyed(titleModifierWords)

  private static let titleModifierWords: Set<String> = [
    "FORMER", "ACTING", "INTERIM", "DEPUTY", "SENIOR", "TOP", "SPECIAL", "NATIONAL", "SECURITY",
    "VICE", "CROWN", "SUPREME", "STATE", "FOREIGN", "INTERIOR", "FINANCE", "ECONOMY", "TRADE",
    "ENERGY", "DEFENCE", "DEFENSE", "MILITARY", "ARMY", "NAVY", "INTELLIGENCE", "OPPOSITION",
    "PRESIDENTIAL", "POLICE", "OF",
  ]

  /// Role nouns that can stand alone after `the` for a person named earlier (`the
  /// president`, `the foreign minister`).
  static let roleNouns = keyed(roleNounWords)

  private static let roleNounWords: Set<String> = [
    "PRESIDENT", "MINISTER", "PREMIER", "CHANCELLOR", "LEADER", "SECRETARY", "SPOKESMAN",
    "SPOKESWOMAN", "AMBASSADOR", "ENVOY", "GENERAL", "COMMANDER", "KING", "QUEEN", "EMIR",
    "SECRETARY-GENERAL", "MAYOR", "GOVERNOR", "CHAIRMAN",
  ]

  /// Head nouns of organisation names, with the sector they imply, if any.
  static let organisationHeads: [WordKey: String?] = keyed(organisationHeadWords)

  private static let organisationHeadWords: [String: String?] = {
    var heads: [String: String?] = [:]
    let table: [(String?, [String])] = [
      (
        "EDU",
        [
          "CENTER", "CENTRE", "INSTITUTE", "INSTITUTION", "UNIVERSITY", "COLLEGE", "ACADEMY",
          "SCHOOL", "FOUNDATION", "ENDOWMENT", "SOCIETY", "LABORATORY", "THINK-TANK",
        ]
      ),
      (
        "BUS",
        [
          "BANK", "COMPANY", "CORP", "CORP.", "CORPORATION", "INC", "INC.", "LTD", "LTD.",
          "GROUP", "HOLDINGS", "INDUSTRIES", "AIRLINES", "ENTERPRISES",
        ]
      ),
      (
        "MED",
        [
          "TIMES", "POST", "NEWS", "JOURNAL", "PRESS", "NETWORK", "TELEVISION", "RADIO",
          "TRIBUNE", "HERALD", "GAZETTE", "BROADCASTING",
        ]
      ),
      ("GOV", ["MINISTRY", "DEPARTMENT", "GOVERNMENT", "ADMINISTRATION", "CABINET"]),
      ("MIL", ["ARMY", "FORCES", "BRIGADE", "BRIGADES", "CORPS", "GUARD", "GUARDS", "NAVY"]),
      ("JUD", ["COURT", "TRIBUNAL"]),
      ("LEG", ["PARLIAMENT", "ASSEMBLY", "CONGRESS", "SENATE"]),
      ("HLH", ["HOSPITAL", "CLINIC"]),
      ("COP", ["POLICE"]),
      (
        nil,
        [
          "COUNCIL", "PARTY", "AGENCY", "COMMITTEE", "COMMISSION", "ASSOCIATION", "ORGANIZATION",
          "ORGANISATION", "UNION", "FRONT", "MOVEMENT", "SERVICE", "OFFICE", "AUTHORITY",
          "COALITION", "LEAGUE", "ALLIANCE", "FEDERATION", "FUND",
          "BUREAU", "BOARD", "TRUST", "CHURCH", "CLUB", "MUSEUM", "PLANETARIUM", "AIRPORT",
          "STADIUM", "GALLERY", "LIBRARY", "ZOO",
        ]
      ),
    ]
    for (sector, words) in table {
      for word in words where heads[word] == nil { heads[word] = sector }
    }
    return heads
  }()

  /// Lower-case words that join the parts of an organisation's name (`Council on Foreign
  /// Relations`, `Institute for the Study of War`).
  static let connectors = keyed(connectorsWords)

  private static let connectorsWords: Set<String> = ["OF", "FOR", "ON", "AND", "THE", "DE", "&"]

  /// Words after a name that show it is a person's: verbs of saying and thinking.
  static let speechVerbs = keyed(speechVerbsWords)

  private static let speechVerbsWords: Set<String> = [
    "SAID", "SAYS", "SAY", "TOLD", "NOTED", "NOTES", "ADDED", "ADDS", "ARGUED", "ARGUES",
    "WROTE", "WRITES", "WARNED", "WARNS", "STRESSED", "EXPLAINED", "BELIEVES", "THINKS",
    "HIGHLIGHTED", "SUGGESTED", "CLAIMED", "INSISTED", "ASKED", "REPLIED", "COMMENTED",
    "OBSERVED", "EMPHASIZED", "EMPHASISED", "NOTING", "SAYING", "WHO",
  ]

  /// Determiners and possessives: a name after one is a thing, not a person.
  static let determiners = keyed(determinerWords)

  private static let determinerWords: Set<String> = [
    "THE", "A", "AN", "HIS", "HER", "ITS", "THEIR", "OUR", "MY", "YOUR", "THIS", "THAT",
    "THESE", "THOSE",
  ]

  /// Prepositions before a place name.
  static let placePrepositions = keyed(placePrepositionsWords)

  private static let placePrepositionsWords: Set<String> = [
    "IN", "AT", "NEAR", "OUTSIDE", "FROM", "ACROSS", "AROUND", "INTO", "TOWARD",
    "TOWARDS",
  ]

  /// Prepositions that link a person to the organisation they belong to.
  static let affiliationPrepositions = keyed(affiliationPrepositionsWords)

  private static let affiliationPrepositionsWords: Set<String> = [
    "OF", "AT", "FROM", "WITH", "FOR",
  ]

  /// Capitalised words that are never names of actors: months and days.
  static let calendarWords = keyed(calendarWordsWords)

  private static let calendarWordsWords: Set<String> = [
    "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER",
    "OCTOBER", "NOVEMBER", "DECEMBER", "JAN.", "FEB.", "MAR.", "APR.", "JUN.", "JUL.", "AUG.",
    "SEP.", "SEPT.", "OCT.", "NOV.", "DEC.", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
    "FRIDAY", "SATURDAY", "SUNDAY",
  ]

  /// Third-person personal pronouns that refer to a person.
  static let personPronouns = keyed(personPronounsWords)

  private static let personPronounsWords: Set<String> = ["HE", "SHE", "HIM"]
}

/// A word as a 64-bit hash of its bytes with ASCII letters upper-cased, so that a token can
/// be looked up in a word list without building a `String`.
struct WordKey: Hashable, Sendable, ExpressibleByStringLiteral {
  private var value: UInt64 = 0xcbf2_9ce4_8422_2325

  private mutating func add(_ byte: UInt8) {
    let folded = byte &- 0x61 < 26 ? byte &- 0x20 : byte
    value = (value ^ UInt64(folded)) &* 0x100_0000_01b3
  }

  /// The key of a word or of words separated by single spaces.
  init(_ text: some StringProtocol) {
    for byte in text.utf8 { add(byte) }
  }

  init(stringLiteral text: String) { self.init(text) }

  /// The key of a byte range.
  init(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
    for offset in range { add(bytes[offset]) }
  }

}
