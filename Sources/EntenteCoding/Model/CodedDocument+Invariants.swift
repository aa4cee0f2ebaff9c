/// A coded document whose offsets or indices do not hold.
public struct CodedDocumentInvariantError: Error, Sendable, CustomStringConvertible {
  /// What does not hold.
  public var description: String
}

extension CodedDocument {
  /// Checks what every consumer of the model relies on: each span lies in the text and its
  /// `text` is the text at its offsets (a quotation's, made of its quoted parts, lies in the
  /// text); every sentence, mention, agreement and token index points at one that exists.
  ///
  /// - Throws: ``CodedDocumentInvariantError`` naming the first violation.
  /// - Complexity: O(*n*) in the length of the text and the spans.
  public func checkInvariants() throws(CodedDocumentInvariantError) {
    let scalars = Array(text.unicodeScalars)
    func fail(_ what: String) -> CodedDocumentInvariantError {
      CodedDocumentInvariantError(description: what)
    }
    func lies(_ span: Span) -> Bool {
      span.start >= 0 && span.start <= span.end && span.end <= scalars.count
    }
    func check(_ span: Span, _ what: @autoclosure () -> String) throws(CodedDocumentInvariantError)
    {
      guard lies(span) else {
        throw fail("\(what()): \(span.start)..<\(span.end) is not in the text")
      }
      guard span.text.unicodeScalars.elementsEqual(scalars[span.start..<span.end]) else {
        throw fail("\(what()): \"\(span.text)\" is not the text at \(span.start)..<\(span.end)")
      }
    }
    func sentence(_ index: Int, _ what: @autoclosure () -> String)
      throws(CodedDocumentInvariantError)
    {
      guard sentences.indices.contains(index) else { throw fail("\(what()): no sentence \(index)") }
    }
    func place(_ location: Location, _ what: @autoclosure () -> String)
      throws(CodedDocumentInvariantError)
    {
      guard (-90...90).contains(location.lat), (-180...180).contains(location.lon),
        (0...1).contains(location.confidence), !location.name.isEmpty
      else {
        throw fail(
          "\(what()): location \(location.name) at \(location.lat),\(location.lon) confidence \(location.confidence)"
        )
      }
    }
    var tokenCount = 0
    for (index, item) in sentences.enumerated() {
      try check(item.span, "sentence \(index)")
      tokenCount += item.tokens?.count ?? 0
    }
    tokenCount += tokens?.count ?? 0
    for (index, token) in (sentences.flatMap { $0.tokens ?? [] } + (tokens ?? [])).enumerated() {
      try check(token.span, "token \(index)")
      guard token.index == index else { throw fail("token \(index) says it is \(token.index)") }
      if let head = token.dependency?.head, !(0..<tokenCount).contains(head) {
        throw fail("token \(index): no head \(head)")
      }
    }
    for (index, mention) in mentions.enumerated() {
      try check(mention.span, "mention \(index)")
      try sentence(mention.sentence, "mention \(index)")
      if let affiliation = mention.affiliation, !mentions.indices.contains(affiliation) {
        throw fail("mention \(index): no mention \(affiliation) to belong to")
      }
      if let location = mention.location { try place(location, "mention \(index)") }
    }
    for (index, event) in events.enumerated() {
      try sentence(event.sentence, "event \(index)")
      try check(event.evidence, "event \(index) evidence")
      try check(event.source.span, "event \(index) source")
      if let target = event.target { try check(target.span, "event \(index) target") }
      if let location = event.location { try place(location, "event \(index)") }
      guard (event.location == nil) == (event.locationText == nil) else {
        throw fail("event \(index): a location without its words, or words without a location")
      }
    }
    for (index, quote) in quotes.enumerated() {
      try sentence(quote.sentence, "quote \(index)")
      guard lies(quote.content) else { throw fail("quote \(index): content not in the text") }
      if let speaker = quote.speaker { try check(speaker.span, "quote \(index) speaker") }
    }
    for (index, agreement) in agreements.enumerated() {
      try sentence(agreement.sentence, "agreement \(index)")
      try check(agreement.evidence, "agreement \(index)")
      for party in agreement.parties { try check(party.span, "agreement \(index) party") }
      for reference in agreement.references { try check(reference, "agreement \(index) reference") }
      for link in [agreement.replaces, agreement.replacedBy].compactMap({ $0 })
      where !agreements.indices.contains(link) {
        throw fail("agreement \(index): no agreement \(link)")
      }
    }
    for (index, relation) in relations.enumerated() {
      try sentence(relation.sentence, "relation \(index)")
      try check(relation.evidence, "relation \(index)")
      try check(relation.source.span, "relation \(index) source")
      try check(relation.target.span, "relation \(index) target")
    }
  }
}
