import ArgumentParser
import EntenteIO

/// The dictionary options that `entente code` and `entente ingest` share.
struct DictionaryOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "A PETRARCH or TABARI actor dictionary (repeatable).",
      discussion:
        "Its phrases are consulted after the knowledge base's, with their date restrictions. Lines that cannot be read are reported as file:line warnings; the rest loads."
    ))
  var actors: [String] = []

  @Option(
    name: .long,
    help: "A PETRARCH or TABARI agent dictionary (repeatable), consulted after Entente's agents.")
  var agents: [String] = []

  @Flag(
    name: .long,
    help:
      "Use only the dictionaries given with --actors and --agents, not Entente's knowledge base.")
  var noKnowledgeBase = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A PETRARCH verb dictionary (CAMEO.2.0 or PETRARCH-1 syntax) to code events with (repeatable).",
      discussion: "It replaces Entente's event lexicon unless --keep-lexicon is given."))
  var verbs: [String] = []

  @Flag(name: .long, help: "With --verbs, keep Entente's own event lexicon beside them.")
  var keepLexicon = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "A PETRARCH discard list (repeatable).",
      discussion:
        "A sentence containing one of its phrases codes no events; a phrase marked '+' stops the whole document from coding."
    ))
  var discards: [String] = []

  func validate() throws {
    if noKnowledgeBase && actors.isEmpty {
      throw ValidationError("--no-knowledge-base needs at least one --actors dictionary")
    }
  }

  /// Sets the coder's dictionaries.
  func apply(to options: inout CodeOptions) {
    options.actorDictionaries = actors
    options.agentDictionaries = agents
    options.useKnowledgeBase = !noKnowledgeBase
    options.verbDictionaries = verbs
    options.keepLexicon = keepLexicon
    options.discardLists = discards
  }

  /// What codes events, for the store's provenance: the lexicon or verb dictionaries.
  var lexiconDescription: String {
    let own = "entente events.tsv"
    var parts: [String] = verbs.isEmpty || keepLexicon ? [own] : []
    parts += verbs.map { "verbs \($0)" }
    parts += discards.map { "discards \($0)" }
    return parts.joined(separator: "; ")
  }

  /// The actor and agent dictionaries, for the store's provenance.
  var dictionaryDescription: String {
    ((noKnowledgeBase ? [] : ["entente knowledge base"]) + actors.map { "actors \($0)" }
      + agents.map { "agents \($0)" }).joined(separator: "; ")
  }
}
