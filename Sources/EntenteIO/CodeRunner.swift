import EntenteCoding
public import EntenteNLP
public import Foundation

/// What `entente code` is asked to do.
public struct CodeOptions: Sendable {
  /// Files, directories or `-`; empty for standard input.
  public var paths: [String] = []
  /// How to read the inputs, the default date and the size limit.
  public var reading = DocumentReader.Options()
  /// The output format.
  public var format: OutputFormat = .json
  /// Whether to write tokens.
  public var includeTokens = false
  /// The last pipeline stage to run.
  public var until: PipelineStage = .events
  /// The models for the statistical stages; `nil` loads the shipped ones when needed.
  public var models: Models?
  /// PETRARCH actor dictionaries consulted after the knowledge base.
  public var actorDictionaries: [String] = []
  /// PETRARCH agent dictionaries consulted after the knowledge base's agents.
  public var agentDictionaries: [String] = []
  /// Whether to use the shipped knowledge base; without it only the dictionaries are used.
  public var useKnowledgeBase = true
  /// PETRARCH-2 verb dictionaries (CAMEO.2.0 syntax) to code events with.
  public var verbDictionaries: [String] = []
  /// Whether Entente's own lexicon is kept beside the verb dictionaries.
  public var keepLexicon = false
  /// PETRARCH discard lists: sentences (or stories) with one of their phrases code no events.
  public var discardLists: [String] = []

  /// Creates the default options.
  public init() {}
}

/// What a run did, for the summary line and the exit status.
public struct CodeSummary: Sendable, Equatable {
  /// Documents processed.
  public var documents = 0
  /// Inputs or records rejected.
  public var rejected = 0
  /// Warnings reported.
  public var warnings = 0
  /// Sentences found.
  public var sentences = 0
  /// Tokens found.
  public var tokens = 0
  /// UTF-8 bytes of text processed.
  public var bytes = 0
  /// Whether the run stopped early because the output was closed.
  public var outputClosed = false
  /// A fatal output error, if any.
  public var outputFailure: String?

  /// Creates an empty summary.
  public init() {}

  /// 0 when everything was processed, 1 when some input was rejected or output failed.
  public var exitStatus: Int32 { rejected > 0 || outputFailure != nil ? 1 : 0 }
}

/// Runs `entente code`: reads documents, runs the pipeline and writes the results.
public struct CodeRunner: Sendable {
  private let options: CodeOptions
  private let pipeline: Pipeline
  private let matcher: ActorMatcher?
  private let coder: EventCoder?

  /// Creates a runner, loading the shipped models when the stages need them.
  ///
  /// - Throws: ``ModelFileError`` when a model cannot be loaded.
  public init(options: CodeOptions) throws(ModelFileError) {
    self.options = options
    var models = options.models
    if models == nil && options.until >= .tags {
      models = try SharedModels.load(parser: options.until >= .parse)
    }
    // Events come after the parse, with Entente's lexicon or the user's verb dictionaries.
    var eventCoder: EventCoder?
    if options.until < .events {
      eventCoder = nil
    } else if options.verbDictionaries.isEmpty {
      eventCoder = try SharedModels.eventCoder()
    } else {
      let shipped = try SharedModels.eventCoder()
      var lexicon = options.keepLexicon ? shipped.lexicon : EventLexicon()
      for path in options.verbDictionaries {
        do {
          lexicon = lexicon.merged(with: try PetrarchVerbReader.read(path: path).0)
        } catch {
          throw ModelFileError(path: "\(error.path)", error.message)
        }
      }
      var petrarch = EventCoder(ontology: shipped.ontology, lexicon: lexicon)
      // Alone, PETRARCH's codes mean what they say; beside Entente's, intents are recoded.
      petrarch.keepsCodes = !options.keepLexicon
      eventCoder = petrarch
    }
    if !options.discardLists.isEmpty, var withDiscards = eventCoder {
      var text = ""
      for path in options.discardLists {
        guard let data = FileManager.default.contents(atPath: path),
          let contents = String(validating: data, as: UTF8.self)
        else { throw ModelFileError(path: path, "cannot be read as UTF-8 text") }
        text += contents + "\n"
      }
      withDiscards.discards = DiscardList.parse(text)
      eventCoder = withDiscards
    }
    coder = eventCoder
    // Actor mentions come with the tagged stages.
    if options.until < .tags {
      matcher = nil
    } else if options.actorDictionaries.isEmpty && options.agentDictionaries.isEmpty
      && options.useKnowledgeBase
    {
      matcher = try SharedModels.matcher()
    } else {
      var warnings: [String] = []
      do {
        matcher = try ActorMatcher.load(
          actorPaths: options.actorDictionaries, agentPaths: options.agentDictionaries,
          knowledgeBase: options.useKnowledgeBase, warning: { warnings.append("\($0)") })
      } catch {
        throw ModelFileError(path: error.path, error.message)
      }
      dictionaryWarnings = warnings
    }
    // The matcher's names guide the tagger (an unknown `Arnor` is a name, not `nor`).
    do {
      self.pipeline = try Pipeline.standard(
        until: options.until, models: models, nameHints: matcher.map(NameHints.init))
    } catch {
      throw ModelFileError(path: "Models", "\(error)")
    }
  }

  /// Codes one document through the runner's stages, as plain values.
  public func code(_ input: InputDocument) -> CodedDocument {
    let found = analyse(input)
    return CodedDocument(
      doc: found.doc, input: input, mentions: found.mentions, events: found.events ?? [],
      quotes: found.quotes, agreements: found.agreements, relations: found.relations)
  }

  /// What the runner's stages find in one document; `events` is nil when the runner stops
  /// before events, and quotes, agreements and relations are then empty.
  private func analyse(_ input: InputDocument) -> (
    doc: Doc, mentions: [ActorMention], events: [Event]?, quotes: [Quote],
    agreements: [Agreement], relations: [ActorRelation]
  ) {
    let doc = pipeline(input.text)
    let date = input.date.flatMap(DayDate.init(iso:))
    let mentions = matcher?.mentions(in: doc, date: date) ?? []
    guard let coder else { return (doc, mentions, nil, [], [], []) }
    let events = coder.events(in: doc, mentions: mentions, date: date)
    let quotes = QuoteFinder().quotes(in: doc, mentions: mentions)
    let (agreements, relations) = AgreementFinder().find(in: doc, mentions: mentions, date: date)
    return (doc, mentions, events, quotes, agreements, relations)
  }

  /// Codes documents and writes them as `entente code` does, into memory.
  ///
  /// - Parameters:
  ///   - inputs: The documents.
  ///   - format: `json` (one array) or `jsonl` (an object per line).
  /// - Returns: The output's bytes, and the number of words (tokens) coded.
  public func write(_ inputs: [InputDocument], format: OutputFormat = .json) -> (
    bytes: [UInt8], tokens: Int
  ) {
    let sink = MemorySink()
    var writer = DocumentWriter(
      format: format, includeTokens: options.includeTokens, events: coder != nil, sink: sink)
    var tokens = 0
    // A memory sink does not fail.
    try? writer.begin()
    for input in inputs {
      let found = analyse(input)
      tokens += found.doc.tokens.count
      try? writer.write(
        found.doc, input: input, mentions: found.mentions, events: found.events,
        quotes: found.quotes, agreements: found.agreements, relations: found.relations)
    }
    try? writer.finish()
    return (sink.bytes, tokens)
  }

  /// Lines of the user's dictionaries that could not be read (`file:line: message`); the
  /// rest of each file is used.
  public private(set) var dictionaryWarnings: [String] = []

  /// Processes every input, streaming.
  ///
  /// - Parameters:
  ///   - output: Where results go.
  ///   - diagnostics: Receives each error and warning line (`error: ...`, `warning: ...`).
  ///   - standardInput: The handle read for `-`.
  /// - Returns: What was done.
  public func run(
    output: any OutputSink, diagnostics: (String) -> Void,
    standardInput: @escaping @Sendable () -> FileHandle = { FileHandle.standardInput }
  ) -> CodeSummary {
    var summary = CodeSummary()
    var writer = DocumentWriter(
      format: options.format, includeTokens: options.includeTokens, events: coder != nil,
      sink: output)
    var reader = DocumentReader(
      paths: options.paths, options: options.reading, standardInput: standardInput)
    do {
      try writer.begin()
      while let item = reader.next() {
        switch item {
        case .failure(let error):
          summary.rejected += 1
          diagnostics("error: \(error)")
        case .document(let input, let warnings):
          for warning in warnings { diagnostics("warning: \(warning)") }
          summary.warnings += warnings.count
          let found = analyse(input)
          summary.documents += 1
          summary.sentences += found.doc.sentences.count
          summary.tokens += found.doc.tokens.count
          summary.bytes += found.doc.byteCount
          try writer.write(
            found.doc, input: input, mentions: found.mentions, events: found.events,
            quotes: found.quotes, agreements: found.agreements, relations: found.relations)
        }
      }
      try writer.finish()
    } catch {
      if error.isBrokenPipe {
        summary.outputClosed = true
      } else {
        summary.outputFailure = error.description
        diagnostics("error: cannot write output: \(error)")
      }
    }
    return summary
  }
}

/// The shipped models, loaded once per process.
enum SharedModels {
  private static let withParser: Result<Models, ModelFileError> = Result {
    () throws(ModelFileError) in
    try Models.bundled(parser: true)
  }
  private static let taggerOnly: Result<Models, ModelFileError> = Result {
    () throws(ModelFileError) in
    try Models.bundled(parser: false)
  }

  private static let actorMatcher: Result<ActorMatcher, DictionaryIssue> = Result {
    () throws(DictionaryIssue) in
    ActorMatcher(knowledgeBase: try CountryKnowledgeBase.bundled())
  }

  private static let sharedCoder: Result<EventCoder, DictionaryIssue> = Result {
    () throws(DictionaryIssue) in
    try EventCoder.bundled()
  }

  static func eventCoder() throws(ModelFileError) -> EventCoder {
    do {
      return try sharedCoder.get()
    } catch {
      throw ModelFileError(path: "\(error.path):\(error.line)", error.message)
    }
  }

  static func load(parser: Bool) throws(ModelFileError) -> Models {
    try (parser ? withParser : taggerOnly).get()
  }

  static func matcher() throws(ModelFileError) -> ActorMatcher {
    do {
      return try actorMatcher.get()
    } catch {
      throw ModelFileError(path: error.path, error.message)
    }
  }
}
