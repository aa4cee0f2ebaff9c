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

/// A chief of state or head of government.
public struct LeaderRecord: Sendable, Equatable {
  /// The country's code.
  public var country: String
  /// `chief-of-state` or `head-of-government`.
  public var position: String
  /// The full name (`Vladimir Vladimirovich Putin`).
  public var name: String
  /// The title (`President`).
  public var title: String
  /// The day the leader took office.
  public var since: DayDate?
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
  /// A resolution with the first day it holds.
  private struct Candidate: Sendable, Equatable {
    /// What the phrase names.
    var resolution: Resolution
    /// The first day it holds, for leaders.
    var since: DayDate?
  }

  /// Normalised phrase -> candidate resolutions, most populous country first.
  private var index: [String: [Candidate]] = [:]

  /// Parses the two tables.
  ///
  /// - Throws: ``DictionaryIssue`` naming the file and line of a malformed row.
  public init(
    countries countriesText: String, leaders leadersText: String,
    entities entitiesText: String = "",
    countriesPath: String, leadersPath: String, entitiesPath: String = "entities.tsv"
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
      func list(_ field: String) -> [String] {
        field.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
          !$0.isEmpty
        }
      }
      countries[fields[0]] = CountryRecord(
        code: fields[0], canonical: fields[1], names: list(fields[2]), adjectives: list(fields[3]),
        nouns: list(fields[4]), capital: fields[5], population: population)
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
          since: fields[4].count == 10 ? DayDate(iso: fields[4]) : nil))
    }
    for (number, line) in entitiesText.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    where !line.isEmpty && !line.hasPrefix("#") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 5, let kind = Resolution.Kind(rawValue: fields[1]),
        [.organisation, .seatOfPower, .formerState, .bloc].contains(kind)
      else {
        throw DictionaryIssue(
          path: entitiesPath, line: number + 1,
          "expected 5 tab-separated fields: code, type (organisation, seat, former-state, bloc), canonical, names, country"
        )
      }
      let names = fields[3].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
      entities.append(
        (Resolution(code: fields[0], country: fields[4], kind: kind, canonical: fields[2]), names))
    }
    buildIndex()
  }

  /// Organisations, seats of power, former states and blocs, with their names.
  private var entities: [(Resolution, [String])] = []

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
    var base = try CountryKnowledgeBase(
      countries: countries, leaders: leaders, entities: entities, countriesPath: countriesPath,
      leadersPath: leadersPath, entitiesPath: entitiesPath)
    try base.addAgents(agents, path: agentsPath)
    return base
  }

  private mutating func buildIndex() {
    func add(_ phrase: String, _ resolution: Resolution, since: DayDate? = nil) {
      let key = ActorDictionary.normalize(phrase)
      let candidate = Candidate(resolution: resolution, since: since)
      guard !key.isEmpty, !(index[key]?.contains(candidate) ?? false) else { return }
      index[key, default: []].append(candidate)
    }
    for country in countries.values.sorted(by: { $0.population > $1.population }) {
      func resolution(_ kind: Resolution.Kind) -> Resolution {
        Resolution(
          code: country.code, country: country.code, kind: kind, canonical: country.canonical)
      }
      for name in country.names { add(name, resolution(.countryName)) }
      for adjective in country.adjectives { add(adjective, resolution(.adjective)) }
      for noun in country.nouns {
        add(noun, resolution(.nationality))
        if !noun.hasSuffix("s") { add(noun + "s", resolution(.nationality)) }
      }
      if !country.capital.isEmpty {
        add(country.capital, resolution(.capital))
        // "Washington, D.C." is mostly written "Washington".
        if let comma = country.capital.firstIndex(of: ",") {
          add(String(country.capital[..<comma]), resolution(.capital))
        }
      }
    }
    // A surname alone (`Putin`) names a leader when no other leader has it and it names
    // nothing else.
    var surnames: [String: Int] = [:]
    for (resolution, names) in entities {
      for name in names where index[ActorDictionary.normalize(name)] == nil {
        add(name, resolution)
      }
    }
    for leader in leaders where leader.name.split(separator: " ").count >= 2 {
      if let last = leader.name.split(separator: " ").last {
        surnames[String(last), default: 0] += 1
      }
    }
    for leader in leaders {
      let words = leader.name.split(separator: " ").map(String.init)
      let short =
        words.count > 2 && !leader.name.contains("-")
        ? [words[0], words[words.count - 1]].joined(separator: " ") : nil
      let resolution = Resolution(
        code: leader.country + "GOV", country: leader.country, kind: .leader,
        canonical: short ?? leader.name)
      for name in [leader.name, short].compactMap({ $0 }) {
        add(name, resolution, since: leader.since)
      }
      // Short last words are often given names in surname-first order (`Kim Jong Un`).
      if words.count >= 2, let last = words.last, last.count >= 4, surnames[last] == 1,
        index[ActorDictionary.normalize(last)] == nil
      {
        add(last, resolution, since: leader.since)
      }
    }
  }

  /// Every phrase the knowledge base can resolve, normalised (upper case, single spaces).
  public var phrases: some Collection<String> { index.keys }

  /// What `phrase` names on `date`: the most populous country for a shared adjective, and a
  /// leader only from the day they took office.
  public func resolve(_ phrase: String, on date: DayDate? = nil) -> Resolution? {
    guard let candidates = index[ActorDictionary.normalize(phrase)] else { return nil }
    for candidate in candidates {
      if let since = candidate.since, let date, date < since { continue }
      return candidate.resolution
    }
    return nil
  }
}
