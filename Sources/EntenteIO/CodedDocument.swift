public import EntenteCoding
public import EntenteNLP

/// A coded document as plain values.
///
/// It is what `entente code` writes as JSON, in the form the event store keeps and gives
/// back. Offsets are Unicode scalar offsets into `text`.
public struct CodedDocument: Sendable, Equatable, Codable {
  /// The document id.
  public var id: String
  /// The publication date, `YYYY-MM-DD`.
  public var date: String?
  /// The headline.
  public var title: String?
  /// The URL.
  public var url: String?
  /// The publisher or feed.
  public var source: String?
  /// The text (NFC).
  public var text: String
  /// A hash of the text and metadata, hexadecimal: a stored document with the same id and
  /// hash is the same document.
  public var contentHash: String
  /// The sentences.
  public var sentences: [Sentence]
  /// The actor mentions.
  public var mentions: [Mention]
  /// The events.
  public var events: [CodedEvent]
  /// The quotes and reported statements.
  public var quotes: [CodedQuote] = []
  /// The agreements named.
  public var agreements: [CodedAgreement] = []
  /// The relations between actors (allies, partners, rivals, ...).
  public var relations: [CodedRelation] = []

  /// A stretch of the text.
  public struct Span: Sendable, Equatable, Codable {
    /// The first scalar.
    public var start: Int
    /// The scalar after the last.
    public var end: Int
    /// The text.
    public var text: String

    /// Creates a span.
    public init(start: Int, end: Int, text: String) {
      self.start = start
      self.end = end
      self.text = text
    }
  }

  /// A sentence.
  public struct Sentence: Sendable, Equatable, Codable {
    /// Where it is.
    public var span: Span
    /// Whether it is the dateline.
    public var dateline: Bool

    /// Creates a sentence.
    public init(span: Span, dateline: Bool) {
      self.span = span
      self.dateline = dateline
    }
  }

  /// An actor mention (see ``ActorMention``).
  public struct Mention: Sendable, Equatable, Codable {
    /// The sentence index.
    public var sentence: Int
    /// Where it is.
    public var span: Span
    /// `country`, `person`, `organisation`, `location`, `group` or `actor`.
    public var type: String
    /// The actor code, if any.
    public var code: String?
    /// The country's ISO alpha-3 code.
    public var country: String?
    /// The canonical name.
    public var canonical: String
    /// `metonym`, `coreference`, `context`, or nil.
    public var resolvedFrom: String?
    /// The title written with a person.
    public var role: String?
    /// The index of the organisation a person belongs to.
    public var affiliation: Int?

    /// Creates a mention.
    public init(
      sentence: Int, span: Span, type: String, code: String?, country: String?,
      canonical: String, resolvedFrom: String? = nil, role: String? = nil, affiliation: Int? = nil
    ) {
      self.sentence = sentence
      self.span = span
      self.type = type
      self.code = code
      self.country = country
      self.canonical = canonical
      self.resolvedFrom = resolvedFrom
      self.role = role
      self.affiliation = affiliation
    }
  }

  /// An event's source or target.
  public struct Actor: Sendable, Equatable, Codable {
    /// The actor code.
    public var code: String
    /// The country.
    public var country: String?
    /// Where it is named.
    public var span: Span

    /// Creates an actor.
    public init(code: String, country: String?, span: Span) {
      self.code = code
      self.country = country
      self.span = span
    }
  }

  /// An event, with every field of the `events[]` output.
  public struct CodedEvent: Sendable, Equatable, Codable {
    /// The sentence index.
    public var sentence: Int
    /// The CAMEO code.
    public var code: String
    /// The CAMEO root (first two digits).
    public var root: String
    /// The CAMEO name, null for codes outside CAMEO.
    public var label: String?
    /// The PLOVER event type.
    public var plover: String?
    /// The Goldstein score.
    public var goldstein: Double
    /// The quad class (1 to 4), null outside CAMEO.
    public var quadClass: Int?
    /// Who acts.
    public var source: Actor
    /// Who is acted on.
    public var target: Actor?
    /// `asserted`, `negated`, `hypothetical`, `intended`, `claimed` or `denied`.
    public var mode: String
    /// When, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var date: String?
    /// The words that gave the date.
    public var dateText: String?
    /// The span that supports the event.
    public var evidence: Span
    /// The lexicon or dictionary and rule that coded it.
    public var coder: String

    /// Creates an event.
    public init(
      sentence: Int, code: String, root: String, label: String?, plover: String?,
      goldstein: Double, quadClass: Int?, source: Actor, target: Actor?, mode: String,
      date: String?, dateText: String?, evidence: Span, coder: String
    ) {
      self.sentence = sentence
      self.code = code
      self.root = root
      self.label = label
      self.plover = plover
      self.goldstein = goldstein
      self.quadClass = quadClass
      self.source = source
      self.target = target
      self.mode = mode
      self.date = date
      self.dateText = dateText
      self.evidence = evidence
      self.coder = coder
    }
  }

  /// Who said a quote.
  public struct Speaker: Sendable, Equatable, Codable {
    /// Where the speaker is named.
    public var span: Span
    /// The actor code, if known.
    public var code: String?
    /// The country.
    public var country: String?
    /// The canonical name, null for an unnamed source (`officials`).
    public var canonical: String?
    /// The canonical name of the organisation the speaker belongs to.
    public var affiliation: String?

    /// Creates a speaker.
    public init(
      span: Span, code: String?, country: String?, canonical: String?, affiliation: String?
    ) {
      self.span = span
      self.code = code
      self.country = country
      self.canonical = canonical
      self.affiliation = affiliation
    }
  }

  /// A quote or reported statement (docs/quotes.md).
  public struct CodedQuote: Sendable, Equatable, Codable {
    /// The sentence index.
    public var sentence: Int
    /// Who said it, if found.
    public var speaker: Speaker?
    /// The verb of saying.
    public var cue: String?
    /// What was said: its extent, and its text without an attribution inside it.
    public var content: Span
    /// `direct`, `indirect` or `mixed`.
    public var kind: String

    /// Creates a quote.
    public init(sentence: Int, speaker: Speaker?, cue: String?, content: Span, kind: String) {
      self.sentence = sentence
      self.speaker = speaker
      self.cue = cue
      self.content = content
      self.kind = kind
    }
  }

  /// An agreement named in the text (docs/agreements.md).
  public struct CodedAgreement: Sendable, Equatable, Codable {
    /// The sentence index.
    public var sentence: Int
    /// Its name, if it has one.
    public var name: String?
    /// The parties.
    public var parties: [Actor]
    /// ATOP obligations: `defence`, `offence`, `neutrality`, `nonaggression`, `consultation`.
    public var obligations: [String]
    /// The Correlates of War type.
    public var cowType: String?
    /// When it was signed or made.
    public var date: String?
    /// The words that gave the date.
    public var dateText: String?
    /// `proposed`, `signed`, `in force`, `replaced`, `terminated` or `violated`.
    public var status: String?
    /// The index of the agreement it replaces.
    public var replaces: Int?
    /// The index of the agreement that replaced it.
    public var replacedBy: Int?
    /// Where it is named.
    public var evidence: Span
    /// Later references to it (`the pact`).
    public var references: [Span]

    /// Creates an agreement.
    public init(
      sentence: Int, name: String?, parties: [Actor], obligations: [String], cowType: String?,
      date: String?, dateText: String?, status: String?, replaces: Int?, replacedBy: Int?,
      evidence: Span, references: [Span]
    ) {
      self.sentence = sentence
      self.name = name
      self.parties = parties
      self.obligations = obligations
      self.cowType = cowType
      self.date = date
      self.dateText = dateText
      self.status = status
      self.replaces = replaces
      self.replacedBy = replacedBy
      self.evidence = evidence
      self.references = references
    }
  }

  /// A relation between two actors.
  public struct CodedRelation: Sendable, Equatable, Codable {
    /// The sentence index.
    public var sentence: Int
    /// The first actor.
    public var source: Actor
    /// The second actor.
    public var target: Actor
    /// `ally`, `partner`, `rival`, `dependence` or `alliance`.
    public var kind: String
    /// The words that say it.
    public var evidence: Span

    /// Creates a relation.
    public init(sentence: Int, source: Actor, target: Actor, kind: String, evidence: Span) {
      self.sentence = sentence
      self.source = source
      self.target = target
      self.kind = kind
      self.evidence = evidence
    }
  }

  /// Creates a coded document from its parts.
  public init(
    id: String, date: String?, title: String?, url: String?, source: String?, text: String,
    sentences: [Sentence], mentions: [Mention], events: [CodedEvent],
    quotes: [CodedQuote] = [], agreements: [CodedAgreement] = [], relations: [CodedRelation] = []
  ) {
    self.id = id
    self.date = date
    self.title = title
    self.url = url
    self.source = source
    self.text = text
    self.contentHash = Self.hash(text: text, date: date, title: title, url: url, source: source)
    self.sentences = sentences
    self.mentions = mentions
    self.events = events
    self.quotes = quotes
    self.agreements = agreements
    self.relations = relations
  }

  /// The coded form of a processed document.
  public init(
    doc: Doc, input: InputDocument, mentions: [ActorMention], events: [Event],
    quotes: [Quote] = [], agreements: [Agreement] = [], relations: [ActorRelation] = []
  ) {
    let offsets = ScalarOffsets(doc.text)
    func span(_ tokens: Range<Int>) -> Span {
      let view = EntenteNLP.Span(doc: doc, tokens: tokens)
      let bytes = view.byteRange
      return Span(
        start: offsets.scalarOffset(ofByte: bytes.lowerBound),
        end: offsets.scalarOffset(ofByte: bytes.upperBound), text: view.text)
    }
    func actor(_ actor: EventActor) -> Actor {
      Actor(code: actor.code, country: actor.country, span: span(actor.tokens))
    }
    self.init(
      id: input.id, date: input.date, title: input.title, url: input.url, source: input.source,
      text: doc.text,
      sentences: doc.sentences.map {
        Sentence(span: span(Int($0.tokenStart)..<Int($0.tokenEnd)), dateline: $0.isDateline)
      },
      mentions: mentions.map {
        Mention(
          sentence: $0.sentence, span: span($0.tokens), type: $0.type.rawValue,
          code: $0.code.isEmpty ? nil : $0.code, country: $0.country, canonical: $0.canonical,
          resolvedFrom: $0.resolvedFrom, role: $0.role, affiliation: $0.affiliation)
      },
      events: events.map { event in
        CodedEvent(
          sentence: event.sentence, code: event.type.code, root: event.type.root,
          label: event.type.name.isEmpty ? nil : event.type.name,
          plover: event.type.plover.isEmpty ? nil : event.type.plover,
          goldstein: event.type.goldstein,
          quadClass: event.type.quadClass > 0 ? event.type.quadClass : nil,
          source: actor(event.source), target: event.target.map(actor), mode: event.mode.rawValue,
          date: event.date, dateText: event.dateText, evidence: span(event.evidence),
          coder: "entente \(event.rule)")
      },
      quotes: quotes.map { quote in
        let content = span(quote.content)
        return CodedQuote(
          sentence: quote.sentence,
          speaker: quote.speakerTokens.map { tokens in
            let mention = quote.speaker.map { mentions[$0] }
            return Speaker(
              span: span(tokens), code: mention.flatMap { $0.code.isEmpty ? nil : $0.code },
              country: mention?.country, canonical: mention?.canonical,
              affiliation: mention?.affiliation.map { mentions[$0].canonical })
          },
          cue: quote.cue.map { EntenteNLP.Span(doc: doc, tokens: $0..<$0 + 1).text },
          content: Span(
            start: content.start, end: content.end,
            text: quote.parts.map { EntenteNLP.Span(doc: doc, tokens: $0).text }
              .joined(separator: " ")),
          kind: quote.kind.rawValue)
      },
      agreements: agreements.map { agreement in
        CodedAgreement(
          sentence: agreement.sentence,
          name: agreement.name.map { EntenteNLP.Span(doc: doc, tokens: $0).text },
          parties: agreement.parties.map(actor), obligations: agreement.obligations,
          cowType: agreement.cowType, date: agreement.date, dateText: agreement.dateText,
          status: agreement.status, replaces: agreement.replaces,
          replacedBy: agreement.replacedBy, evidence: span(agreement.tokens),
          references: agreement.references.map(span))
      },
      relations: relations.map { relation in
        CodedRelation(
          sentence: relation.sentence, source: actor(relation.source),
          target: actor(relation.target), kind: relation.kind, evidence: span(relation.evidence))
      })
    // The hash is of the document as given (before normalisation), so that an input can be
    // checked against the store before it is coded.
    contentHash = Self.hash(of: input)
  }

  /// The content hash of an input document.
  public static func hash(of input: InputDocument) -> String {
    hash(
      text: input.text, date: input.date, title: input.title, url: input.url, source: input.source)
  }

  /// The content hash of a document: 64-bit FNV-1a over its fields, each ended by a zero
  /// byte, as 16 hexadecimal digits.
  public static func hash(
    text: String, date: String?, title: String?, url: String?, source: String?
  ) -> String {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for field in [text, date ?? "", title ?? "", url ?? "", source ?? ""] {
      for byte in field.utf8 {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
      }
      value = (value ^ 0) &* 0x0000_0100_0000_01B3
    }
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
