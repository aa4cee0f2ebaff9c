/// Long documents are coded in parts (``DocumentCoder/partBytes``), each part on its own, and
/// the parts joined into one document here: offsets, sentence, token, mention and agreement
/// indices of a later part are moved past those of the parts before it.
extension CodedDocument {
  /// Appends the coded document of the text that follows this one's.
  ///
  /// - Parameters:
  ///   - part: The coded document of the next part of the text.
  ///   - scalars: The Unicode scalars of this document's text so far (what the part's
  ///     offsets are moved by), kept by the caller rather than counted again each time.
  ///   - tokenCount: The tokens of the parts so far (what its token indices are moved by).
  mutating func append(_ part: CodedDocument, scalars: Int, tokenCount: Int) {
    let sentenceShift = sentences.count
    let mentionShift = mentions.count
    let agreementShift = agreements.count
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
    text += part.text
    for var sentence in part.sentences {
      sentence.span = move(sentence.span)
      // Only the document's first lines can be its dateline.
      sentence.dateline = false
      sentence.tokens = sentence.tokens?.map(move)
      sentences.append(sentence)
    }
    if let partTokens = part.tokens { tokens = (tokens ?? []) + partTokens.map(move) }
    for var mention in part.mentions {
      mention.sentence += sentenceShift
      mention.span = move(mention.span)
      mention.affiliation = mention.affiliation.map { $0 + mentionShift }
      mentions.append(mention)
    }
    for var event in part.events {
      event.sentence += sentenceShift
      event.source = move(event.source)
      event.target = event.target.map(move)
      event.evidence = move(event.evidence)
      events.append(event)
    }
    for var quote in part.quotes {
      quote.sentence += sentenceShift
      if var speaker = quote.speaker {
        speaker.span = move(speaker.span)
        quote.speaker = speaker
      }
      quote.content = move(quote.content)
      quotes.append(quote)
    }
    for var agreement in part.agreements {
      agreement.sentence += sentenceShift
      agreement.parties = agreement.parties.map(move)
      agreement.replaces = agreement.replaces.map { $0 + agreementShift }
      agreement.replacedBy = agreement.replacedBy.map { $0 + agreementShift }
      agreement.evidence = move(agreement.evidence)
      agreement.references = agreement.references.map(move)
      agreements.append(agreement)
    }
    for var relation in part.relations {
      relation.sentence += sentenceShift
      relation.source = move(relation.source)
      relation.target = move(relation.target)
      relation.evidence = move(relation.evidence)
      relations.append(relation)
    }
  }
}
