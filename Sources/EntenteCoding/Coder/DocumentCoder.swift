public import EntenteNLP
import Foundation

/// Entente's one entry point for coding: text or a pipeline-processed ``Doc`` in, actor
/// mentions, events, quotes, agreements and relations out.
///
/// Built once from a ``CoderConfiguration`` (and the models), it is a value that can be
/// shared by any number of threads. Every caller (`entente code`, `validate`, `benchmark`,
/// `actors`, the server and the store's ingest) codes through it, and nothing else strings
/// the finders together: the mentions are found first, then one ``ParsedDocument`` is read
/// from the parse and shared by the event coder, the quote finder and the agreement finder.
public struct DocumentCoder: Sendable {
  /// What it codes with.
  public let configuration: CoderConfiguration
  /// The stages that make a ``Doc`` from text.
  public let pipeline: Pipeline
  /// The last stage run: mentions come from `tags` on, events, quotes and agreements with
  /// `events`.
  public let stage: PipelineStage
  /// Finds actor mentions; `nil` before the `tags` stage.
  public let matcher: ActorMatcher?
  /// Codes events; `nil` before the `events` stage.
  public let eventCoder: EventCoder?
  /// Resolves places and locates events; `nil` before the `tags` stage or when the
  /// configuration turns places off.
  public let placeResolver: PlaceResolver?
  /// Lines of the user's dictionaries that could not be read (`file:line: message`); the
  /// rest of each file is used.
  public let dictionaryWarnings: [String]
  /// What was read of each verb dictionary, in the order of the configuration's.
  public let verbSummaries: [PetrarchVerbReader.Summary]
  /// The text of a document longer than this (UTF-8 bytes) is coded in parts of at most
  /// this size, cut at paragraph breaks where it can, each part on its own, and the parts
  /// joined (``CodedDocument``'s offsets and indices are the whole document's).
  ///
  /// What one part costs in time and memory is bounded, so a document of any length costs
  /// time and memory in proportion to its length whatever is in it (runs of quotes, one
  /// endless line). Nothing links one part to another (a pronoun to a name in the part
  /// before): at 512 KiB, some 80,000 words, no news article is cut.
  public var partBytes = 512 << 10

  /// Creates a coder, loading the shipped models when the stages need them.
  ///
  /// - Parameters:
  ///   - configuration: The dictionaries to code with.
  ///   - stage: The last stage to run.
  ///   - models: The tagger and parser; `nil` loads the shipped ones when needed.
  /// - Throws: ``ModelFileError`` when a model or dictionary cannot be loaded (a dictionary's
  ///   unreadable lines are ``dictionaryWarnings`` instead).
  public init(
    configuration: CoderConfiguration = CoderConfiguration(), until stage: PipelineStage = .events,
    models: Models? = nil
  ) throws(ModelFileError) {
    self.configuration = configuration
    self.stage = stage
    var models = models
    if models == nil && stage >= .tags {
      models = try SharedResources.models(parser: stage >= .parse)
    }
    var summaries: [PetrarchVerbReader.Summary] = []
    eventCoder = stage >= .events ? try Self.eventCoder(configuration, summaries: &summaries) : nil
    verbSummaries = summaries
    // Actor mentions come with the tagged stages.
    var warnings: [String] = []
    if stage < .tags {
      matcher = nil
    } else if configuration.actorDictionaries.isEmpty && configuration.agentDictionaries.isEmpty
      && configuration.useKnowledgeBase
    {
      matcher = try SharedResources.matcher(petrarch: configuration.usePetrarch)
    } else {
      // The user's dictionaries come before the shipped ones: the first that knows a phrase
      // codes it.
      let shipped = configuration.useKnowledgeBase && configuration.usePetrarch
      let actorPaths =
        configuration.actorDictionaries
        + (shipped ? [try SharedResources.petrarchPath("Phoenix.actors")] : [])
      let agentPaths =
        configuration.agentDictionaries
        + (shipped ? [try SharedResources.petrarchPath("Phoenix.agents")] : [])
      do {
        matcher = try ActorMatcher.load(
          actorPaths: actorPaths, agentPaths: agentPaths,
          knowledgeBase: configuration.useKnowledgeBase, warning: { warnings.append("\($0)") })
      } catch {
        throw ModelFileError(path: error.path, error.message)
      }
    }
    dictionaryWarnings = warnings
    if stage >= .tags && configuration.resolvesPlaces {
      do {
        placeResolver = PlaceResolver(
          gazetteer: try Gazetteer.bundled(),
          knowledgeBase: matcher?.knowledgeBase ?? CountryKnowledgeBase())
      } catch {
        throw ModelFileError(path: "\(error.path):\(error.line)", error.message)
      }
    } else {
      placeResolver = nil
    }
    // The matcher's names guide the tagger (an unknown `Arnor` is a name, not `nor`).
    do {
      pipeline = try Pipeline.standard(
        until: stage, models: models, nameHints: matcher.map(NameHints.init))
    } catch {
      throw ModelFileError(path: "Models", "\(error)")
    }
  }

  /// The event coder of a configuration: Entente's lexicon, or the user's verb dictionaries
  /// (beside it with `keepLexicon`), with the discard lists.
  private static func eventCoder(
    _ configuration: CoderConfiguration, summaries: inout [PetrarchVerbReader.Summary]
  ) throws(ModelFileError) -> EventCoder {
    let shipped = try SharedResources.eventCoder(petrarch: configuration.usePetrarch)
    var coder = shipped
    coder.codesUnknownActors = configuration.codesUnknownActors
    if !configuration.verbDictionaries.isEmpty {
      var lexicon = configuration.keepLexicon ? shipped.lexicon : EventLexicon()
      for path in configuration.verbDictionaries {
        do {
          let (read, summary) = try PetrarchVerbReader.read(path: path)
          lexicon = lexicon.merged(with: read)
          summaries.append(summary)
        } catch {
          throw ModelFileError(path: "\(error.path)", error.message)
        }
      }
      coder = EventCoder(ontology: shipped.ontology, lexicon: lexicon)
      coder.codesUnknownActors = configuration.codesUnknownActors
      // Alone, PETRARCH's codes mean what they say; beside Entente's, intents are recoded.
      coder.keepsCodes = !configuration.keepLexicon
    }
    if !configuration.discardLists.isEmpty {
      var text = ""
      for path in configuration.discardLists {
        guard let data = FileManager.default.contents(atPath: path),
          let contents = String(validating: data, as: UTF8.self)
        else { throw ModelFileError(path: path, "cannot be read as UTF-8 text") }
        text += contents + "\n"
      }
      coder.discards = DiscardList.parse(text)
    }
    return coder
  }

  /// Runs the pipeline on `text` and codes the document.
  ///
  /// - Parameters:
  ///   - text: The text (normalised to NFC by the pipeline).
  ///   - date: The document date, for dated actor codes and event dates.
  public func code(text: String, date: DayDate?) -> DocumentAnalysis {
    code(pipeline(text), date: date)
  }

  /// Codes a document that has been through ``pipeline``: its mentions from the `tags`
  /// stage on, and with `events` its events, quotes, agreements and relations.
  ///
  /// - Parameters:
  ///   - doc: The processed document.
  ///   - date: The document date.
  public func code(_ doc: Doc, date: DayDate?) -> DocumentAnalysis {
    var analysis = DocumentAnalysis(doc: doc)
    guard let matcher else { return analysis }
    analysis.mentions = matcher.mentions(in: doc, date: date)
    placeResolver?.resolve(&analysis.mentions, in: doc)
    Self.placeInDateline(&analysis.mentions, doc: doc)
    guard let eventCoder else { return analysis }
    guard let parsed = ParsedDocument(doc: doc, mentions: analysis.mentions) else {
      analysis.events = []
      return analysis
    }
    analysis.events = eventCoder.events(in: parsed, date: date)
    if let placeResolver, var events = analysis.events {
      placeResolver.locate(&events, mentions: analysis.mentions, in: doc)
      analysis.events = events
    }
    (analysis.agreements, analysis.relations) = AgreementFinder().find(in: parsed, date: date)
    Self.passToSuccessors(&analysis, knowledgeBase: matcher.knowledgeBase)
    analysis.quotes = QuoteFinder().quotes(in: parsed)
    return analysis
  }

  /// Gives the events and agreements of a state that had ended by their date to its successor.
  ///
  /// No state acts after it ended (the 2000 treaty between Moscow and Pyongyang is Russia's).
  static func passToSuccessors(
    _ analysis: inout DocumentAnalysis, knowledgeBase: CountryKnowledgeBase
  ) {
    guard !knowledgeBase.successions.isEmpty else { return }
    func carryOn(_ actor: inout EventActor, _ date: String?) {
      if let (code, country) = knowledgeBase.successor(of: actor.code, on: date) {
        actor.code = code
        actor.country = country
      }
    }
    if var events = analysis.events {
      for i in events.indices {
        carryOn(&events[i].source, events[i].date)
        if var target = events[i].target {
          carryOn(&target, events[i].date)
          events[i].target = target
        }
      }
      analysis.events = events
    }
    for i in analysis.agreements.indices {
      for j in analysis.agreements[i].parties.indices {
        carryOn(&analysis.agreements[i].parties[j], analysis.agreements[i].date)
      }
    }
  }

  /// Gives agents written with no country (`---GOV`: `the ministry said`) the country of the
  /// document's dateline (`KABUL (Pajhwok) -`): a story datelined in a capital or city is
  /// about that country's ministry unless it names another.
  static func placeInDateline(_ mentions: inout [ActorMention], doc: Doc) {
    guard let dateline = doc.sentences.firstIndex(where: \.isDateline),
      let country = mentions.first(where: { $0.sentence == dateline && $0.country != nil })?
        .country
    else { return }
    for i in mentions.indices
    where mentions[i].sentence != dateline && mentions[i].country == nil
      && mentions[i].code.hasPrefix("---")
    {
      mentions[i].code = country + mentions[i].code.dropFirst(3)
      mentions[i].country = country
      mentions[i].resolvedFrom = .dateline
    }
  }

  /// Codes one input document into Entente's document model.
  ///
  /// - Parameters:
  ///   - input: The document and its metadata.
  ///   - tokens: Whether the model keeps every token with its tags, lemma and head.
  public func code(_ input: InputDocument, tokens: Bool = false) -> CodedDocument {
    code(input, tokens: tokens, counting: { _, _ in })
  }

  /// Codes one input document into Entente's document model, and reports its size.
  ///
  /// - Parameters:
  ///   - input: The document and its metadata.
  ///   - tokens: Whether the model keeps every token with its tags, lemma and head.
  ///   - counting: Called with the sentences and tokens found, part by part.
  public func code(
    _ input: InputDocument, tokens: Bool = false,
    counting: (_ sentences: Int, _ tokens: Int) -> Void
  ) -> CodedDocument {
    var document: CodedDocument?
    code(input, tokens: tokens, counting: counting) { part in
      if document == nil { document = part } else { document?.append(part) }
    }
    guard let document else { preconditionFailure("every text has a first part") }
    return document
  }

  /// Codes one input document part by part (a document within ``partBytes`` is one part),
  /// handing over each part as soon as it is coded, with the offsets and indices of the
  /// whole document and the content hash of the whole input: what writes a long document
  /// holds one part at a time.
  ///
  /// - Parameters:
  ///   - input: The document and its metadata.
  ///   - tokens: Whether the model keeps every token with its tags, lemma and head.
  ///   - counting: Called with the sentences and tokens found, part by part.
  ///   - parts: Called with each part, in order.
  public func code(
    _ input: InputDocument, tokens: Bool = false,
    counting: (_ sentences: Int, _ tokens: Int) -> Void,
    parts: (CodedDocument) -> Void
  ) {
    let date = input.date.flatMap(DayDate.init(iso:))
    let texts = Self.parts(of: input.text, limit: partBytes)
    // A document of one part (any news article) is coded as it is: no copy of its text, its
    // content hash computed once.
    guard texts.count > 1 else {
      let analysis = code(text: input.text, date: date)
      counting(analysis.doc.sentences.count, analysis.doc.tokens.count)
      parts(CodedDocument(analysis: analysis, input: input, tokens: tokens))
      return
    }
    let hash = CodedDocument.hash(of: input)
    var start = PartStart()
    for text in texts {
      var partInput = input
      partInput.text = String(text)
      let analysis = code(text: partInput.text, date: date)
      counting(analysis.doc.sentences.count, analysis.doc.tokens.count)
      let coded = CodedDocument(analysis: analysis, input: partInput, tokens: tokens)
      var part = coded.moved(to: start)
      part.contentHash = hash
      start.advance(past: coded, tokens: analysis.doc.tokens.count)
      parts(part)
    }
  }

  /// `text` in parts of at most `limit` UTF-8 bytes.
  ///
  /// Each is cut after the last paragraph break (a blank line) of the second half of the
  /// part, else its last line break, else its last sentence end (`. `), else its last space,
  /// else at a character boundary. A text within the limit is one part.
  static func parts(of text: String, limit: Int) -> [Substring] {
    let utf8 = text.utf8
    guard utf8.count > limit else { return [text[...]] }
    let bytes = Array(utf8)
    var parts: [Substring] = []
    var start = utf8.startIndex
    var offset = 0
    while bytes.count - offset > limit {
      let end = offset + limit
      let floor = offset + limit / 2
      func lastCut(after pattern: [UInt8]) -> Int? {
        var index = end - pattern.count
        while index >= floor {
          if bytes[index..<index + pattern.count].elementsEqual(pattern) {
            return index + pattern.count
          }
          index -= 1
        }
        return nil
      }
      var cut =
        lastCut(after: [0x0A, 0x0A]) ?? lastCut(after: [0x0A]) ?? lastCut(after: [0x2E, 0x20])
        ?? lastCut(after: [0x20]) ?? end
      // Not inside a character: back to the first byte of one.
      while cut > offset + 1 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
      let next = utf8.index(start, offsetBy: cut - offset)
      parts.append(text[start..<next])
      start = next
      offset = cut
    }
    parts.append(text[start...])
    return parts
  }
}

/// What ``DocumentCoder`` found in one document, indexed by token.
public struct DocumentAnalysis: Sendable {
  /// The document, through the coder's last stage.
  public let doc: Doc
  /// The actor mentions, in text order.
  public var mentions: [ActorMention] = []
  /// The events in text order; `nil` when the coder stops before events.
  public var events: [Event]?
  /// The quotes and reported statements.
  public var quotes: [Quote] = []
  /// The agreements named, in the order they are first named.
  public var agreements: [Agreement] = []
  /// The relations between actors that the text states.
  public var relations: [ActorRelation] = []

  /// An analysis of `doc` with nothing found yet.
  public init(doc: Doc) { self.doc = doc }
}

/// The shipped models, knowledge base, lexicon and PETRARCH dictionaries, loaded once per
/// process and shared.
enum SharedResources {
  private static let withParser: Result<Models, ModelFileError> = Result {
    () throws(ModelFileError) in
    try Models.bundled(parser: true)
  }
  private static let taggerOnly: Result<Models, ModelFileError> = Result {
    () throws(ModelFileError) in
    try Models.bundled(parser: false)
  }
  private static let ownMatcher: Result<ActorMatcher, DictionaryIssue> = Result {
    () throws(DictionaryIssue) in
    ActorMatcher(knowledgeBase: try CountryKnowledgeBase.bundled())
  }
  private static let fullMatcher: Result<ActorMatcher, DictionaryIssue> = Result {
    () throws(DictionaryIssue) in
    // The shipped dictionaries are read without warnings (Scripts/import-petrarch.py
    // leaves out what Entente's readers cannot read).
    try ActorMatcher.load(
      actorPaths: [try petrarchFile("Phoenix.actors")],
      agentPaths: [try petrarchFile("Phoenix.agents")], warning: { _ in })
  }
  private static let ownCoder: Result<EventCoder, DictionaryIssue> = Result {
    () throws(DictionaryIssue) in
    try EventCoder.bundled()
  }
  private static let fullCoder: Result<EventCoder, DictionaryIssue> = Result {
    () throws(DictionaryIssue) in
    let own = try EventCoder.bundled()
    let (patterns, _) = try PetrarchVerbReader.read(path: try petrarchFile("CAMEO.2.0.verbs"))
    // PETRARCH's patterns code only the verbs and nouns Entente's lexicon has no rule for.
    return EventCoder(ontology: own.ontology, lexicon: own.lexicon.merged(beneath: patterns))
  }

  static func models(parser: Bool) throws(ModelFileError) -> Models {
    try (parser ? withParser : taggerOnly).get()
  }

  static func eventCoder(petrarch: Bool) throws(ModelFileError) -> EventCoder {
    do {
      return try (petrarch ? fullCoder : ownCoder).get()
    } catch {
      throw ModelFileError(path: "\(error.path):\(error.line)", error.message)
    }
  }

  static func matcher(petrarch: Bool) throws(ModelFileError) -> ActorMatcher {
    do {
      return try (petrarch ? fullMatcher : ownMatcher).get()
    } catch {
      throw ModelFileError(path: error.path, error.message)
    }
  }

  /// The path of a shipped PETRARCH dictionary (`Phoenix.actors`).
  static func petrarchPath(_ name: String) throws(ModelFileError) -> String {
    do {
      return try petrarchFile(name)
    } catch {
      throw ModelFileError(path: error.path, error.message)
    }
  }

  private static func petrarchFile(_ name: String) throws(DictionaryIssue) -> String {
    guard let path = Bundle.module.path(forResource: name, ofType: "txt", inDirectory: "Petrarch")
    else { throw DictionaryIssue(path: "Petrarch/\(name).txt", line: 0, "is not installed") }
    return path
  }
}
