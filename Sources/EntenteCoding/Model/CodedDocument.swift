import EntenteNLP

/// A coded document as plain values: Entente's one document model.
///
/// It is built in one place, ``init(analysis:input:tokens:)``, from what ``DocumentCoder``
/// finds. `entente code` writes it as JSON (`entente.document/1`, docs/output-format.md) and
/// TSV, the event store keeps it and gives it back, and the server answers with it. Closed
/// sets are enums; offsets are Unicode scalar offsets into `text`.
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
  /// The tokens of a document that is not split into sentences, when tokens were asked for
  /// (a segmented document has them in its sentences).
  public var tokens: [Token]?
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
    /// Its tokens, when tokens were asked for.
    public var tokens: [Token]?

    /// Creates a sentence.
    public init(span: Span, dateline: Bool, tokens: [Token]? = nil) {
      self.span = span
      self.dateline = dateline
      self.tokens = tokens
    }
  }

  /// A token, with what the pipeline's stages gave it.
  public struct Token: Sendable, Equatable, Codable {
    /// Its index in the document.
    public var index: Int
    /// Where it is.
    public var span: Span
    /// Its kind (`word`, `punctuation`, `number`, ...).
    public var kind: String
    /// Whether white space follows it.
    public var spaceAfter: Bool
    /// The Penn Treebank tag, once tagged.
    public var xpos: String?
    /// The Universal tag, once tagged.
    public var upos: String?
    /// The lemma, once lemmatized.
    public var lemma: String?
    /// Its head and relation, once parsed.
    public var dependency: Dependency?

    /// A token's link to its head.
    public struct Dependency: Sendable, Equatable, Codable {
      /// The head's index, or `nil` for the root.
      public var head: Int?
      /// The Universal Dependencies relation (`nsubj`, `obl:agent`).
      public var relation: String

      /// Creates a link.
      public init(head: Int?, relation: String) {
        self.head = head
        self.relation = relation
      }
    }

    /// Creates a token.
    public init(
      index: Int, span: Span, kind: String, spaceAfter: Bool, xpos: String? = nil,
      upos: String? = nil, lemma: String? = nil, dependency: Dependency? = nil
    ) {
      self.index = index
      self.span = span
      self.kind = kind
      self.spaceAfter = spaceAfter
      self.xpos = xpos
      self.upos = upos
      self.lemma = lemma
      self.dependency = dependency
    }
  }

  /// An actor mention (see ``ActorMention``).
  public struct Mention: Sendable, Equatable, Codable {
    /// The sentence index.
    public var sentence: Int
    /// Where it is.
    public var span: Span
    /// What it names.
    public var type: MentionType
    /// The actor code, if any.
    public var code: ActorCode?
    /// The country.
    public var country: CountryCode?
    /// The canonical name.
    public var canonical: String
    /// How it was resolved, when not directly.
    public var resolvedFrom: MentionResolution?
    /// The title written with a person.
    public var role: String?
    /// The index of the organisation a person belongs to.
    public var affiliation: Int?
    /// Where the place is, for a place the gazetteer resolves (docs/places.md).
    public var location: Location? = nil

    /// Creates a mention.
    public init(
      sentence: Int, span: Span, type: MentionType, code: ActorCode?, country: CountryCode?,
      canonical: String, resolvedFrom: MentionResolution? = nil, role: String? = nil,
      affiliation: Int? = nil, location: Location? = nil
    ) {
      self.location = location
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
    /// The actor code; empty for an actor no dictionary knows (`the court`, written `null`
    /// in JSON).
    public var code: ActorCode
    /// The country.
    public var country: CountryCode?
    /// Where it is named.
    public var span: Span

    /// Creates an actor.
    public init(code: ActorCode, country: CountryCode?, span: Span) {
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
    public var code: EventCode
    /// The CAMEO root (first two digits).
    public var root: String
    /// The CAMEO name, null for codes outside CAMEO.
    public var label: String?
    /// The PLOVER event type.
    public var plover: String?
    /// The Goldstein score.
    public var goldstein: Double
    /// The quad class, null outside CAMEO.
    public var quadClass: QuadClass?
    /// Who acts.
    public var source: Actor
    /// Who is acted on.
    public var target: Actor?
    /// Whether it happened, or was only denied, claimed, intended, ...
    public var mode: EventMode
    /// When, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var date: String?
    /// The words that gave the date.
    public var dateText: String?
    /// The span that supports the event.
    public var evidence: Span
    /// The lexicon or dictionary and rule that coded it.
    public var coder: String
    /// Where it happened (docs/places.md).
    public var location: Location? = nil
    /// The words that named the place.
    public var locationText: String? = nil

    /// Creates an event.
    public init(
      sentence: Int, code: EventCode, root: String, label: String?, plover: String?,
      goldstein: Double, quadClass: QuadClass?, source: Actor, target: Actor?, mode: EventMode,
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
    public var code: ActorCode?
    /// The country.
    public var country: CountryCode?
    /// The canonical name, null for an unnamed source (`officials`).
    public var canonical: String?
    /// The canonical name of the organisation the speaker belongs to.
    public var affiliation: String?

    /// Creates a speaker.
    public init(
      span: Span, code: ActorCode?, country: CountryCode?, canonical: String?,
      affiliation: String?
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
    /// How it is given.
    public var kind: QuoteKind

    /// Creates a quote.
    public init(sentence: Int, speaker: Speaker?, cue: String?, content: Span, kind: QuoteKind) {
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
    /// Its ATOP obligations.
    public var obligations: [Obligation]
    /// The Correlates of War type.
    public var cowType: String?
    /// When it was signed or made.
    public var date: String?
    /// The words that gave the date.
    public var dateText: String?
    /// Its state, when the text says.
    public var status: AgreementStatus?
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
      sentence: Int, name: String?, parties: [Actor], obligations: [Obligation],
      cowType: String?, date: String?, dateText: String?, status: AgreementStatus?,
      replaces: Int?, replacedBy: Int?,
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
    /// The kind.
    public var kind: RelationKind
    /// The words that say it.
    public var evidence: Span

    /// Creates a relation.
    public init(
      sentence: Int, source: Actor, target: Actor, kind: RelationKind, evidence: Span
    ) {
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
    sentences: [Sentence], tokens: [Token]? = nil, mentions: [Mention], events: [CodedEvent],
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
    self.tokens = tokens
    self.mentions = mentions
    self.events = events
    self.quotes = quotes
    self.agreements = agreements
    self.relations = relations
  }

  /// The coded form of what ``DocumentCoder`` found in a document: the one place where the
  /// analysis becomes the model.
  ///
  /// - Parameters:
  ///   - analysis: The document and what was found in it.
  ///   - input: The record it came from, for its id, date and metadata.
  ///   - tokens: Whether to keep every token with its tags, lemma and head.
  public init(analysis: DocumentAnalysis, input: InputDocument, tokens: Bool = false) {
    let doc = analysis.doc
    let mentions = analysis.mentions
    let offsets = ScalarOffsets(doc.text)
    func span(_ tokens: Range<Int>) -> Span {
      let view = EntenteNLP.Span(doc: doc, tokens: tokens)
      let bytes = view.byteRange
      return Span(
        start: offsets.scalarOffset(ofByte: bytes.lowerBound),
        end: offsets.scalarOffset(ofByte: bytes.upperBound), text: view.text)
    }
    func actor(_ actor: EventActor) -> Actor {
      Actor(
        code: ActorCode(rawValue: actor.code), country: actor.country.map(CountryCode.init),
        span: span(actor.tokens))
    }
    func token(_ index: Int) -> Token {
      let data = doc.tokens[index]
      let text = doc.string(bytes: Int(data.start)..<Int(data.end))
      var token = Token(
        index: index,
        span: Span(
          start: offsets.scalarOffset(ofByte: Int(data.start)),
          end: offsets.scalarOffset(ofByte: Int(data.end)), text: text),
        kind: data.kind.name, spaceAfter: data.flags.contains(.spaceAfter))
      if let tagSet = doc.tagSet, Int(data.tag) < tagSet.count {
        token.xpos = tagSet.xpos[Int(data.tag)]
        token.upos = tagSet.upos[Int(data.tag)]
      }
      if index < doc.lemmas.count { token.lemma = doc.lemmas[index] }
      if let labelSet = doc.labelSet {
        token.dependency = Token.Dependency(
          head: data.head >= 0 ? Int(data.head) : nil,
          relation: Int(data.deprel) < labelSet.names.count
            ? labelSet.names[Int(data.deprel)] : "dep")
      }
      return token
    }
    self.init(
      id: input.id, date: input.date, title: input.title, url: input.url, source: input.source,
      text: doc.text,
      sentences: doc.sentences.map {
        let range = Int($0.tokenStart)..<Int($0.tokenEnd)
        return Sentence(
          span: span(range), dateline: $0.isDateline, tokens: tokens ? range.map(token) : nil)
      },
      tokens: tokens && !doc.attributes.contains(.sentences)
        ? doc.tokens.indices.map(token) : nil,
      mentions: mentions.map {
        Mention(
          sentence: $0.sentence, span: span($0.tokens), type: $0.type,
          code: $0.code.isEmpty ? nil : ActorCode(rawValue: $0.code),
          country: $0.country.map(CountryCode.init), canonical: $0.canonical,
          resolvedFrom: $0.resolvedFrom, role: $0.role, affiliation: $0.affiliation,
          location: $0.location)
      },
      events: (analysis.events ?? []).map { event in
        var coded = CodedEvent(
          sentence: event.sentence, code: EventCode(rawValue: event.type.code),
          root: event.type.root,
          label: event.type.name.isEmpty ? nil : event.type.name,
          plover: event.type.plover.isEmpty ? nil : event.type.plover,
          goldstein: event.type.goldstein, quadClass: QuadClass(rawValue: event.type.quadClass),
          source: actor(event.source), target: event.target.map(actor), mode: event.mode,
          date: event.date, dateText: event.dateText, evidence: span(event.evidence),
          coder: "entente \(event.rule)")
        coded.location = event.location
        coded.locationText = event.locationMention.map { span(mentions[$0].tokens).text }
        return coded
      },
      quotes: analysis.quotes.map { quote in
        let content = span(quote.content)
        return CodedQuote(
          sentence: quote.sentence,
          speaker: quote.speakerTokens.map { tokens in
            let mention = quote.speaker.map { mentions[$0] }
            return Speaker(
              span: span(tokens),
              code: mention.flatMap { $0.code.isEmpty ? nil : ActorCode(rawValue: $0.code) },
              country: mention?.country.map(CountryCode.init), canonical: mention?.canonical,
              affiliation: mention?.affiliation.map { mentions[$0].canonical })
          },
          cue: quote.cue.map { EntenteNLP.Span(doc: doc, tokens: $0..<$0 + 1).text },
          // An interrupted quotation's text is its quoted parts, without the attribution.
          content: Span(
            start: content.start, end: content.end,
            text: quote.parts.map { EntenteNLP.Span(doc: doc, tokens: $0).text }
              .joined(separator: " ")),
          kind: quote.kind)
      },
      agreements: analysis.agreements.map { agreement in
        CodedAgreement(
          sentence: agreement.sentence,
          name: agreement.name.map { EntenteNLP.Span(doc: doc, tokens: $0).text },
          parties: agreement.parties.map(actor), obligations: agreement.obligations,
          cowType: agreement.cowType, date: agreement.date, dateText: agreement.dateText,
          status: agreement.status, replaces: agreement.replaces,
          replacedBy: agreement.replacedBy, evidence: span(agreement.tokens),
          references: agreement.references.map(span))
      },
      relations: analysis.relations.map { relation in
        CodedRelation(
          sentence: relation.sentence, source: actor(relation.source),
          target: actor(relation.target), kind: relation.kind, evidence: span(relation.evidence))
      })
    // The hash is of the document as given (before normalisation), so that an input can be
    // checked against the store before it is coded.
    contentHash = Self.hash(of: input)
  }

  /// The dateline sentence, if the document has one.
  public var dateline: Sentence? { sentences.first(where: \.dateline) }

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
