/// What a ``DocumentCoder`` codes with: where the actors, events and discards come from.
///
/// The default is what Entente ships: its knowledge base and event lexicon, with PETRARCH-2's
/// verb patterns and the Phoenix actor and agent dictionaries beneath them. The user's
/// PETRARCH actor, agent and verb dictionaries and discard lists can be added or put in
/// their place.
public struct CoderConfiguration: Sendable, Equatable {
  /// PETRARCH actor dictionaries consulted after the knowledge base.
  public var actorDictionaries: [String] = []
  /// PETRARCH agent dictionaries consulted after the knowledge base's agents.
  public var agentDictionaries: [String] = []
  /// Whether to use the shipped knowledge base; without it only the dictionaries are used.
  public var useKnowledgeBase = true
  /// Whether PETRARCH-2's verb patterns and the Phoenix actor and agent dictionaries, shipped
  /// with Entente, code beneath its own lexicon and knowledge base (the patterns with
  /// Entente's lexicon, the dictionaries with the knowledge base).
  public var usePetrarch = true
  /// Whether events keep a source or target that no dictionary knows, with its words and no
  /// code (`the court rejected the appeal`).
  public var codesUnknownActors = true
  /// PETRARCH-2 verb dictionaries (CAMEO.2.0 syntax) to code events with.
  public var verbDictionaries: [String] = []
  /// Whether Entente's own lexicon is kept beside the verb dictionaries.
  public var keepLexicon = false
  /// PETRARCH discard lists: sentences (or stories) with one of their phrases code no events.
  public var discardLists: [String] = []
  /// Whether place mentions are resolved to the gazetteer and events located
  /// (docs/places.md).
  public var resolvesPlaces = true

  /// Entente's own configuration: the shipped knowledge base and lexicon.
  public init() {}

  /// Whether this is Entente's own configuration, whose resources are loaded once per process.
  public var isShipped: Bool { self == CoderConfiguration() }

  /// What codes with this configuration, for the store's record of each run.
  public var provenance: Provenance {
    let models = "entente \(Provenance.version) shipped tagger and parser"
    var lexicon: [String] = []
    if verbDictionaries.isEmpty || keepLexicon {
      lexicon = ["entente events.tsv"] + (usePetrarch ? ["petrarch CAMEO.2.0"] : [])
    }
    lexicon += verbDictionaries.map { "verbs \($0)" }
    lexicon += discardLists.map { "discards \($0)" }
    let dictionaries =
      (useKnowledgeBase ? ["entente knowledge base"] : [])
      + (useKnowledgeBase && usePetrarch ? ["petrarch Phoenix actors and agents"] : [])
      + actorDictionaries.map { "actors \($0)" }
      + agentDictionaries.map { "agents \($0)" }
      + (resolvesPlaces ? ["geonames gazetteer"] : [])
    return Provenance(
      version: Provenance.version, models: models, lexicon: lexicon.joined(separator: "; "),
      dictionaries: dictionaries.joined(separator: "; "))
  }
}

/// What coded the documents of one run.
///
/// The store keeps it with them, so that a later model or dictionary upgrade can tell which
/// documents to recode.
public struct Provenance: Sendable, Equatable {
  /// Entente's version.
  public static let version = "0.1.0"

  /// Entente's version.
  public var version: String
  /// The models (tagger and parser files and their sizes or versions).
  public var models: String
  /// The event lexicon or verb dictionaries.
  public var lexicon: String
  /// The actor and agent dictionaries.
  public var dictionaries: String

  /// Creates a provenance record.
  public init(version: String, models: String, lexicon: String, dictionaries: String) {
    self.version = version
    self.models = models
    self.lexicon = lexicon
    self.dictionaries = dictionaries
  }
}
