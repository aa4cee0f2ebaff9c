/// A relation between two actors that the text states: `ally`, `alliance`, `partner`,
/// `rival` or `dependence`.
public struct ActorRelation: Sendable, Equatable {
  /// Who has the relation (`China` in `China, North Korea's primary ally`).
  public var source: EventActor
  /// With whom.
  public var target: EventActor
  /// The kind.
  public var kind: RelationKind
  /// The words that state it.
  public var evidence: Range<Int>
  /// The sentence.
  public var sentence: Int
}

/// The kinds of relation between actors that a text states.
public enum RelationKind: String, Sendable, Codable, CaseIterable {
  /// `China, North Korea's primary ally`.
  case ally
  /// `relations raised to an alliance`.
  case alliance
  /// `a strategic partner`.
  case partner
  /// `its rival`, `adversary`, `enemy`, `foe`.
  case rival
  /// `dependence on`, `dependency`, `reliance`.
  case dependence
}
