/// What kind of thing a mention names, as written in output.
public enum MentionType: String, Sendable, Codable, CaseIterable {
  /// A country, named or by its capital, adjective or nationality.
  case country
  /// A person: a leader, a named official, an expert, or a pronoun that refers to one.
  case person
  /// An international, governmental or non-governmental organisation, or a seat of power.
  case organisation
  /// A region or a place that is not a country (`the Korean Peninsula`, `Kharkiv`).
  case location
  /// A bloc (`the West`) or a country's sector (`Russian forces`).
  case group
  /// A phrase found only in a PETRARCH actor dictionary.
  case actor
}

/// A mention of an actor in a document: a span of tokens and what it resolves to.
public struct ActorMention: Sendable, Equatable {
  /// The document token indices covered.
  public var tokens: Range<Int>
  /// The index of the sentence.
  public var sentence: Int
  /// The actor code (`RUS`, `RUSGOV`, `IGOUNO`, `---MIL` for a sector of an unknown
  /// country), or empty when the mention has none (an unknown place or person).
  public var code: String
  /// The country's ISO alpha-3 code, when the actor belongs to one.
  public var country: String?
  /// How the text names the actor: country, adjective, nationality, capital, leader,
  /// organisation, seat, former-state, bloc, region, agent, `dictionary` for a phrase found
  /// only in a PETRARCH dictionary, `name` for a proper name the knowledge base lacks,
  /// `pronoun`, or `role` (`the foreign minister`).
  public var kind: String
  /// What the mention names.
  public var type: MentionType
  /// The canonical name.
  public var canonical: String
  /// How the mention was resolved when not directly; `nil` for a name resolved directly.
  public var resolvedFrom: MentionResolution? = nil
  /// The title or role written with a person (`President`, `leader`, `Foreign Minister`).
  public var role: String? = nil
  /// The index, in the same list, of the organisation a person belongs to
  /// (`Stephen Sestanovich of the Council on Foreign Relations`).
  public var affiliation: Int? = nil
  /// Where the place is, for a mention of a place the gazetteer resolves (docs/places.md).
  public var location: Location? = nil

  /// Creates a mention.
  public init(
    tokens: Range<Int>, sentence: Int, code: String, country: String?, kind: String,
    type: MentionType, canonical: String
  ) {
    self.tokens = tokens
    self.sentence = sentence
    self.code = code
    self.country = country
    self.kind = kind
    self.type = type
    self.canonical = canonical
  }

  /// The output type of a knowledge-base kind.
  static func type(ofKind kind: String) -> MentionType {
    switch kind {
    case "leader", "pronoun", "role": .person
    case "dictionary": .actor
    case "organisation", "seat": .organisation
    case "bloc", "agent": .group
    case "region", "city", "place": .location
    default: .country
    }
  }
}

/// How a mention was resolved when its words alone do not name the actor.
public enum MentionResolution: String, Sendable, Codable, CaseIterable {
  /// A capital or seat of power standing for a government (`Moscow`, `the Kremlin`).
  case metonym
  /// A surname, pronoun or role that refers to an earlier mention.
  case coreference
  /// A name typed from its context (`Mr. X`, `X, a spokesman`).
  case context
  /// An agent written with no country (`the ministry`), given the country of the
  /// document's dateline (`KABUL -`).
  case dateline
}
