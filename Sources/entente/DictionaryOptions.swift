import ArgumentParser
import EntenteCoding
import EntenteNLP
import Foundation

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

  @Flag(
    name: .long,
    help:
      "Code with Entente's own lexicon and knowledge base only, without the PETRARCH-2 verb patterns and Phoenix actor and agent dictionaries shipped beneath them."
  )
  var noPetrarch = false

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

  @Flag(
    name: .long,
    help:
      "Do not resolve places to the gazetteer or locate events (mentions and events then have no location)."
  )
  var noPlaces = false

  func validate() throws {
    if noKnowledgeBase && actors.isEmpty {
      throw ValidationError("--no-knowledge-base needs at least one --actors dictionary")
    }
  }

  /// The coder's configuration: these dictionaries.
  var configuration: CoderConfiguration {
    var configuration = CoderConfiguration()
    configuration.actorDictionaries = actors
    configuration.agentDictionaries = agents
    configuration.useKnowledgeBase = !noKnowledgeBase
    configuration.usePetrarch = !noPetrarch
    configuration.verbDictionaries = verbs
    configuration.keepLexicon = keepLexicon
    configuration.discardLists = discards
    configuration.resolvesPlaces = !noPlaces
    return configuration
  }

  /// A coder of these dictionaries through `stage`, with the unreadable lines of the
  /// dictionaries reported as warnings; exits with status 1 when a file cannot be read.
  func coder(until stage: PipelineStage = .events) throws -> DocumentCoder {
    do {
      let coder = try DocumentCoder(configuration: configuration, until: stage)
      for warning in coder.dictionaryWarnings {
        FileHandle.standardError("entente: warning: \(warning)\n")
      }
      return coder
    } catch {
      FileHandle.standardError("entente: error: \(error)\n")
      throw ExitCode(1)
    }
  }
}
