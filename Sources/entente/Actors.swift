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
        Prints one line per mention: the text, its code, type, country and canonical name. \
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

    func validate() throws {
      if let date, DayDate(iso: date) == nil {
        throw ValidationError("--date must be a calendar date written YYYY-MM-DD, not '\(date)'")
      }
    }

    func run() throws {
      let base: CountryKnowledgeBase
      var dictionary: ActorDictionary?
      do {
        base = try CountryKnowledgeBase.bundled()
        for path in actors {
          let (read, issues) = try PetrarchDictionaryReader.readActors(path: path)
          for issue in issues { FileHandle.standardError("entente: warning: \(issue)\n") }
          if dictionary == nil { dictionary = ActorDictionary() }
          dictionary?.merge(read)
        }
      } catch {
        FileHandle.standardError("entente: error: \(error)\n")
        throw ExitCode(1)
      }
      let doc = Pipeline.standard()(text)
      let mentions = ActorMatcher(knowledgeBase: base, dictionary: dictionary).mentions(
        in: doc, date: date.flatMap(DayDate.init(iso:)))
      for mention in mentions {
        let span = Span(doc: doc, tokens: mention.tokens).text
        print(
          "\(span)\t\(mention.code)\t\(mention.kind)\t\(mention.country ?? "-")\t\(mention.canonical)"
        )
      }
      if mentions.isEmpty { throw ExitCode(1) }
    }
  }
}
