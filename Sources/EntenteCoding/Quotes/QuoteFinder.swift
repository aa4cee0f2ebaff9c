public import EntenteNLP

/// Finds quotes and their speakers in a parsed document with its actor mentions
/// (docs/quotes.md).
public struct QuoteFinder: Sendable {
  /// Verbs that report speech or writing.
  static let cues: Set<String> = [
    "say", "tell", "note", "warn", "emphasize", "emphasise", "highlight", "argue", "state",
    "add", "stress", "claim", "insist", "assert", "suggest", "announce", "declare", "explain",
    "acknowledge", "admit", "write", "report", "indicate", "reiterate", "underscore", "caution",
    "predict", "contend", "maintain", "observe", "remark", "comment", "reply", "respond",
    "confirm", "deny", "allege", "believe", "think", "point", "recall", "promise", "vow",
    "pledge", "threaten", "urge", "ask", "tweet", "concede", "conclude", "continue", "agree",
  ]

  /// Quotation marks that open, and those that close.
  static let opening: Set<String> = ["“", "«", "„", "‘"]
  static let closing: Set<String> = ["”", "»", "’"]

  /// Creates a finder.
  public init() {}

  /// The quotes of a document, in text order.
  ///
  /// - Parameters:
  ///   - doc: A document through the parse.
  ///   - mentions: Its actor mentions.
  public func quotes(in doc: Doc, mentions: [ActorMention]) -> [Quote] {
    guard let parsed = ParsedDocument(doc: doc, mentions: mentions) else { return [] }
    return quotes(in: parsed)
  }

  /// The quotes of a parsed document read once for every finder.
  func quotes(in parsed: ParsedDocument) -> [Quote] {
    let doc = parsed.doc
    let mentions = parsed.mentions
    var reader = SentenceView(parsed)
    var speakerAt = Array(repeating: -1, count: doc.tokens.count)
    for (index, mention) in mentions.enumerated() where mention.type != .location {
      for token in mention.tokens { speakerAt[token] = index }
    }
    let spans = Self.quotedSpans(doc)
    var direct = directQuotes(spans, doc: doc, reader: &reader, speakerAt: speakerAt)
    var indirect: [Quote] = []
    for sentence in doc.sentences.indices {
      reader.load(sentence: sentence)
      indirect += indirectQuotes(reader: reader, speakerAt: speakerAt)
    }
    // A reported clause with quoted words in it is mixed; a quotation that is the whole
    // content of a reported clause is direct. (Quotations do not overlap: in text order, the
    // ones in a range are found by a binary search, not a scan of all, which made a long
    // document's quotes quadratic.)
    direct.sort { $0.content.lowerBound < $1.content.lowerBound }
    // The index of the first quotation that starts at `lower` or after.
    func first(from lower: Int) -> Int {
      var low = 0
      var high = direct.count
      while low < high {
        let middle = (low + high) / 2
        if direct[middle].content.lowerBound < lower { low = middle + 1 } else { high = middle }
      }
      return low
    }
    // The indices of the quotations that start from `lower` through `upper`.
    func starting(from lower: Int, through upper: Int) -> Range<Int> {
      let low = first(from: lower)
      var end = low
      while end < direct.count && direct[end].content.lowerBound <= upper { end += 1 }
      return low..<end
    }
    // The quotations inside a reported clause (one token past it too: its period).
    func inside(_ quote: Quote) -> [Quote] {
      direct[starting(from: quote.content.lowerBound, through: quote.content.upperBound)]
        .filter { $0.content.upperBound <= quote.content.upperBound + 1 }
    }
    var result: [Quote] = []
    let cues = Set(direct.compactMap(\.cue))
    // A reported clause inside a quotation, or attributed by a quotation's own verb, is that
    // quotation (`"We are ready," he said, "and we will not wait."`), unless it holds a
    // quotation that is a fragment of it (fewer than half of its words): it is then mixed.
    func isPart(_ quote: Quote) -> Bool {
      if let cue = quote.cue, cues.contains(cue),
        !inside(quote).contains(where: { $0.content.count * 2 < quote.content.count })
      {
        return true
      }
      // The last quotation that starts at or before it is the only one that can hold it.
      let last = first(from: quote.content.lowerBound + 1) - 1
      return last >= 0 && quote.content.upperBound <= direct[last].content.upperBound
    }
    indirect.removeAll(where: isPart)
    for var quote in indirect {
      let inside = inside(quote)
      if let whole = inside.first(where: {
        $0.content.count * 2 >= quote.content.count
      }) {
        // The quotation is what was said: keep it, with this attribution if it had none.
        if let index = direct.firstIndex(of: whole), direct[index].speakerTokens == nil {
          direct[index].speaker = quote.speaker
          direct[index].speakerTokens = quote.speakerTokens
          direct[index].cue = quote.cue
        }
        continue
      }
      if !inside.isEmpty {
        quote.kind = .mixed
        direct.removeAll { inside.contains($0) }
      }
      result.append(quote)
    }
    result += direct
    return result.sorted { $0.content.lowerBound < $1.content.lowerBound }
  }

  // MARK: Direct quotes

  /// The spans of tokens between matching quotation marks (outer ones only), as (open,
  /// close) token indices; an unclosed quotation ends with its paragraph or the document.
  static func quotedSpans(_ doc: Doc) -> [(open: Int, close: Int)] {
    var spans: [(open: Int, close: Int)] = []
    var open: Int?
    var depth = 0
    var straightOpen = false
    for index in doc.tokens.indices {
      let token = doc.tokens[index]
      guard token.kind == .punctuation else { continue }
      let text = doc.string(bytes: Int(token.start)..<Int(token.end))
      if text == "\"" {
        if straightOpen, let start = open {
          spans.append((start, index))
          open = nil
          depth = 0
        } else if open == nil {
          open = index
        }
        straightOpen.toggle()
      } else if opening.contains(text) {
        // `‘` inside a quotation opens a nested one; outside, a quotation of its own.
        if open == nil {
          open = index
          depth = 1
        } else {
          depth += 1
        }
      } else if closing.contains(text), let start = open {
        depth -= 1
        if depth <= 0 {
          spans.append((start, index))
          open = nil
          depth = 0
        }
      }
    }
    if let start = open, start + 1 < doc.tokens.count {
      // Unclosed: to the end of its paragraph (the next line break) or of the document.
      let sentence = doc.sentenceIndex(ofToken: start)
      var end = Int(doc.sentences[sentence].tokenEnd)
      for next in doc.sentences.indices where next > sentence {
        let gap = doc.string(
          bytes: Int(
            doc.tokens[end - 1].end)..<Int(doc.tokens[Int(doc.sentences[next].tokenStart)].start))
        if gap.contains("\n") { break }
        end = Int(doc.sentences[next].tokenEnd)
      }
      spans.append((start, end))
    }
    return spans
  }

  private func directQuotes(
    _ spans: [(open: Int, close: Int)], doc: Doc, reader: inout SentenceView, speakerAt: [Int]
  ) -> [Quote] {
    var quotes: [Quote] = []
    var index = 0
    var previousSpeaker: (mention: Int?, tokens: Range<Int>?)?
    while index < spans.count {
      func part(_ span: (open: Int, close: Int)) -> Range<Int> {
        // Without the comma before the closing mark (`"We are ready," he said`).
        var end = span.close
        while end > span.open + 1 && [",", ";", ":"].contains(Self.text(doc, end - 1)) { end -= 1 }
        return span.open + 1..<end
      }
      var parts = [part(spans[index])]
      let sentence = doc.sentenceIndex(ofToken: spans[index].open)
      reader.load(sentence: sentence)
      var attribution: (cue: Int, speaker: Int?, tokens: Range<Int>?)?
      // Between this part and the next, an attribution joins them (`"...," he said, "..."`).
      while index + 1 < spans.count {
        // ... but not across the end of a sentence (`..." he said. "...`).
        let gap = spans[index].close + 1..<spans[index + 1].open
        guard gap.count <= 8,
          !gap.contains(where: { [".", "!", "?"].contains(Self.text(doc, $0)) }),
          let found = Self.attribution(in: gap, reader: reader, speakerAt: speakerAt)
        else { break }
        attribution = found
        index += 1
        parts.append(part(spans[index]))
      }
      let last = spans[index]
      if attribution == nil {
        // After the quotation, to the end of its sentence (`"...," said X.`).
        let lastSentence =
          last.close < Int(doc.sentences.last?.tokenEnd ?? 0)
          ? doc.sentenceIndex(ofToken: last.close) : sentence
        reader.load(sentence: lastSentence)
        // (An unclosed quotation's end is past its last token: nothing follows it.)
        let after = min(last.close + 1, reader.range.upperBound)..<reader.range.upperBound
        attribution = Self.attribution(in: after, reader: reader, speakerAt: speakerAt)
      }
      if attribution == nil {
        // Before it, from the start of its sentence (`X said: "..."`).
        reader.load(sentence: sentence)
        let before = reader.range.lowerBound..<spans[index - parts.count + 1].open
        attribution = Self.attribution(in: before, reader: reader, speakerAt: speakerAt)
      }
      guard let content = parts.first.map({ $0.lowerBound..<(parts.last ?? $0).upperBound }),
        !content.isEmpty
      else {
        index += 1
        continue
      }
      var quote = Quote(
        sentence: sentence, speaker: attribution?.speaker, speakerTokens: attribution?.tokens,
        cue: attribution?.cue, content: content, parts: parts, kind: .direct)
      // A quotation with no attribution of its own right after another continues it.
      if attribution == nil, let previous = previousSpeaker {
        quote.speaker = previous.mention
        quote.speakerTokens = previous.tokens
      }
      if quote.speakerTokens != nil { previousSpeaker = (quote.speaker, quote.speakerTokens) }
      quotes.append(quote)
      index += 1
    }
    return quotes
  }

  static func text(_ doc: Doc, _ token: Int) -> String {
    doc.string(bytes: Int(doc.tokens[token].start)..<Int(doc.tokens[token].end))
  }

  /// A verb of saying among `tokens` and who says it: its subject, or the actor named right
  /// after it (`said Putin`).
  static func attribution(in tokens: Range<Int>, reader: SentenceView, speakerAt: [Int]) -> (
    cue: Int, speaker: Int?, tokens: Range<Int>?
  )? {
    for token in tokens
    where reader.range.contains(token) && reader.isVerb(token)
      && cues.contains(reader.lemma(token))
    {
      if let subject = reader.children(of: token).first(where: {
        reader.deprel($0) == .nsubj
      }) {
        let found = speaker(at: subject, reader: reader, speakerAt: speakerAt)
        return (token, found.mention, found.tokens)
      }
      var next = token + 1
      while next < tokens.upperBound && reader.range.contains(next) {
        if speakerAt[next] >= 0 {
          return (token, speakerAt[next], reader.mentions[speakerAt[next]].tokens)
        }
        next += 1
      }
      return (token, nil, nil)
    }
    return nil
  }

  // MARK: Indirect quotes

  private func indirectQuotes(reader: SentenceView, speakerAt: [Int]) -> [Quote] {
    var quotes: [Quote] = []
    func report(_ speaker: (mention: Int?, tokens: Range<Int>?), _ cue: Int, _ content: Range<Int>)
    {
      quotes.append(
        Quote(
          sentence: reader.sentence, speaker: speaker.mention, speakerTokens: speaker.tokens,
          cue: cue, content: content, parts: [content], kind: .indirect))
    }
    for token in reader.range {
      let lemma = reader.lemma(token)
      // `according to X`: X said the rest of the sentence.
      if reader.text(token).lowercased() == "according",
        let source = (reader.head(token).map { [$0] } ?? []).first(where: {
          reader.range.contains($0) && (speakerAt[$0] >= 0 || reader.xpos($0).isNoun)
        }) ?? reader.children(of: token).first(where: { speakerAt[$0] >= 0 })
      {
        // The phrase is `according to` and the name (its mention, or the noun itself).
        let end =
          speakerAt[source] >= 0 ? reader.mentions[speakerAt[source]].tokens.upperBound : source + 1
        let phrase = Set(min(token, source)..<max(end, token + 1))
        if let content = Self.rest(of: reader, without: phrase) {
          report(Self.speaker(at: source, reader: reader, speakerAt: speakerAt), token, content)
        }
        continue
      }
      guard reader.isVerb(token), Self.cues.contains(lemma) else { continue }
      let children = reader.children(of: token)
      // `as stated by X`, `as indicated by X`: X said the clause it modifies.
      if children.contains(where: { reader.lemma($0) == "as" && reader.deprel($0) == .mark }),
        let agent = children.first(where: {
          reader.deprel($0) == .oblAgent
            || (reader.deprel($0).base == .obl && reader.marker(of: $0) == "by")
        })
      {
        let clause = Self.subtree(of: token, reader: reader)
        if let content = Self.rest(of: reader, without: clause) {
          report(Self.speaker(at: agent, reader: reader, speakerAt: speakerAt), token, content)
        }
        continue
      }
      // `X said that ...`: the clause, else the object (`highlighted the recklessness of ...`),
      // else what it warns against.
      // Nothing is said by who did not comment.
      guard !reader.isNegated(token) else { continue }
      let clauses = children.filter { reader.deprel($0) == .ccomp }
      var said: Set<Int> = []
      if !clauses.isEmpty {
        for clause in clauses { said.formUnion(Self.subtree(of: clause, reader: reader)) }
      } else if let object = children.first(where: {
        reader.deprel($0) == .obj && !reader.isPronoun($0)
      }) {
        said = Self.subtree(of: object, reader: reader)
      } else if let phrase = children.first(where: {
        reader.deprel($0).base == .obl
          && ["against", "of", "about"].contains(reader.marker(of: $0) ?? "")
          && !reader.isPronoun($0)
      }) {
        said = Self.subtree(of: phrase, reader: reader)
      } else if reader.deprel(token) == .aclRelcl, let noun = reader.head(token),
        reader.range.contains(noun),
        reader.range.contains(token + 1),
        ["against", "about", "of"].contains(reader.lemma(token + 1))
      {
        // `a move that Putin warned against`: what the clause is about.
        said = Self.subtree(of: noun, reader: reader).subtracting(
          Self.subtree(of: token, reader: reader))
      }
      guard !said.isEmpty else { continue }
      var content = Self.span(said, reader: reader)
      // Without `that` and the like at its start.
      while let first = content.first, content.count > 1,
        ["that", "whether", "if", ":", ","].contains(reader.lemma(first))
          || reader.deprel(first) == .mark || reader.deprel(first) == .case
      {
        content = content.dropFirst()
      }
      guard content.count >= 2 else { continue }
      let found = Self.speaker(ofCue: token, reader: reader, speakerAt: speakerAt)
      guard found.mention != nil || found.tokens != nil else { continue }
      report(found, token, content)
    }
    return quotes
  }

  /// Who says what verb `i` reports: its subject, else the noun a participle modifies (`with
  /// Gabuev noting that`), else the subject of the clause that governs it (`Putin, noting
  /// that`).
  static func speaker(ofCue i: Int, reader: SentenceView, speakerAt: [Int]) -> (
    mention: Int?, tokens: Range<Int>?
  ) {
    var current = i
    for _ in 0..<4 {
      if let subject = reader.children(of: current).first(where: {
        reader.deprel($0) == .nsubj
      }) {
        return speaker(at: subject, reader: reader, speakerAt: speakerAt)
      }
      guard let head = reader.head(current), reader.range.contains(head) else { break }
      let relation = reader.deprel(current)
      if relation.base == .acl, !reader.isVerb(head) {
        return speaker(at: head, reader: reader, speakerAt: speakerAt)
      }
      guard [.advcl, .xcomp, .conj, .ccomp, .acl].contains(relation) else { break }
      current = head
    }
    return (nil, nil)
  }

  /// The speaker named at token `i`: the mention covering it, or one it governs (`Stephen
  /// Sestanovich of the Council ...`), else its words when they are a person or a source
  /// (`a senior official`).
  static func speaker(at i: Int, reader: SentenceView, speakerAt: [Int]) -> (
    mention: Int?, tokens: Range<Int>?
  ) {
    if speakerAt[i] >= 0 { return (speakerAt[i], reader.mentions[speakerAt[i]].tokens) }
    for child in reader.children(of: i)
    where [.compound, .appos, .flat].contains(reader.deprel(child)) && speakerAt[child] >= 0 {
      return (speakerAt[child], reader.mentions[speakerAt[child]].tokens)
    }
    // An unnamed source, or a name the knowledge base lacks: the noun phrase, without its
    // preposition (`according to X`).
    let words = subtree(of: i, reader: reader).filter {
      $0 == i || ![.case, .fixed, .mark].contains(reader.deprel($0))
    }
    let phrase = span(Set(words), reader: reader)
    return (nil, phrase.isEmpty ? nil : phrase)
  }

  /// The tokens of the subtree of `i` in its sentence.
  static func subtree(of i: Int, reader: SentenceView) -> Set<Int> {
    var result: Set<Int> = [i]
    var stack = [i]
    while let next = stack.popLast() {
      for child in reader.children(of: next) where result.insert(child).inserted {
        stack.append(child)
      }
    }
    return result
  }

  /// The smallest range covering `tokens`, without punctuation at either end.
  static func span(_ tokens: Set<Int>, reader: SentenceView) -> Range<Int> {
    guard var low = tokens.min(), var high = tokens.max().map({ $0 + 1 }) else { return 0..<0 }
    while low < high && reader.isPunctuation(low) { low += 1 }
    while high > low && reader.isPunctuation(high - 1) { high -= 1 }
    return low..<high
  }

  /// The sentence without `phrase` and the punctuation around it, when what is left is one
  /// stretch of words (`X, according to Y.` -> `X`).
  static func rest(of reader: SentenceView, without phrase: Set<Int>) -> Range<Int>? {
    guard let low = phrase.min(), let high = phrase.max() else { return nil }
    let before = span(Set(reader.range.lowerBound..<low), reader: reader)
    let after = span(Set(high + 1..<reader.range.upperBound), reader: reader)
    let content = before.count >= after.count ? before : after
    // A leading `as` of the clause (`..., as stated by X`) is not what was said.
    return content.count >= 2 ? content : nil
  }
}
