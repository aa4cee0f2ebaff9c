/// Where a part of a long document starts in the whole: what comes before it.
struct PartStart {
  /// Unicode scalars of the text before the part (what its offsets are moved by).
  var scalars = 0
  /// Tokens, sentences, mentions and agreements of the parts before it.
  var tokens = 0
  var sentences = 0
  var mentions = 0
  var agreements = 0

  /// Moves past a part (of `tokens` tokens).
  mutating func advance(past part: CodedDocument, tokens count: Int) {
    scalars += part.text.unicodeScalars.count
    tokens += count
    sentences += part.sentences.count
    mentions += part.mentions.count
    agreements += part.agreements.count
  }
}

/// Long documents are coded in parts (``DocumentCoder/partBytes``), each part on its own:
/// the offsets, sentence, token, mention and agreement indices of a part are moved past those
/// of the parts before it, and the parts joined into one document.
extension CodedDocument {
  /// Appends the next part, already moved (``moved(to:)``).
  mutating func append(_ part: CodedDocument) {
    text += part.text
    sentences += part.sentences
    if let partTokens = part.tokens { tokens = (tokens ?? []) + partTokens }
    mentions += part.mentions
    events += part.events
    quotes += part.quotes
    agreements += part.agreements
    relations += part.relations
  }

  /// This part of a document with its offsets and indices those of the whole.
  ///
  /// `start` says what comes before it. Only a document's first part can have a dateline.
  func moved(to start: PartStart) -> CodedDocument {
    guard start.scalars > 0 || start.tokens > 0 else { return self }
    let scalars = start.scalars
    let tokenCount = start.tokens
    let sentenceShift = start.sentences
    let mentionShift = start.mentions
    let agreementShift = start.agreements
    var part = self
    func move(_ span: Span) -> Span {
      Span(start: span.start + scalars, end: span.end + scalars, text: span.text)
    }
    func move(_ actor: Actor) -> Actor {
      Actor(code: actor.code, country: actor.country, span: move(actor.span))
    }
    func move(_ token: Token) -> Token {
      var token = token
      token.index += tokenCount
      token.span = move(token.span)
      if let head = token.dependency?.head { token.dependency?.head = head + tokenCount }
      return token
    }
    for index in part.sentences.indices {
      part.sentences[index].span = move(part.sentences[index].span)
      part.sentences[index].dateline = false
      part.sentences[index].tokens = part.sentences[index].tokens?.map(move)
    }
    part.tokens = part.tokens?.map(move)
    for index in part.mentions.indices {
      part.mentions[index].sentence += sentenceShift
      part.mentions[index].span = move(part.mentions[index].span)
      part.mentions[index].affiliation = part.mentions[index].affiliation.map { $0 + mentionShift }
    }
    for index in part.events.indices {
      part.events[index].sentence += sentenceShift
      part.events[index].source = move(part.events[index].source)
      part.events[index].target = part.events[index].target.map(move)
      part.events[index].evidence = move(part.events[index].evidence)
    }
    part.quotes = part.quotes.map { quote in
      var quote = quote
      quote.sentence += sentenceShift
      if var speaker = quote.speaker {
        speaker.span = move(speaker.span)
        quote.speaker = speaker
      }
      quote.content = move(quote.content)
      return quote
    }
    part.agreements = part.agreements.map { agreement in
      var agreement = agreement
      agreement.sentence += sentenceShift
      agreement.parties = agreement.parties.map(move)
      agreement.replaces = agreement.replaces.map { $0 + agreementShift }
      agreement.replacedBy = agreement.replacedBy.map { $0 + agreementShift }
      agreement.evidence = move(agreement.evidence)
      agreement.references = agreement.references.map(move)
      return agreement
    }
    part.relations = part.relations.map { relation in
      var relation = relation
      relation.sentence += sentenceShift
      relation.source = move(relation.source)
      relation.target = move(relation.target)
      relation.evidence = move(relation.evidence)
      return relation
    }
    return part
  }
}
