import ArgumentParser
import EntenteCoding
import EntenteNLP
import Foundation

/// `entente actors`: inspect actor resolution.
struct Actors: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Inspect how Entente resolves actors.",
    subcommands: [Lookup.self]
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
      let matcher: ActorMatcher
      let pipeline: Pipeline
      do {
        matcher = try ActorMatcher.load(
          actorPaths: actors, agentPaths: agents, knowledgeBase: !noKnowledgeBase,
          warning: { FileHandle.standardError("entente: warning: \($0)\n") })
        // Names, titles and coreference need the tagger.
        pipeline = try Pipeline.standard(until: .tags, models: Models.bundled(parser: false))
      } catch {
        FileHandle.standardError("entente: error: \(error)\n")
        throw ExitCode(1)
      }
      let doc = pipeline(text)
      let mentions = matcher.mentions(in: doc, date: date.flatMap(DayDate.init(iso:)))
      for mention in mentions {
        let span = Span(doc: doc, tokens: mention.tokens).text
        let fields = [
          span, mention.code.isEmpty ? "-" : mention.code, mention.type.rawValue, mention.kind,
          mention.country ?? "-", mention.canonical, mention.resolvedFrom ?? "-",
        ]
        print(fields.joined(separator: "\t"))
      }
      if mentions.isEmpty { throw ExitCode(1) }
    }
  }
}
