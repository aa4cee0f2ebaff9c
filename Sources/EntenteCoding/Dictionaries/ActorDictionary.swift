/// When a code applies.
public enum DateRestriction: Sendable, Equatable {
  /// At any date.
  case always
  /// Strictly before the day.
  case before(DayDate)
  /// On or after the day.
  case from(DayDate)
  /// From the first day (included) to the second (excluded).
  case between(DayDate, DayDate)

  /// Whether the restriction allows `date`; an unknown date is allowed only by `always`.
  public func allows(_ date: DayDate?) -> Bool {
    switch self {
    case .always: return true
    case .before(let end): return date.map { $0 < end } ?? false
    case .from(let start): return date.map { $0 >= start } ?? false
    case .between(let start, let end): return date.map { $0 >= start && $0 < end } ?? false
    }
  }
}

/// A code with the dates it applies to.
public struct CodeGroup: Sendable, Equatable {
  /// The code (`RUSGOV`, `IGOUNO`).
  public var code: String
  /// When it applies.
  public var restriction: DateRestriction

  /// Creates a group.
  public init(code: String, restriction: DateRestriction = .always) {
    self.code = code
    self.restriction = restriction
  }
}

/// Actor phrases and their codes, with date restrictions.
///
/// Phrases are stored as upper-case words joined by single spaces. Resolution on a date
/// takes the first dated group that allows the date, in load order, and otherwise the first
/// undated group: an undated code is the default used when no dated one applies (the
/// TABARI reading, which the dictionaries' own comments describe).
public struct ActorDictionary: Sendable {
  /// Phrase -> code groups in load order.
  public private(set) var entries: [String: [CodeGroup]] = [:]
  /// The number of entries (base phrases) read.
  public private(set) var entryCount = 0

  /// Creates an empty dictionary.
  public init() {}

  /// The number of distinct phrases.
  public var phraseCount: Int { entries.count }

  /// The distinct codes.
  public var codes: Set<String> { Set(entries.values.flatMap { $0.map(\.code) }) }

  /// Adds code groups to phrases; groups of a phrase seen before are appended.
  public mutating func add(phrases: [String], groups: [CodeGroup]) {
    entryCount += 1
    for phrase in phrases { entries[phrase, default: []].append(contentsOf: groups) }
  }

  /// Merges another dictionary; its groups come after this one's.
  public mutating func merge(_ other: ActorDictionary) {
    for (phrase, groups) in other.entries {
      entries[phrase, default: []].append(contentsOf: groups)
    }
    entryCount += other.entryCount
  }

  /// The normal form of a phrase: upper case, words split at spaces and underscores.
  public static func normalize(_ phrase: some StringProtocol) -> String {
    phrase.uppercased().split(whereSeparator: { $0 == "_" || $0 == " " || $0 == "\t" }).joined(
      separator: " ")
  }

  /// The code of `phrase` on `date` (any date when `nil`), or `nil` when unknown.
  public func code(for phrase: String, on date: DayDate?) -> String? {
    guard let groups = entries[Self.normalize(phrase)] else { return nil }
    if let dated = groups.first(where: { $0.restriction != .always && $0.restriction.allows(date) })
    {
      return dated.code
    }
    return groups.first(where: { $0.restriction == .always })?.code
  }
}
