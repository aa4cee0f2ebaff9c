/// Whether an event is stated as having happened, and if not, what the text does say of it.
public enum EventMode: String, Sendable, Codable, CaseIterable {
  /// Stated as having happened (or happening).
  case asserted
  /// Stated as not having happened: did not, dismissed, refused.
  case negated
  /// Possible only: if, could, would, may, a potential exchange.
  case hypothetical
  /// Planned, considered, promised or threatened; for cooperation and force, the code is
  /// then CAMEO's intent (root 03) or threat (root 13) code.
  case intended
  /// Alleged by someone: claims that, allegedly.
  case claimed
  /// A claim that an actor denies (the denial itself is an asserted `016` event).
  case denied
}

/// One side of an event: the actor and the mention it comes from.
public struct EventActor: Sendable, Equatable {
  /// The actor code (`RUSGOV`).
  public var code: String
  /// The country, if the actor belongs to one.
  public var country: String?
  /// The mention's tokens.
  public var tokens: Range<Int>
  /// The index of the mention in the document's mentions.
  public var mention: Int
}

/// An event: who did what to whom, how it is stated, when, and the evidence.
public struct Event: Sendable, Equatable {
  /// The sentence.
  public var sentence: Int
  /// The CAMEO event type.
  public var type: EventType
  /// The trigger token (the verb or noun).
  public var trigger: Int
  /// Who acts.
  public var source: EventActor
  /// Who is acted on, if anyone.
  public var target: EventActor?
  /// How the event is stated.
  public var mode: EventMode
  /// When: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or `nil` when neither the text nor the
  /// document says.
  public var date: String?
  /// The words that gave the date, or `nil` when it is the document's.
  public var dateText: String?
  /// The tokens that support the event: trigger, actors and the words between.
  public var evidence: Range<Int>
  /// The lexicon rule that matched (`events.tsv:57`).
  public var rule: String
  /// Where it happened: the place of its clause, else of its sentence, else of the
  /// dateline (docs/places.md).
  public var location: Location? = nil
  /// The mention that gave the location, an index into the document's mentions.
  public var locationMention: Int? = nil
}
