public import EntenteCoding
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
            + "sourceCountry\ttargetCountry\tsourceText\ttargetText\tdateText\tevidence\trule\t"
            + "location\tlocationCountry\tlat\tlon\tgeonameId\tlocationText\n"
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

  /// Writes one document given in parts, as ``DocumentCoder`` codes a long one: `produce`
  /// hands over each part (its offsets and indices already the whole document's), which is
  /// written at once, to a temporary file per array for JSON, so that memory holds one part
  /// at a time whatever the document's length; the document is then written from them.
  ///
  /// The output is byte for byte what ``write(_:)`` writes for the whole document.
  public mutating func writeParts(_ produce: (_ add: (CodedDocument) -> Void) -> Void)
    throws(OutputError)
  {
    switch format {
    case .none:
      produce { _ in }
    case .tsv:
      var failure: OutputError?
      var sentences = 0
      produce { part in
        guard failure == nil else { return }
        if writesEvents {
          writeEventsTSV(part)
        } else {
          writeTSV(part, firstSentence: sentences)
        }
        sentences += part.sentences.count
        if tsv.count >= 1 << 20 {
          do throws(OutputError) { try flushTSV() } catch { failure = error }
        }
      }
      if let failure { throw failure }
    case .json, .jsonl:
      let spill = try PartSpill(pretty: format == .json, text: includeText)
      var head: CodedDocument?
      produce { part in
        if head == nil {
          // The first part's metadata and dateline, without its arrays.
          var first = part
          (first.sentences, first.tokens, first.mentions, first.events) = (
            part.sentences.filter(\.dateline), nil, [], []
          )
          (first.quotes, first.agreements, first.relations, first.text) = ([], [], [], "")
          head = first
        }
        spill.add(part)
      }
      try spill.check()
      guard let head else { return }
      Self.writeHead(head, to: &json)
      if includeText {
        json.key("text")
        json.beginString()
        try flushJSON()
        try spill.copyText(to: sink)
        json.endString()
      }
      Self.writeDateline(head, to: &json)
      for section in Section.allCases where section != .tokens || spill.hasTokens {
        json.key(section.key)
        json.beginArray()
        try flushJSON()
        if try spill.copy(section, to: sink) { json.markElements() }
        json.endArray()
      }
      json.endObject()
      if format == .jsonl { json.bytes.append(0x0A) }
      if json.bytes.count >= 1 << 20 || format == .jsonl { try flushJSON() }
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
    writeHead(document, to: &json)
    if text {
      json.key("text")
      json.string(document.text)
    }
    writeDateline(document, to: &json)
    for section in Section.allCases where section != .tokens || document.tokens != nil {
      json.key(section.key)
      json.beginArray()
      try writeItems(section, of: document, to: &json, sink: sink)
      json.endArray()
    }
    json.endObject()
  }

  /// The arrays of a document's JSON, in their order (`tokens` only for a document with no
  /// sentences).
  enum Section: CaseIterable {
    case sentences, tokens, mentions, events, quotes, agreements, relations

    var key: StaticString {
      switch self {
      case .sentences: "sentences"
      case .tokens: "tokens"
      case .mentions: "mentions"
      case .events: "events"
      case .quotes: "quotes"
      case .agreements: "agreements"
      case .relations: "relations"
      }
    }
  }

  /// Opens a document's object and writes what comes before its text: schema, id, date,
  /// title, URL and source.
  static func writeHead(_ document: CodedDocument, to json: inout JSONBuffer) {
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
  }

  /// Writes the dateline's span, if the document has one.
  static func writeDateline(_ document: CodedDocument, to json: inout JSONBuffer) {
    if let dateline = document.dateline {
      json.key("dateline")
      writeSpan(dateline.span, to: &json)
    }
  }

  /// Writes the items of one of a document's arrays, handing the bytes to `sink` whenever
  /// they pass 1 MiB.
  ///
  /// - Parameter firstSentence: The index of the document's first sentence (of a part of a
  ///   long document, the sentences of the parts before it).
  static func writeItems(
    _ section: Section, of document: CodedDocument, to json: inout JSONBuffer,
    sink: (any OutputSink)?, firstSentence: Int = 0
  ) throws(OutputError) {
    func drain() throws(OutputError) {
      guard let sink, json.bytes.count >= 1 << 20 else { return }
      try sink.write(json.bytes)
      json.removeBytes()
    }
    switch section {
    case .sentences:
      for (index, sentence) in document.sentences.enumerated() {
        writeSentence(sentence, index: firstSentence + index, to: &json)
        try drain()
      }
    case .tokens:
      for token in document.tokens ?? [] {
        writeToken(token, to: &json)
        try drain()
      }
    case .mentions:
      for mention in document.mentions {
        writeMention(mention, to: &json)
        try drain()
      }
    case .events:
      for event in document.events {
        writeEvent(event, to: &json)
        try drain()
      }
    case .quotes:
      for quote in document.quotes {
        writeQuote(quote, to: &json)
        try drain()
      }
    case .agreements:
      for agreement in document.agreements {
        writeAgreement(agreement, to: &json)
        try drain()
      }
    case .relations:
      for relation in document.relations {
        writeRelation(relation, to: &json)
        try drain()
      }
    }
  }

  private static func writeSentence(
    _ sentence: CodedDocument.Sentence, index: Int, to json: inout JSONBuffer
  ) {
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
      json.beginArray()
      for token in tokens { writeToken(token, to: &json) }
      json.endArray()
    }
    json.endObject()
  }

  private static func writeMention(_ mention: CodedDocument.Mention, to json: inout JSONBuffer) {
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
    if mention.location != nil || mention.type == .location {
      json.key("location")
      writeLocation(mention.location, to: &json)
    }
    json.endObject()
  }

  private static func writeEvent(_ event: CodedDocument.CodedEvent, to json: inout JSONBuffer) {
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
    json.key("location")
    writeLocation(event.location, to: &json)
    json.key("locationText")
    json.string(orNull: event.locationText)
    json.endObject()
  }

  /// A location object, or `null`.
  private static func writeLocation(_ location: Location?, to json: inout JSONBuffer) {
    guard let location else {
      json.null()
      return
    }
    json.beginObject()
    json.key("geonameId")
    if let id = location.geonameId { json.int(id) } else { json.null() }
    json.key("name")
    json.string(location.name)
    json.key("country")
    json.string(orNull: location.country)
    json.key("adm1")
    json.string(orNull: location.adm1)
    json.key("lat")
    json.double(location.lat)
    json.key("lon")
    json.double(location.lon)
    json.key("kind")
    json.string(location.kind.rawValue)
    json.key("confidence")
    json.double(location.confidence)
    json.endObject()
  }

  private static func writeRelation(
    _ relation: CodedDocument.CodedRelation, to json: inout JSONBuffer
  ) {
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

  private static func writeToken(_ token: CodedDocument.Token, to json: inout JSONBuffer) {
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
        event.location?.name ?? "", event.location?.country ?? "",
        event.location.map { String($0.lat) } ?? "", event.location.map { String($0.lon) } ?? "",
        event.location?.geonameId.map(String.init) ?? "", event.locationText ?? "",
      ]
      tsv.append(contentsOf: fields.map(TSV.escape).joined(separator: [0x09]))
      tsv.append(0x0A)
    }
  }

  /// One row per sentence, or with tokens one per token.
  ///
  /// - Parameter firstSentence: The index of the document's first sentence (of a part of a
  ///   long document, the sentences of the parts before it).
  private mutating func writeTSV(_ document: CodedDocument, firstSentence: Int = 0) {
    let id = TSV.escape(document.id)
    if includeTokens {
      let tokens: [(sentence: Int?, token: CodedDocument.Token)] =
        document.sentences.enumerated().flatMap { index, sentence in
          (sentence.tokens ?? []).map { (firstSentence + index, $0) }
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
        tsv.append(contentsOf: String(firstSentence + index).utf8)
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

/// The arrays of a long document's JSON, written part by part to temporary files (removed
/// when closed), one per array, and copied to the output when the last part is in.
private final class PartSpill {
  typealias Section = DocumentWriter.Section
  private var files: [UnsafeMutablePointer<FILE>] = []
  private var buffers: [JSONBuffer] = []
  /// Whether each section has had items.
  private var hasItems: [Bool]
  private var textFile: UnsafeMutablePointer<FILE>?
  private var text: JSONBuffer
  private var sentences = 0
  private var failure: OutputError?
  /// Whether a part had tokens outside sentences.
  private(set) var hasTokens = false

  init(pretty: Bool, text withText: Bool) throws(OutputError) {
    hasItems = Array(repeating: false, count: Section.allCases.count)
    text = JSONBuffer(pretty: pretty)
    for section in Section.allCases {
      guard let file = tmpfile() else { throw Self.error("cannot make a temporary file") }
      files.append(file)
      // A buffer in the state of the document's array, so that commas and indentation come
      // out as in the whole document: inside the output's array (JSON), the document's
      // object and this array.
      var buffer = JSONBuffer(pretty: pretty)
      if pretty { buffer.beginArray() }
      buffer.beginObject()
      buffer.key(section.key)
      buffer.beginArray()
      buffer.removeBytes()
      buffers.append(buffer)
    }
    if withText {
      guard let file = tmpfile() else { throw Self.error("cannot make a temporary file") }
      textFile = file
    }
  }

  deinit {
    for file in files { fclose(file) }
    if let textFile { fclose(textFile) }
  }

  private static func error(_ what: String) -> OutputError {
    OutputError(
      isBrokenPipe: false, description: "\(what): \(String(cString: strerror(errno)))")
  }

  /// Writes a part's items (and text) to the files.
  func add(_ part: CodedDocument) {
    guard failure == nil else { return }
    if part.tokens != nil { hasTokens = true }
    for (index, section) in Section.allCases.enumerated() {
      let before = buffers[index].bytes.count
      // Items written to a buffer alone (no sink) cannot fail.
      try? DocumentWriter.writeItems(
        section, of: part, to: &buffers[index], sink: nil, firstSentence: sentences)
      if buffers[index].bytes.count > before { hasItems[index] = true }
      if buffers[index].bytes.count >= 1 << 20 { write(&buffers[index], to: files[index]) }
    }
    sentences += part.sentences.count
    if let textFile {
      text.stringPiece(part.text)
      if text.bytes.count >= 1 << 20 { write(&text, to: textFile) }
    }
  }

  private func write(_ buffer: inout JSONBuffer, to file: UnsafeMutablePointer<FILE>) {
    guard failure == nil, !buffer.bytes.isEmpty else { return }
    if fwrite(buffer.bytes, 1, buffer.bytes.count, file) != buffer.bytes.count {
      failure = Self.error("cannot write a temporary file")
    }
    buffer.removeBytes()
  }

  /// Throws the first failure to write a temporary file, if any.
  func check() throws(OutputError) {
    for index in files.indices { write(&buffers[index], to: files[index]) }
    if let textFile { write(&text, to: textFile) }
    if let failure { throw failure }
  }

  /// Copies a section's items to `sink`; whether it had any.
  func copy(_ section: Section, to sink: any OutputSink) throws(OutputError) -> Bool {
    guard let index = Section.allCases.firstIndex(of: section) else { return false }
    try copy(files[index], to: sink)
    return hasItems[index]
  }

  /// Copies the escaped text to `sink`.
  func copyText(to sink: any OutputSink) throws(OutputError) {
    if let textFile { try copy(textFile, to: sink) }
  }

  private func copy(_ file: UnsafeMutablePointer<FILE>, to sink: any OutputSink)
    throws(OutputError)
  {
    rewind(file)
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let read = fread(&chunk, 1, chunk.count, file)
      if read > 0 { try sink.write(Array(chunk[0..<read])) }
      if read < chunk.count {
        if ferror(file) != 0 { throw Self.error("cannot read a temporary file") }
        return
      }
    }
  }
}
