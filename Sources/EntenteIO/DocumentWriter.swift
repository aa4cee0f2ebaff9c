public import EntenteCoding
public import EntenteNLP

/// The output formats of `entente code`.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// One indented JSON array holding an object per document.
  case json
  /// One compact JSON object per line, per document.
  case jsonl
  /// Tab-separated rows: one per sentence, or one per token with `--tokens`.
  case tsv
  /// No output; only a summary on standard error.
  case none
}

/// Writes processed documents in one of the ``OutputFormat``s, streaming: each document is
/// written as soon as it is done and the buffer is flushed whenever it grows past 1 MiB.
///
/// The JSON shape is documented in `docs/output-format.md`; its schema name is ``schema``.
public struct DocumentWriter {
  /// The versioned name of the document JSON shape.
  public static let schema = "entente.document/1"

  private let format: OutputFormat
  private let includeTokens: Bool
  private let writesEvents: Bool
  private let sink: any OutputSink
  private var json: JSONBuffer
  private var tsv: [UInt8] = []

  /// Creates a writer.
  ///
  /// - Parameters:
  ///   - format: The output format.
  ///   - includeTokens: Whether to write tokens.
  ///   - events: Whether events are coded, so that TSV has one row per event.
  ///   - sink: Where the bytes go.
  public init(
    format: OutputFormat, includeTokens: Bool, events: Bool = false, sink: any OutputSink
  ) {
    self.format = format
    self.includeTokens = includeTokens
    self.writesEvents = events && !includeTokens
    self.sink = sink
    self.json = JSONBuffer(pretty: format == .json)
  }

  /// Writes what comes before the first document: `[` for JSON, the header row for TSV.
  public mutating func begin() throws(OutputError) {
    switch format {
    case .json:
      json.beginArray()
    case .tsv:
      let header =
        includeTokens
        ? "id\tsentence\ttoken\tstart\tend\tkind\ttext\ttag\tupos\tlemma\thead\tdeprel\n"
        : writesEvents
          ? "id\tdate\tsentence\tsource\ttarget\tcode\troot\tquadClass\tgoldstein\tplover\tmode\t"
            + "sourceCountry\ttargetCountry\tsourceText\ttargetText\tdateText\tevidence\trule\n"
          : "id\tsentence\tstart\tend\ttext\n"
      tsv.append(contentsOf: header.utf8)
    case .jsonl, .none:
      break
    }
  }

  /// Writes one document.
  ///
  /// - Parameters:
  ///   - doc: The processed document.
  ///   - input: The record it came from, for its id, date and metadata.
  ///   - mentions: The actor mentions found.
  ///   - events: The events coded.
  ///   - quotes: The quotes found.
  public mutating func write(
    _ doc: Doc, input: InputDocument, mentions: [ActorMention] = [], events: [Event]? = nil,
    quotes: [Quote] = [], agreements: [Agreement] = [], relations: [ActorRelation] = []
  ) throws(OutputError) {
    switch format {
    case .json, .jsonl:
      writeJSON(
        doc, input: input, mentions: mentions, events: events ?? [], quotes: quotes,
        agreements: agreements, relations: relations)
      if format == .jsonl { json.bytes.append(0x0A) }
      if json.bytes.count >= 1 << 20 || format == .jsonl { try flushJSON() }
    case .tsv:
      if writesEvents {
        writeEventsTSV(doc, input: input, events: events ?? [])
      } else {
        writeTSV(doc, input: input)
      }
      if tsv.count >= 1 << 20 { try flushTSV() }
    case .none:
      break
    }
  }

  /// Writes what comes after the last document and flushes.
  public mutating func finish() throws(OutputError) {
    switch format {
    case .json:
      json.endArray()
      json.bytes.append(0x0A)
      try flushJSON()
    case .tsv:
      try flushTSV()
    case .jsonl, .none:
      try flushJSON()
    }
  }

  private mutating func flushJSON() throws(OutputError) {
    guard !json.bytes.isEmpty else { return }
    try sink.write(json.bytes)
    json.removeBytes()
  }

  private mutating func flushTSV() throws(OutputError) {
    guard !tsv.isEmpty else { return }
    try sink.write(tsv)
    tsv.removeAll(keepingCapacity: true)
  }

  // MARK: JSON

  private mutating func writeJSON(
    _ doc: Doc, input: InputDocument, mentions: [ActorMention], events: [Event], quotes: [Quote],
    agreements: [Agreement], relations: [ActorRelation]
  ) {
    let offsets = ScalarOffsets(doc.text)
    json.beginObject()
    json.key("schema")
    json.string(Self.schema)
    json.key("id")
    json.string(input.id)
    json.key("date")
    json.string(orNull: input.date)
    if let title = input.title {
      json.key("title")
      json.string(title)
    }
    if let url = input.url {
      json.key("url")
      json.string(url)
    }
    if let source = input.source {
      json.key("source")
      json.string(source)
    }
    doc.withUTF8 { bytes in
      if let dateline = doc.sentences.first(where: \.isDateline) {
        let span = Span(doc: doc, tokens: Int(dateline.tokenStart)..<Int(dateline.tokenEnd))
        json.key("dateline")
        writeSpan(span.byteRange, bytes: bytes, offsets: offsets)
      }
      json.key("sentences")
      json.beginArray()
      for (index, sentence) in doc.sentences.enumerated() {
        let span = Span(doc: doc, tokens: Int(sentence.tokenStart)..<Int(sentence.tokenEnd))
        json.beginObject()
        json.key("index")
        json.int(index)
        writeRange(span.byteRange, bytes: bytes, offsets: offsets)
        if sentence.isDateline {
          json.key("dateline")
          json.bool(true)
        }
        if includeTokens {
          json.key("tokens")
          writeTokens(span.tokens, doc: doc, bytes: bytes, offsets: offsets)
        }
        json.endObject()
      }
      json.endArray()
      if includeTokens && !doc.attributes.contains(.sentences) {
        json.key("tokens")
        writeTokens(0..<doc.tokens.count, doc: doc, bytes: bytes, offsets: offsets)
      }
    }
    json.key("mentions")
    json.beginArray()
    doc.withUTF8 { bytes in
      for mention in mentions {
        let span = Span(doc: doc, tokens: mention.tokens)
        json.beginObject()
        json.key("sentence")
        json.int(mention.sentence)
        writeRange(span.byteRange, bytes: bytes, offsets: offsets)
        json.key("type")
        json.string(mention.type.rawValue)
        json.key("code")
        json.string(orNull: mention.code.isEmpty ? nil : mention.code)
        json.key("country")
        json.string(orNull: mention.country)
        json.key("canonical")
        json.string(mention.canonical)
        json.key("resolvedFrom")
        json.string(orNull: mention.resolvedFrom)
        if let role = mention.role {
          json.key("role")
          json.string(role)
        }
        if let affiliation = mention.affiliation {
          json.key("affiliation")
          json.int(affiliation)
        }
        json.endObject()
      }
    }
    json.endArray()
    json.key("events")
    json.beginArray()
    doc.withUTF8 { bytes in
      for event in events {
        json.beginObject()
        json.key("sentence")
        json.int(event.sentence)
        json.key("code")
        json.string(event.type.code)
        json.key("root")
        json.string(event.type.root)
        json.key("label")
        json.string(orNull: event.type.name.isEmpty ? nil : event.type.name)
        json.key("plover")
        json.string(orNull: event.type.plover.isEmpty ? nil : event.type.plover)
        json.key("goldstein")
        json.double(event.type.goldstein)
        json.key("quadClass")
        if event.type.quadClass > 0 { json.int(event.type.quadClass) } else { json.null() }
        json.key("source")
        writeActor(event.source, doc: doc, bytes: bytes, offsets: offsets)
        json.key("target")
        if let target = event.target {
          writeActor(target, doc: doc, bytes: bytes, offsets: offsets)
        } else {
          json.null()
        }
        json.key("mode")
        json.string(event.mode.rawValue)
        json.key("date")
        json.string(orNull: event.date)
        json.key("dateText")
        json.string(orNull: event.dateText)
        json.key("evidence")
        writeSpan(Span(doc: doc, tokens: event.evidence).byteRange, bytes: bytes, offsets: offsets)
        json.key("coder")
        json.string("entente \(event.rule)")
        json.endObject()
      }
    }
    json.endArray()
    json.key("quotes")
    json.beginArray()
    doc.withUTF8 { bytes in
      for quote in quotes {
        writeQuote(quote, doc: doc, mentions: mentions, bytes: bytes, offsets: offsets)
      }
    }
    json.endArray()
    json.key("agreements")
    json.beginArray()
    doc.withUTF8 { bytes in
      for agreement in agreements {
        writeAgreement(agreement, doc: doc, bytes: bytes, offsets: offsets)
      }
    }
    json.endArray()
    json.key("relations")
    json.beginArray()
    doc.withUTF8 { bytes in
      for relation in relations {
        json.beginObject()
        json.key("sentence")
        json.int(relation.sentence)
        json.key("source")
        writeActor(relation.source, doc: doc, bytes: bytes, offsets: offsets)
        json.key("target")
        writeActor(relation.target, doc: doc, bytes: bytes, offsets: offsets)
        json.key("kind")
        json.string(relation.kind)
        json.key("evidence")
        writeSpan(
          Span(doc: doc, tokens: relation.evidence).byteRange, bytes: bytes, offsets: offsets)
        json.endObject()
      }
    }
    json.endArray()
    json.endObject()
  }

  /// One agreement: where it is named, its name, parties, obligations, type, date, status,
  /// links to the agreements it replaces or that replaced it, and its later references.
  private mutating func writeAgreement(
    _ agreement: Agreement, doc: Doc, bytes: UnsafeBufferPointer<UInt8>, offsets: ScalarOffsets
  ) {
    json.beginObject()
    json.key("sentence")
    json.int(agreement.sentence)
    json.key("name")
    json.string(orNull: agreement.name.map { Span(doc: doc, tokens: $0).text })
    json.key("parties")
    json.beginArray()
    for party in agreement.parties { writeActor(party, doc: doc, bytes: bytes, offsets: offsets) }
    json.endArray()
    json.key("obligations")
    json.beginArray()
    for obligation in agreement.obligations { json.string(obligation) }
    json.endArray()
    json.key("cowType")
    json.string(orNull: agreement.cowType)
    json.key("date")
    json.string(orNull: agreement.date)
    json.key("dateText")
    json.string(orNull: agreement.dateText)
    json.key("status")
    json.string(orNull: agreement.status)
    json.key("replaces")
    if let index = agreement.replaces { json.int(index) } else { json.null() }
    json.key("replacedBy")
    if let index = agreement.replacedBy { json.int(index) } else { json.null() }
    json.key("evidence")
    writeSpan(Span(doc: doc, tokens: agreement.tokens).byteRange, bytes: bytes, offsets: offsets)
    json.key("references")
    json.beginArray()
    for reference in agreement.references {
      writeSpan(Span(doc: doc, tokens: reference).byteRange, bytes: bytes, offsets: offsets)
    }
    json.endArray()
    json.endObject()
  }

  /// One quote: sentence, speaker (with its affiliation's name), cue, content and kind.
  private mutating func writeQuote(
    _ quote: Quote, doc: Doc, mentions: [ActorMention], bytes: UnsafeBufferPointer<UInt8>,
    offsets: ScalarOffsets
  ) {
    json.beginObject()
    json.key("sentence")
    json.int(quote.sentence)
    json.key("speaker")
    if let tokens = quote.speakerTokens {
      let mention = quote.speaker.map { mentions[$0] }
      json.beginObject()
      writeRange(Span(doc: doc, tokens: tokens).byteRange, bytes: bytes, offsets: offsets)
      json.key("code")
      json.string(orNull: mention.flatMap { $0.code.isEmpty ? nil : $0.code })
      json.key("country")
      json.string(orNull: mention?.country)
      json.key("canonical")
      json.string(orNull: mention?.canonical)
      json.key("affiliation")
      json.string(orNull: mention?.affiliation.map { mentions[$0].canonical })
      json.endObject()
    } else {
      json.null()
    }
    json.key("cue")
    json.string(orNull: quote.cue.map { Span(doc: doc, tokens: $0..<$0 + 1).text })
    json.key("content")
    json.beginObject()
    let range = Span(doc: doc, tokens: quote.content).byteRange
    json.key("start")
    json.int(offsets.scalarOffset(ofByte: range.lowerBound))
    json.key("end")
    json.int(offsets.scalarOffset(ofByte: range.upperBound))
    // An interrupted quotation's text is its quoted parts, without the attribution between.
    json.key("text")
    json.string(quote.parts.map { Span(doc: doc, tokens: $0).text }.joined(separator: " "))
    json.endObject()
    json.key("kind")
    json.string(quote.kind.rawValue)
    json.endObject()
  }

  private mutating func writeActor(
    _ actor: EventActor, doc: Doc, bytes: UnsafeBufferPointer<UInt8>, offsets: ScalarOffsets
  ) {
    json.beginObject()
    json.key("code")
    json.string(actor.code)
    json.key("country")
    json.string(orNull: actor.country)
    writeRange(Span(doc: doc, tokens: actor.tokens).byteRange, bytes: bytes, offsets: offsets)
    json.endObject()
  }

  /// One row per event, in the column order of docs/output-format.md.
  private mutating func writeEventsTSV(_ doc: Doc, input: InputDocument, events: [Event]) {
    for event in events {
      let source = Span(doc: doc, tokens: event.source.tokens).text
      let target = event.target.map { Span(doc: doc, tokens: $0.tokens).text } ?? ""
      let fields = [
        input.id, event.date ?? "", String(event.sentence), event.source.code,
        event.target?.code ?? "", event.type.code, event.type.root, String(event.type.quadClass),
        String(event.type.goldstein), event.type.plover, event.mode.rawValue,
        event.source.country ?? "", event.target?.country ?? "", source, target,
        event.dateText ?? "", Span(doc: doc, tokens: event.evidence).text, event.rule,
      ]
      tsv.append(contentsOf: fields.map(TSV.escape).joined(separator: [0x09]))
      tsv.append(0x0A)
    }
  }

  private mutating func writeSpan(
    _ range: Range<Int>, bytes: UnsafeBufferPointer<UInt8>, offsets: ScalarOffsets
  ) {
    json.beginObject()
    writeRange(range, bytes: bytes, offsets: offsets)
    json.endObject()
  }

  /// Writes `start`, `end` (scalar offsets) and `text` of a byte range.
  private mutating func writeRange(
    _ range: Range<Int>, bytes: UnsafeBufferPointer<UInt8>, offsets: ScalarOffsets
  ) {
    json.key("start")
    json.int(offsets.scalarOffset(ofByte: range.lowerBound))
    json.key("end")
    json.int(offsets.scalarOffset(ofByte: range.upperBound))
    json.key("text")
    json.string(utf8: UnsafeBufferPointer(rebasing: bytes[range]))
  }

  private mutating func writeTokens(
    _ indices: Range<Int>, doc: Doc, bytes: UnsafeBufferPointer<UInt8>, offsets: ScalarOffsets
  ) {
    json.beginArray()
    for index in indices {
      let token = doc.tokens[index]
      json.beginObject()
      json.key("index")
      json.int(index)
      writeRange(Int(token.start)..<Int(token.end), bytes: bytes, offsets: offsets)
      json.key("kind")
      json.string(token.kind.name)
      json.key("spaceAfter")
      json.bool(token.flags.contains(.spaceAfter))
      if let tagSet = doc.tagSet, Int(token.tag) < tagSet.count {
        json.key("tag")
        json.string(tagSet.xpos[Int(token.tag)])
        json.key("upos")
        json.string(tagSet.upos[Int(token.tag)])
      }
      if index < doc.lemmas.count {
        json.key("lemma")
        json.string(doc.lemmas[index])
      }
      if let labelSet = doc.labelSet {
        json.key("head")
        if token.head >= 0 { json.int(Int(token.head)) } else { json.null() }
        json.key("deprel")
        json.string(
          Int(token.deprel) < labelSet.names.count ? labelSet.names[Int(token.deprel)] : "dep")
      }
      json.endObject()
    }
    json.endArray()
  }

  // MARK: TSV

  private mutating func writeTSV(_ doc: Doc, input: InputDocument) {
    let offsets = ScalarOffsets(doc.text)
    let id = TSV.escape(input.id)
    doc.withUTF8 { bytes in
      if includeTokens {
        var sentenceOf = 0
        for (index, token) in doc.tokens.enumerated() {
          while sentenceOf + 1 < doc.sentences.count
            && Int(doc.sentences[sentenceOf].tokenEnd) <= index
          {
            sentenceOf += 1
          }
          tsv.append(contentsOf: id)
          tsv.append(0x09)
          tsv.append(contentsOf: (doc.sentences.isEmpty ? "" : String(sentenceOf)).utf8)
          tsv.append(0x09)
          tsv.append(contentsOf: String(index).utf8)
          tsv.append(0x09)
          appendRange(
            Int(token.start)..<Int(token.end), kind: token.kind.name, bytes: bytes, offsets: offsets
          )
          tsv.removeLast()
          appendAnalysis(doc, index: index, token: token)
          tsv.append(0x0A)
        }
      } else {
        for (index, sentence) in doc.sentences.enumerated() {
          let span = Span(doc: doc, tokens: Int(sentence.tokenStart)..<Int(sentence.tokenEnd))
          tsv.append(contentsOf: id)
          tsv.append(0x09)
          tsv.append(contentsOf: String(index).utf8)
          tsv.append(0x09)
          appendRange(span.byteRange, kind: nil, bytes: bytes, offsets: offsets)
        }
      }
    }
  }

  /// Appends the tag, UPOS, lemma, head and relation columns of a token (empty before the
  /// stages that give them).
  private mutating func appendAnalysis(_ doc: Doc, index: Int, token: TokenData) {
    var fields: [String] = ["", "", "", "", ""]
    if let tagSet = doc.tagSet, Int(token.tag) < tagSet.count {
      fields[0] = tagSet.xpos[Int(token.tag)]
      fields[1] = tagSet.upos[Int(token.tag)]
    }
    if index < doc.lemmas.count { fields[2] = doc.lemmas[index] }
    if let labelSet = doc.labelSet {
      fields[3] = token.head >= 0 ? String(token.head) : ""
      fields[4] =
        Int(token.deprel) < labelSet.names.count ? labelSet.names[Int(token.deprel)] : "dep"
    }
    for field in fields {
      tsv.append(0x09)
      tsv.append(contentsOf: TSV.escape(field))
    }
  }

  private mutating func appendRange(
    _ range: Range<Int>, kind: String?, bytes: UnsafeBufferPointer<UInt8>, offsets: ScalarOffsets
  ) {
    tsv.append(contentsOf: String(offsets.scalarOffset(ofByte: range.lowerBound)).utf8)
    tsv.append(0x09)
    tsv.append(contentsOf: String(offsets.scalarOffset(ofByte: range.upperBound)).utf8)
    tsv.append(0x09)
    if let kind {
      tsv.append(contentsOf: kind.utf8)
      tsv.append(0x09)
    }
    TSV.appendEscaped(UnsafeBufferPointer(rebasing: bytes[range]), to: &tsv)
    tsv.append(0x0A)
  }
}

/// Escaping of TSV fields: backslash, tab, line feed and carriage return become `\\`, `\t`,
/// `\n` and `\r`, as in PostgreSQL's text format.
public enum TSV {
  /// Appends the escaped form of `field` to `output`.
  public static func appendEscaped(_ field: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    for b in field {
      switch b {
      case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
      case 0x09: output.append(contentsOf: [0x5C, 0x74])
      case 0x0A: output.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: output.append(contentsOf: [0x5C, 0x72])
      default: output.append(b)
      }
    }
  }

  /// The escaped form of `field`, as bytes.
  public static func escape(_ field: String) -> [UInt8] {
    var output: [UInt8] = []
    let bytes = Array(field.utf8)
    bytes.withUnsafeBufferPointer { appendEscaped($0, to: &output) }
    return output
  }
}
