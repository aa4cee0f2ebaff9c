import ArgumentParser
import EntenteCoding
import EntenteNLP
import Foundation

/// `entente actors`: inspect actor resolution.
struct Actors: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Inspect how Entente resolves actors.",
    subcommands: [Lookup.self, Evaluate.self]
  )

  /// `entente actors lookup "TEXT" [--date D]`.
  struct Lookup: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show the actors found in a phrase or sentence and how they resolve.",
      discussion: """
        Prints one line per mention: the text, its code, type, kind, country, canonical \
        name and how it was resolved (metonym, coreference, context or -). \
        With --date, leaders and date-restricted dictionary codes resolve for that day. \
        Exit status 1 when nothing is found.
        """
    )

    @Argument(help: "A phrase or sentence, such as \"North Korean troops\" or \"the Kremlin\".")
    var text: String

    @Option(name: .long, help: "The date (YYYY-MM-DD) to resolve for. Default: none.")
    var date: String?

    @Option(
      name: .long,
      help: "A PETRARCH actor dictionary to consult after the knowledge base (repeatable).")
    var actors: [String] = []

    @Option(
      name: .long,
      help: "A PETRARCH agent dictionary to consult after Entente's agents (repeatable).")
    var agents: [String] = []

    @Flag(name: .long, help: "Use only the dictionaries given, not Entente's knowledge base.")
    var noKnowledgeBase = false

    func validate() throws {
      if let date, DayDate(iso: date) == nil {
        throw ValidationError("--date must be a calendar date written YYYY-MM-DD, not '\(date)'")
      }
      if noKnowledgeBase && actors.isEmpty {
        throw ValidationError("--no-knowledge-base needs at least one --actors dictionary")
      }
    }

    func run() throws {
      // Names, titles and coreference need the tagger, which the matcher's names guide.
      var configuration = CoderConfiguration()
      configuration.actorDictionaries = actors
      configuration.agentDictionaries = agents
      configuration.useKnowledgeBase = !noKnowledgeBase
      let coder: DocumentCoder
      do {
        coder = try DocumentCoder(configuration: configuration, until: .tags)
      } catch {
        FileHandle.standardError("entente: error: \(error)\n")
        throw ExitCode(1)
      }
      for warning in coder.dictionaryWarnings {
        FileHandle.standardError("entente: warning: \(warning)\n")
      }
      let analysis = coder.code(text: text, date: date.flatMap(DayDate.init(iso:)))
      let doc = analysis.doc
      let mentions = analysis.mentions
      for mention in mentions {
        let span = Span(doc: doc, tokens: mention.tokens).text
        let fields = [
          span, mention.code.isEmpty ? "-" : mention.code, mention.type.rawValue, mention.kind,
          mention.country ?? "-", mention.canonical, mention.resolvedFrom?.rawValue ?? "-",
        ]
        print(fields.joined(separator: "\t"))
      }
      if mentions.isEmpty { throw ExitCode(1) }
    }
  }

  /// `entente actors evaluate --gold FILE...`.
  struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Score mention detection against named entities annotated in CoNLL-U files.",
      discussion: """
        The files must carry GUM-style entity annotations (Entity= in column 10) and the \
        sentence text (# text =); documents start at # newdoc. Each document's text is run \
        through the tagger and the actor matcher. Recall counts named persons, \
        organisations and places found with a matching span (and with the right type); \
        precision counts Entente's naming mentions that match any annotated entity. \
        Example: entente actors evaluate --gold ../shared/data/ud/en_gum-news-test.conllu
        """
    )

    @Option(name: .long, help: "A CoNLL-U file with entity annotations (repeatable).")
    var gold: [String]

    @Option(name: .long, help: "Also list this many missed and this many spurious mentions.")
    var errors: Int = 0

    func run() throws {
      var evaluation = MentionEvaluation()
      do {
        let coder = try DocumentCoder(until: .tags)
        for path in gold {
          evaluation.score(try CoNLLUReader.read(path: path), coder: coder)
        }
      } catch {
        FileHandle.standardError("entente: error: \(error)\n")
        throw ExitCode(1)
      }
      func line(_ name: String, _ counts: MentionEvaluation.Counts) -> String {
        name.padding(toLength: 13, withPad: " ", startingAt: 0)
          + String(
            format: "gold %5d  found %5d (recall %.3f)  with type %5d (%.3f)",
            counts.gold, counts.found, counts.recall, counts.typed, counts.typedRecall)
      }
      print("documents: \(evaluation.documents)")
      for type in ["person", "organization", "place"] {
        print(line(type, evaluation.byType[type] ?? .init()))
      }
      print(line("all", evaluation.total))
      print(
        String(
          format: "precision: %d of %d naming mentions match an annotated entity (%.3f)",
          evaluation.correct, evaluation.predicted, evaluation.precision))
      if errors > 0 {
        print("missed:")
        for item in evaluation.missed.prefix(errors) { print("  \(item)") }
        print("spurious:")
        for item in evaluation.spurious.prefix(errors) { print("  \(item)") }
      }
    }
  }
}
