/// An agent (sector) code: combined with an actor it makes `RUSGOV` from `RUS` and `GOV`.
public struct AgentCode: Sendable, Equatable {
  /// The code without its `~` (`GOV`, `MIL`).
  public var code: String
  /// Whether the code goes before the actor's (TABARI's `GOV~` form) rather than after.
  public var isPrefix: Bool

  /// Creates an agent code.
  public init(code: String, isPrefix: Bool = false) {
    self.code = code
    self.isPrefix = isPrefix
  }

  /// The code of an actor with this agent: `RUS` + `GOV` = `RUSGOV`; the agent is not
  /// added twice (`RUSGOV` + `GOV` = `RUSGOV`), and with no actor the result is `---GOV`.
  public func applied(to actor: String?) -> String {
    guard let actor, !actor.isEmpty else { return "---" + code }
    if actor.contains(code) { return actor }
    return isPrefix ? code + actor : actor + code
  }
}

/// Agent phrases (`officials`, `troops`, `foreign minister`) and their codes.
public struct AgentDictionary: Sendable {
  /// Phrase (upper case, single spaces) -> code.
  public private(set) var entries: [String: AgentCode] = [:]
  /// The number of agent lines read.
  public private(set) var lineCount = 0

  /// Creates an empty dictionary.
  public init() {}

  /// Adds a phrase; a phrase seen before keeps its first code.
  public mutating func add(_ phrase: String, _ code: AgentCode) {
    if entries[phrase] == nil { entries[phrase] = code }
  }

  mutating func countLine() { lineCount += 1 }

  /// The number of distinct phrases, plurals and substitutions included.
  public var phraseCount: Int { entries.count }

  /// The code of `phrase`, or `nil`.
  public func code(for phrase: String) -> AgentCode? { entries[ActorDictionary.normalize(phrase)] }
}
