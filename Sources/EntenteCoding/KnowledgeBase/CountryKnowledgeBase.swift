import Foundation

/// A country of the knowledge base.
public struct CountryRecord: Sendable, Equatable {
  /// ISO 3166 alpha-3 / CAMEO code (`RUS`).
  public var code: String
  /// The common short name (`Russia`).
  public var canonical: String
  /// Names (`Russia`, `Russian Federation`).
  public var names: [String]
  /// Adjectives (`Russian`, `North Korean`).
  public var adjectives: [String]
  /// Nationality nouns (`Russians`).
  public var nouns: [String]
  /// The capital (`Moscow`).
  public var capital: String
  /// The population, to choose among countries that share an adjective (`Dutch`).
  public var population: Int
}

/// A term of office of a chief of state, head of government or head of an international
/// organisation.
public struct LeaderRecord: Sendable, Equatable {
  /// The leader's country: the nationality, which gives the elite code (`USAELI`) outside
  /// the term.
  public var country: String
  /// `chief-of-state`, `head-of-government` or, for the history table, `term`.
  public var position: String
  /// The full name (`Vladimir Vladimirovich Putin`).
  public var name: String
  /// The title (`President`).
  public var title: String
  /// The day the term began.
  public var since: DayDate?
  /// The day the term ended, or `nil` while it runs.
  public var until: DayDate? = nil
  /// The actor code during the term (`RUSGOV`, `IGOUNO`).
  public var code: String
  /// Other names: surnames, spellings (`Putin`, `Zelensky`).
  public var aliases: [String] = []
}

/// What a phrase resolved to.
public struct Resolution: Sendable, Equatable {
  /// How the phrase names the actor.
  public enum Kind: String, Sendable {
    case countryName = "country"
    case adjective
    case nationality
    case capital
    case leader
    case organisation
    case seatOfPower = "seat"
    case formerState = "former-state"
    case bloc
    case region
    /// A major city other than a capital: a place of its country, not a metonym.
    case city
    /// A state, province or other named place of a country, or with no country.
    case place
  }

  /// The actor code (`RUS`, `RUSGOV` for a leader).
  public var code: String
  /// The country's code.
  public var country: String
  /// How the phrase names it.
  public var kind: Kind
  /// The canonical name (`Russia`, `Vladimir Putin`).
  public var canonical: String
}

/// Countries, their names, adjectives, capitals and current leaders, generated from the
/// World Factbook and ISO 3166 by `Scripts/generate-countries.py` (docs/knowledge-base.md).
///
/// This is the first part of the knowledge base of the actors issue: former states, blocs,
/// international organisations, seats of power and leaders since 1990 are still to come.
public struct CountryKnowledgeBase: Sendable {
  /// Countries by code.
  public private(set) var countries: [String: CountryRecord] = [:]
  /// Leaders, in file order.
  public private(set) var leaders: [LeaderRecord] = []
  /// A resolution with the days it holds.
  private struct Candidate: Sendable, Equatable {
    /// What the phrase names.
    var resolution: Resolution
    /// The first day it holds.
    var since: DayDate?
    /// The first day it no longer holds.
    var until: DayDate?
    /// For a leader's term, the code outside it (`USAELI`); `nil` for other candidates,
    /// which do not resolve outside their days.
    var outside: String?

    /// Whether the candidate holds on `date`; with no date, whether it holds today (has
    /// no end).
    func holds(on date: DayDate?) -> Bool {
      guard let date else { return until == nil }
      if let since, date < since { return false }
      if let until, date >= until { return false }
      return true
    }
  }

  /// Normalised phrase -> candidate resolutions, most populous country first.
  private var index: [String: [Candidate]] = [:]

  /// An empty knowledge base, for coding with user dictionaries alone.
  public init() {}

  /// Parses the tables.
  ///
  /// - Throws: ``DictionaryIssue`` naming the file and line of a malformed row.
  public init(
    countries countriesText: String, leaders leadersText: String,
    entities entitiesText: String = "", history historyText: String = "",
    cities citiesText: String = "", givenNames givenNamesText: String = "",
    countriesPath: String, leadersPath: String, entitiesPath: String = "entities.tsv",
    historyPath: String = "leaders-history.tsv", citiesPath: String = "cities.tsv"
  ) throws(DictionaryIssue) {
    for (number, line) in countriesText.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    where !line.isEmpty && !line.hasPrefix("#") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 7, fields[0].count == 3, let population = Int(fields[6]) else {
        throw DictionaryIssue(
          path: countriesPath, line: number + 1,
          "expected 7 tab-separated fields: code, canonical, names, adjectives, nouns, capital, population"
        )
      }
      countries[fields[0]] = CountryRecord(
        code: fields[0], canonical: fields[1], names: Self.list(fields[2]),
        adjectives: Self.list(fields[3]),
        nouns: Self.list(fields[4]), capital: fields[5], population: population)
    }
    for (number, line) in leadersText.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    where !line.isEmpty && !line.hasPrefix("#") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 5, countries[fields[0]] != nil else {
        throw DictionaryIssue(
          path: leadersPath, line: number + 1,
          "expected 5 tab-separated fields for a known country: code, position, name, title, since")
      }
      leaders.append(
        LeaderRecord(
          country: fields[0], position: fields[1], name: fields[2], title: fields[3],
          since: fields[4].count == 10 ? DayDate(iso: fields[4]) : nil,
          code: fields[0] + "GOV"))
    }
    for (number, line) in entitiesText.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    where !line.isEmpty && !line.hasPrefix("#") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard (5...7).contains(fields.count), let kind = Resolution.Kind(rawValue: fields[1]),
        [.organisation, .seatOfPower, .formerState, .bloc, .region, .capital, .place].contains(
          kind),
        !fields[0].isEmpty || kind == .place,
        let days = Self.days(fields.count >= 6 ? fields[5] : ""),
        fields.count < 7 || kind == .formerState
      else {
        throw DictionaryIssue(
          path: entitiesPath, line: number + 1,
          "expected 5 to 7 tab-separated fields: code (empty only for a place), type (organisation, seat, former-state, bloc, region, capital, place), canonical, names, country, optional FROM..UNTIL dates, and for a former state its successor (CODE YYYY-MM-DD)"
        )
      }
      if fields.count == 7 && !fields[6].isEmpty {
        let parts = fields[6].split(separator: " ")
        guard parts.count == 2, countries[String(parts[0])] != nil,
          let since = DayDate(iso: String(parts[1]))
        else {
          throw DictionaryIssue(
            path: entitiesPath, line: number + 1,
            "a former state's successor is a known country's code and the day it took over: RUS 1991-12-26"
          )
        }
        successions[fields[0]] = Succession(successor: String(parts[0]), since: since)
      }
      let resolution = Resolution(
        code: fields[0], country: fields[4], kind: kind, canonical: fields[2])
      entities.append(
        (
          Candidate(resolution: resolution, since: days.since, until: days.until),
          Self.list(fields[3])
        ))
    }
    for (number, line) in historyText.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    where !line.isEmpty && !line.hasPrefix("#") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 7, fields[0].count >= 3, fields[0].allSatisfy(\.isUppercase),
        countries[fields[1]] != nil
          || entities.contains(where: { $0.0.resolution.code == fields[1] }),
        let since = DayDate(iso: fields[4]), fields[5].isEmpty || DayDate(iso: fields[5]) != nil
      else {
        throw DictionaryIssue(
          path: historyPath, line: number + 1,
          "expected 7 tab-separated fields: code, nationality (a known country), name, title, since (YYYY-MM-DD), until (YYYY-MM-DD or empty), aliases"
        )
      }
      leaders.append(
        LeaderRecord(
          country: fields[1], position: "term", name: fields[2], title: fields[3], since: since,
          until: DayDate(iso: fields[5]), code: fields[0], aliases: Self.list(fields[6])))
    }
    for (number, line) in citiesText.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    where !line.isEmpty && !line.hasPrefix("#") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 2, let country = countries[fields[0]] else {
        throw DictionaryIssue(
          path: citiesPath, line: number + 1,
          "expected 2 tab-separated fields: a known country code and its cities")
      }
      for city in Self.list(fields[1]) {
        entities.append(
          (
            Candidate(
              resolution: Resolution(code: "", country: country.code, kind: .city, canonical: city)),
            [city]
          ))
      }
    }
    for line in givenNamesText.split(separator: "\n") where !line.hasPrefix("#") {
      for name in line.split(separator: " ") { givenNames.insert(name.uppercased()) }
    }
    buildIndex()
  }

  /// A state that ended and the state that carries it on (the Soviet Union and Russia).
  public struct Succession: Sendable, Equatable {
    /// The successor's code.
    public var successor: String
    /// The first day of the successor.
    public var since: DayDate
  }

  /// Former states with a successor, by code (`SUN`).
  public private(set) var successions: [String: Succession] = [:]

  /// The code an actor has in an event of `date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
  ///
  /// A state that had ended by then passes to its successor (`SUNGOV` in 2000 is `RUSGOV`).
  /// `nil` when the code stays.
  public func successor(of code: String, on date: String?) -> (code: String, country: String)? {
    guard code.utf8.count >= 3, let date, date.utf8.count >= 4,
      let succession = successions[String(code.prefix(3))]
    else { return nil }
    // The first day the date can mean: a year from its 1 January.
    let parts = date.split(separator: "-").compactMap { Int($0) }
    guard let year = parts.first else { return nil }
    let first = DayDate(
      year * 10_000 + (parts.count > 1 ? parts[1] : 1) * 100 + (parts.count > 2 ? parts[2] : 1))
    guard first >= succession.since else { return nil }
    return (succession.successor + code.dropFirst(3), succession.successor)
  }

  /// Given names (upper case): a run of proper nouns that starts with one is a person's name.
  public private(set) var givenNames: Set<String> = []

  /// Organisations, seats of power, former states, blocs and regions, with their names.
  private var entities: [(Candidate, [String])] = []

  /// The items of a `; `-separated field.
  private static func list(_ field: String) -> [String] {
    field.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
      !$0.isEmpty
    }
  }

  /// Parses `FROM..UNTIL` (either side may be empty) or an empty field; `nil` when malformed.
  private static func days(_ field: String) -> (since: DayDate?, until: DayDate?)? {
    guard !field.isEmpty else { return (nil, nil) }
    let parts = field.components(separatedBy: "..")
    guard parts.count == 2 else { return nil }
    let since = parts[0].isEmpty ? nil : DayDate(iso: parts[0])
    let until = parts[1].isEmpty ? nil : DayDate(iso: parts[1])
    guard parts[0].isEmpty || since != nil, parts[1].isEmpty || until != nil else { return nil }
    return (since, until)
  }

  /// Agent phrases (normalised, plurals included) and their codes: `FORCES` -> `MIL`.
  public private(set) var agents: [String: String] = [:]

  /// Reads the agents table: `code  words` with `; `-separated singular words.
  ///
  /// - Throws: ``DictionaryIssue`` naming the file and line of a malformed row.
  public mutating func addAgents(_ text: String, path: String) throws(DictionaryIssue) {
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where !line.isEmpty && !line.hasPrefix("#") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 2, !fields[0].isEmpty, fields[0].allSatisfy(\.isUppercase) else {
        throw DictionaryIssue(
          path: path, line: number + 1, "expected 2 tab-separated fields: agent code, words")
      }
      for word in fields[1].split(separator: ";") {
        let phrase = ActorDictionary.normalize(word)
        guard !phrase.isEmpty else { continue }
        for form in [phrase, Self.plural(phrase)] where agents[form] == nil {
          agents[form] = String(fields[0])
        }
      }
    }
  }

  /// The English plural of an upper-case phrase's last word.
  static func plural(_ phrase: String) -> String {
    if phrase.hasSuffix("Y"), let before = phrase.dropLast().last, !"AEIOU".contains(before) {
      return phrase.dropLast() + "IES"
    }
    if phrase.hasSuffix("S") || phrase.hasSuffix("X") || phrase.hasSuffix("CH")
      || phrase.hasSuffix("SH")
    {
      return phrase + "ES"
    }
    return phrase + "S"
  }

  /// The knowledge base shipped with Entente.
  ///
  /// - Throws: ``DictionaryIssue`` when the shipped tables are missing or malformed.
  public static func bundled() throws(DictionaryIssue) -> CountryKnowledgeBase {
    func read(_ name: String) throws(DictionaryIssue) -> (String, String) {
      guard
        let path = Bundle.module.path(
          forResource: name, ofType: "tsv", inDirectory: "KnowledgeBase"),
        let data = FileManager.default.contents(atPath: path)
      else { throw DictionaryIssue(path: "KnowledgeBase/\(name).tsv", line: 0, "is not installed") }
      return (String(decoding: data, as: UTF8.self), path)
    }
    let (countries, countriesPath) = try read("countries")
    let (leaders, leadersPath) = try read("leaders")
    let (entities, entitiesPath) = try read("entities")
    let (agents, agentsPath) = try read("agents")
    let (history, historyPath) = try read("leaders-history")
    let (cities, citiesPath) = try read("cities")
    guard
      let namesPath = Bundle.module.path(
        forResource: "given-names", ofType: "txt", inDirectory: "KnowledgeBase"),
      let names = FileManager.default.contents(atPath: namesPath)
    else {
      throw DictionaryIssue(path: "KnowledgeBase/given-names.txt", line: 0, "is not installed")
    }
    var base = try CountryKnowledgeBase(
      countries: countries, leaders: leaders, entities: entities, history: history,
      cities: cities, givenNames: String(decoding: names, as: UTF8.self),
      countriesPath: countriesPath, leadersPath: leadersPath, entitiesPath: entitiesPath,
      historyPath: historyPath, citiesPath: citiesPath)
    try base.addAgents(agents, path: agentsPath)
    return base
  }

  private mutating func buildIndex() {
    func add(_ phrase: String, _ candidate: Candidate) {
      let key = ActorDictionary.normalize(phrase)
      guard !key.isEmpty else { return }
      // Names with diacritics are also found without them (`Erdoğan`, `Erdogan`).
      let folded = key.folding(options: .diacriticInsensitive, locale: nil)
      for key in Set([key, folded]) where !(index[key]?.contains(candidate) ?? false) {
        index[key, default: []].append(candidate)
      }
    }
    for country in countries.values.sorted(by: { $0.population > $1.population }) {
      func candidate(_ kind: Resolution.Kind) -> Candidate {
        Candidate(
          resolution: Resolution(
            code: country.code, country: country.code, kind: kind, canonical: country.canonical))
      }
      for name in country.names { add(name, candidate(.countryName)) }
      for adjective in country.adjectives { add(adjective, candidate(.adjective)) }
      for noun in country.nouns {
        add(noun, candidate(.nationality))
        if !noun.hasSuffix("s") { add(noun + "s", candidate(.nationality)) }
      }
      if !country.capital.isEmpty {
        add(country.capital, candidate(.capital))
        // "Washington, D.C." is mostly written "Washington".
        if let comma = country.capital.firstIndex(of: ",") {
          add(String(country.capital[..<comma]), candidate(.capital))
        }
      }
    }
    for (candidate, names) in entities {
      for name in names
      where index[ActorDictionary.normalize(name)]?.allSatisfy({
        $0.since != nil || $0.until != nil
      })
        ?? true
      {
        add(name, candidate)
      }
    }
    // A surname alone (`Putin`) names a current leader of the Factbook table when no other
    // leader has it and it names nothing else; the history table lists its surnames.
    var surnames: [String: Int] = [:]
    // ...and is nobody's given name (`Stanley John`: not every John).
    let leaderGivenNames = Set(
      leaders.compactMap { $0.name.split(separator: " ").first.map(String.init) })
    for leader in leaders where leader.name.split(separator: " ").count >= 2 {
      if let last = leader.name.split(separator: " ").last {
        surnames[String(last), default: 0] += 1
      }
    }
    // Terms of the history table first: they carry an end.
    for leader in leaders.sorted(by: { ($0.position == "term") && ($1.position != "term") }) {
      let words = leader.name.split(separator: " ").map(String.init)
      let short =
        words.count > 2 && !leader.name.contains("-") && leader.position != "term"
        ? [words[0], words[words.count - 1]].joined(separator: " ") : nil
      let country = countries[leader.country] != nil ? leader.country : ""
      let candidate = Candidate(
        resolution: Resolution(
          code: leader.code, country: leader.code.hasPrefix("IGO") ? "" : country, kind: .leader,
          canonical: short ?? leader.name),
        since: leader.since, until: leader.until, outside: leader.country + "ELI")
      for name in [leader.name, short].compactMap({ $0 }) + leader.aliases {
        add(name, candidate)
      }
      // Short last words are often given names in surname-first order (`Kim Jong Un`).
      if leader.position != "term", words.count >= 2, let last = words.last, last.count >= 4,
        surnames[last] == 1, !leaderGivenNames.contains(last), !Self.calendarWords.contains(last),
        index[ActorDictionary.normalize(last)] == nil
      {
        add(last, candidate)
      }
    }
  }

  /// Days and months, which are never a leader's surname alone (`Friday`).
  private static let calendarWords: Set<String> = [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]

  /// Every phrase the knowledge base can resolve, normalised (upper case, single spaces).
  public var phrases: some Collection<String> { index.keys }

  /// What `phrase` names on `date`.
  ///
  /// A shared adjective names the most populous country. A leader has the office's code
  /// during a term (`RUSGOV`) and the nationality's elite code outside every term (`USAELI`
  /// for a former president). A dated name (the Taliban) resolves by its days. With no date,
  /// what holds today.
  public func resolve(_ phrase: String, on date: DayDate? = nil) -> Resolution? {
    guard let candidates = index[ActorDictionary.normalize(phrase)] else { return nil }
    // Outside every term: the last term ended before the date, else the first after it.
    var before: Candidate?
    var after: Candidate?
    for candidate in candidates {
      if candidate.holds(on: date) { return candidate.resolution }
      guard candidate.outside != nil else { continue }
      if let date, let since = candidate.since, date < since {
        if after?.since.map({ since < $0 }) ?? true { after = candidate }
      } else if let until = candidate.until, before?.until.map({ $0 < until }) ?? true {
        before = candidate
      }
    }
    guard let term = before ?? after, let outside = term.outside else { return nil }
    var resolution = term.resolution
    resolution.code = outside
    resolution.country =
      countries[String(outside.prefix(3))] != nil ? String(outside.prefix(3)) : ""
    return resolution
  }
}
