/// A relation between two actors that the text states: `ally`, `alliance`, `partner`,
/// `rival` or `dependence`.
public struct ActorRelation: Sendable, Equatable {
  /// Who has the relation (`China` in `China, North Korea's primary ally`).
  public var source: EventActor
  /// With whom.
  public var target: EventActor
  /// The kind.
  public var kind: String
  /// The words that state it.
  public var evidence: Range<Int>
  /// The sentence.
  public var sentence: Int
}
