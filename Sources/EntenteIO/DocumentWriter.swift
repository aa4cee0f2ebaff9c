public import EntenteCoding

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
  private let includeText: Bool
  private let writesEvents: Bool
  private let sink: any OutputSink
  private var json: JSONBuffer
  private var tsv: [UInt8] = []

  /// Creates a writer.
  ///
  /// - Parameters:
  ///   - format: The output format.
  ///   - includeTokens: Whether to write tokens.
  ///   - includeText: Whether the JSON of each document holds its text.
  ///   - events: Whether events are coded, so that TSV has one row per event.
  ///   - sink: Where the bytes go.
  public init(
    format: OutputFormat, includeTokens: Bool, includeText: Bool = false, events: Bool = false,
    sink: any OutputSink
  ) {
    self.format = format
    self.includeTokens = includeTokens
    self.includeText = includeText
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
  /// - Parameter document: The coded document, as ``DocumentCoder`` makes it or the store
  ///   gives it back.
  public mutating func write(_ document: CodedDocument) throws(OutputError) {
    switch format {
    case .json, .jsonl:
      try Self.writeJSON(document, text: includeText, to: &json, sink: sink)
      if format == .jsonl { json.bytes.append(0x0A) }
      if json.bytes.count >= 1 << 20 || format == .jsonl { try flushJSON() }
    case .tsv:
      if writesEvents {
        writeEventsTSV(document)
      } else {
        writeTSV(document)
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

  /// The `entente.document/1` JSON of one document, compact, with a final line feed: what
  /// `entente code --format jsonl` writes for it and what `GET /v1/documents/{id}` answers.
  ///
  /// - Parameters:
  ///   - document: The document.
  ///   - text: Whether to include its text.
  public static func json(_ document: CodedDocument, text: Bool = false) -> [UInt8] {
    var json = JSONBuffer(pretty: false)
    // Without a sink nothing is written, so nothing can fail.
    try? writeJSON(document, text: text, to: &json, sink: nil)
    json.bytes.append(0x0A)
    return json.bytes
  }

  /// Writes the `entente.document/1` object of a document (docs/output-format.md).
  ///
  /// With a sink, the bytes are handed to it whenever they pass 1 MiB, between items: the
  /// JSON of a long document (some 60 times its text) is never whole in memory.
  static func writeJSON(
    _ document: CodedDocument, text: Bool, to json: inout JSONBuffer, sink: (any OutputSink)?
  ) throws(OutputError) {
    func drain() throws(OutputError) {
      guard let sink, json.bytes.count >= 1 << 20 else { return }
      try sink.write(json.bytes)
      json.removeBytes()
    }
    json.beginObject()
    json.key("schema")
    json.string(Self.schema)
    json.key("id")
    json.string(document.id)
    json.key("date")
    json.string(orNull: document.date)
    if let title = document.title {
      json.key("title")
      json.string(title)
    }
    if let url = document.url {
      json.key("url")
      json.string(url)
    }
    if let source = document.source {
      json.key("source")
      json.string(source)
    }
    if text {
      json.key("text")
      json.string(document.text)
    }
    if let dateline = document.dateline {
      json.key("dateline")
      writeSpan(dateline.span, to: &json)
    }
    json.key("sentences")
    json.beginArray()
    for (index, sentence) in document.sentences.enumerated() {
      json.beginObject()
      json.key("index")
      json.int(index)
      writeRange(sentence.span, to: &json)
      if sentence.dateline {
        json.key("dateline")
        json.bool(true)
      }
      if let tokens = sentence.tokens {
        json.key("tokens")
        writeTokens(tokens, to: &json)
      }
      json.endObject()
      try drain()
    }
    json.endArray()
    if let tokens = document.tokens {
      json.key("tokens")
      writeTokens(tokens, to: &json)
    }
    json.key("mentions")
    json.beginArray()
    for mention in document.mentions {
      json.beginObject()
      json.key("sentence")
      json.int(mention.sentence)
      writeRange(mention.span, to: &json)
      json.key("type")
      json.string(mention.type.rawValue)
      json.key("code")
      json.string(orNull: mention.code?.rawValue)
      json.key("country")
      json.string(orNull: mention.country?.rawValue)
      json.key("canonical")
      json.string(mention.canonical)
      json.key("resolvedFrom")
      json.string(orNull: mention.resolvedFrom?.rawValue)
      if let role = mention.role {
        json.key("role")
        json.string(role)
      }
      if let affiliation = mention.affiliation {
        json.key("affiliation")
        json.int(affiliation)
      }
      json.endObject()
      try drain()
    }
    json.endArray()
    json.key("events")
    json.beginArray()
    for event in document.events {
      json.beginObject()
      json.key("sentence")
      json.int(event.sentence)
      json.key("code")
      json.string(event.code.rawValue)
      json.key("root")
      json.string(event.root)
      json.key("label")
      json.string(orNull: event.label)
      json.key("plover")
      json.string(orNull: event.plover)
      json.key("goldstein")
      json.double(event.goldstein)
      json.key("quadClass")
      if let quadClass = event.quadClass { json.int(quadClass.rawValue) } else { json.null() }
      json.key("source")
      writeActor(event.source, to: &json)
      json.key("target")
      if let target = event.target { writeActor(target, to: &json) } else { json.null() }
      json.key("mode")
      json.string(event.mode.rawValue)
      json.key("date")
      json.string(orNull: event.date)
      json.key("dateText")
      json.string(orNull: event.dateText)
      json.key("evidence")
      writeSpan(event.evidence, to: &json)
      json.key("coder")
      json.string(event.coder)
      json.endObject()
      try drain()
    }
    json.endArray()
    json.key("quotes")
    json.beginArray()
    for quote in document.quotes {
      writeQuote(quote, to: &json)
      try drain()
    }
    json.endArray()
    json.key("agreements")
    json.beginArray()
    for agreement in document.agreements {
      writeAgreement(agreement, to: &json)
      try drain()
    }
    json.endArray()
    json.key("relations")
    json.beginArray()
    for relation in document.relations {
      json.beginObject()
      json.key("sentence")
      json.int(relation.sentence)
      json.key("source")
      writeActor(relation.source, to: &json)
      json.key("target")
      writeActor(relation.target, to: &json)
      json.key("kind")
      json.string(relation.kind.rawValue)
      json.key("evidence")
      writeSpan(relation.evidence, to: &json)
      json.endObject()
      try drain()
    }
    json.endArray()
    json.endObject()
  }

  /// One agreement: where it is named, its name, parties, obligations, type, date, status,
  /// links to the agreements it replaces or that replaced it, and its later references.
  private static func writeAgreement(
    _ agreement: CodedDocument.CodedAgreement, to json: inout JSONBuffer
  ) {
    json.beginObject()
    json.key("sentence")
    json.int(agreement.sentence)
    json.key("name")
    json.string(orNull: agreement.name)
    json.key("parties")
    json.beginArray()
    for party in agreement.parties { writeActor(party, to: &json) }
    json.endArray()
    json.key("obligations")
    json.beginArray()
    for obligation in agreement.obligations { json.string(obligation.rawValue) }
    json.endArray()
    json.key("cowType")
    json.string(orNull: agreement.cowType)
    json.key("date")
    json.string(orNull: agreement.date)
    json.key("dateText")
    json.string(orNull: agreement.dateText)
    json.key("status")
    json.string(orNull: agreement.status?.rawValue)
    json.key("replaces")
    if let index = agreement.replaces { json.int(index) } else { json.null() }
    json.key("replacedBy")
    if let index = agreement.replacedBy { json.int(index) } else { json.null() }
    json.key("evidence")
    writeSpan(agreement.evidence, to: &json)
    json.key("references")
    json.beginArray()
    for reference in agreement.references { writeSpan(reference, to: &json) }
    json.endArray()
    json.endObject()
  }

  /// One quote: sentence, speaker (with its affiliation's name), cue, content and kind.
  private static func writeQuote(_ quote: CodedDocument.CodedQuote, to json: inout JSONBuffer) {
    json.beginObject()
    json.key("sentence")
    json.int(quote.sentence)
    json.key("speaker")
    if let speaker = quote.speaker {
      json.beginObject()
      writeRange(speaker.span, to: &json)
      json.key("code")
      json.string(orNull: speaker.code?.rawValue)
      json.key("country")
      json.string(orNull: speaker.country?.rawValue)
      json.key("canonical")
      json.string(orNull: speaker.canonical)
      json.key("affiliation")
      json.string(orNull: speaker.affiliation)
      json.endObject()
    } else {
      json.null()
    }
    json.key("cue")
    json.string(orNull: quote.cue)
    json.key("content")
    writeSpan(quote.content, to: &json)
    json.key("kind")
    json.string(quote.kind.rawValue)
    json.endObject()
  }

  private static func writeActor(_ actor: CodedDocument.Actor, to json: inout JSONBuffer) {
    json.beginObject()
    // An actor no dictionary knows has its words and no code.
    json.key("code")
    json.string(orNull: actor.code.rawValue.isEmpty ? nil : actor.code.rawValue)
    json.key("country")
    json.string(orNull: actor.country?.rawValue)
    writeRange(actor.span, to: &json)
    json.endObject()
  }

  private static func writeSpan(_ span: CodedDocument.Span, to json: inout JSONBuffer) {
    json.beginObject()
    writeRange(span, to: &json)
    json.endObject()
  }

  /// Writes `start`, `end` (scalar offsets) and `text` of a span.
  private static func writeRange(_ span: CodedDocument.Span, to json: inout JSONBuffer) {
    json.key("start")
    json.int(span.start)
    json.key("end")
    json.int(span.end)
    json.key("text")
    json.string(span.text)
  }

  private static func writeTokens(_ tokens: [CodedDocument.Token], to json: inout JSONBuffer) {
    json.beginArray()
    for token in tokens {
      json.beginObject()
      json.key("index")
      json.int(token.index)
      writeRange(token.span, to: &json)
      json.key("kind")
      json.string(token.kind)
      json.key("spaceAfter")
      json.bool(token.spaceAfter)
      if let xpos = token.xpos {
        json.key("tag")
        json.string(xpos)
        json.key("upos")
        json.string(token.upos ?? "X")
      }
      if let lemma = token.lemma {
        json.key("lemma")
        json.string(lemma)
      }
      if let dependency = token.dependency {
        json.key("head")
        if let head = dependency.head { json.int(head) } else { json.null() }
        json.key("deprel")
        json.string(dependency.relation)
      }
      json.endObject()
    }
    json.endArray()
  }

  // MARK: TSV

  /// One row per event, in the column order of docs/output-format.md.
  private mutating func writeEventsTSV(_ document: CodedDocument) {
    for event in document.events {
      // The rule, without the coder's name (`entente 070 ...`).
      let rule = event.coder.hasPrefix("entente ") ? String(event.coder.dropFirst(8)) : event.coder
      let fields = [
        document.id, event.date ?? "", String(event.sentence), event.source.code.rawValue,
        event.target?.code.rawValue ?? "", event.code.rawValue, event.root,
        String(event.quadClass?.rawValue ?? 0),
        String(event.goldstein), event.plover ?? "", event.mode.rawValue,
        event.source.country?.rawValue ?? "", event.target?.country?.rawValue ?? "",
        event.source.span.text,
        event.target?.span.text ?? "", event.dateText ?? "", event.evidence.text, rule,
      ]
      tsv.append(contentsOf: fields.map(TSV.escape).joined(separator: [0x09]))
      tsv.append(0x0A)
    }
  }

  /// One row per sentence, or with tokens one per token.
  private mutating func writeTSV(_ document: CodedDocument) {
    let id = TSV.escape(document.id)
    if includeTokens {
      let tokens: [(sentence: Int?, token: CodedDocument.Token)] =
        document.sentences.enumerated().flatMap { index, sentence in
          (sentence.tokens ?? []).map { (index, $0) }
        } + (document.tokens ?? []).map { (nil, $0) }
      for (sentence, token) in tokens {
        tsv.append(contentsOf: id)
        tsv.append(0x09)
        tsv.append(contentsOf: (sentence.map(String.init) ?? "").utf8)
        tsv.append(0x09)
        tsv.append(contentsOf: String(token.index).utf8)
        tsv.append(0x09)
        appendRange(token.span, kind: token.kind)
        let fields = [
          token.xpos ?? "", token.xpos == nil ? "" : token.upos ?? "X", token.lemma ?? "",
          token.dependency?.head.map(String.init) ?? "", token.dependency?.relation ?? "",
        ]
        for field in fields {
          tsv.append(0x09)
          tsv.append(contentsOf: TSV.escape(field))
        }
        tsv.append(0x0A)
      }
    } else {
      for (index, sentence) in document.sentences.enumerated() {
        tsv.append(contentsOf: id)
        tsv.append(0x09)
        tsv.append(contentsOf: String(index).utf8)
        tsv.append(0x09)
        appendRange(sentence.span, kind: nil)
        tsv.append(0x0A)
      }
    }
  }

  /// Appends `start`, `end`, the kind if any, and the escaped text, tab-separated.
  private mutating func appendRange(_ span: CodedDocument.Span, kind: String?) {
    tsv.append(contentsOf: String(span.start).utf8)
    tsv.append(0x09)
    tsv.append(contentsOf: String(span.end).utf8)
    tsv.append(0x09)
    if let kind {
      tsv.append(contentsOf: kind.utf8)
      tsv.append(0x09)
    }
    tsv.append(contentsOf: TSV.escape(span.text))
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
