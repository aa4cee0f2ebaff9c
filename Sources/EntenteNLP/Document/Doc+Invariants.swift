/// A violated structural invariant of a ``Doc``.
public struct DocInvariantError: Error, Sendable, CustomStringConvertible {
  /// What is wrong, with the index of the offending token or sentence.
  public var description: String
}

extension Doc {
  /// Checks the structural invariants of the document.
  ///
  /// Tokens are non-empty, in bounds, in increasing order and do not overlap; they start and
  /// end on scalar boundaries; sentences are non-empty and partition the tokens in order.
  /// Debug builds of the pipeline run this after every component; tests call it directly.
  ///
  /// - Throws: ``DocInvariantError`` naming the first violation.
  /// - Complexity: O(*n*) in the number of tokens.
  public func checkInvariants() throws(DocInvariantError) {
    let byteCount = self.byteCount
    let failure: String? = withUTF8 { bytes -> String? in
      var previousEnd: UInt32 = 0
      for (i, token) in tokens.enumerated() {
        if token.start >= token.end { return "token \(i) is empty" }
        if Int(token.end) > byteCount { return "token \(i) ends past the text" }
        if token.start < previousEnd { return "token \(i) overlaps the one before" }
        if bytes[Int(token.start)] & 0xC0 == 0x80 {
          return "token \(i) starts inside a scalar"
        }
        if Int(token.end) < byteCount && bytes[Int(token.end)] & 0xC0 == 0x80 {
          return "token \(i) ends inside a scalar"
        }
        if !token.lexeme.isShared && token.lexeme.index >= lexemes.entries.count {
          return "token \(i) has an unknown local lexeme"
        }
        previousEnd = token.end
      }
      return nil
    }
    if let failure { throw DocInvariantError(description: failure) }
    guard attributes.contains(.sentences) else { return }
    var expected: UInt32 = 0
    for (i, sentence) in sentences.enumerated() {
      if sentence.tokenStart != expected {
        throw DocInvariantError(description: "sentence \(i) does not start where the last ended")
      }
      if sentence.tokenEnd <= sentence.tokenStart {
        throw DocInvariantError(description: "sentence \(i) is empty")
      }
      expected = sentence.tokenEnd
    }
    if Int(expected) != tokens.count {
      throw DocInvariantError(description: "sentences cover \(expected) of \(tokens.count) tokens")
    }
  }
}
