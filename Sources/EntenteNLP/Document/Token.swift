/// A view of one token of a ``Doc``.
public struct Token: Sendable {
  /// The document.
  public let doc: Doc
  /// The token's index in ``Doc/tokens``.
  public let index: Int

  /// Creates a view of token `index` of `doc`.
  ///
  /// - Precondition: `index` is a valid token index.
  public init(doc: Doc, index: Int) {
    precondition(doc.tokens.indices.contains(index), "token index out of range")
    self.doc = doc
    self.index = index
  }

  /// The stored token.
  public var data: TokenData { doc.tokens[index] }
  /// The token's text.
  public var text: String { doc.string(bytes: byteRange) }
  /// The UTF-8 byte range in the document text.
  public var byteRange: Range<Int> { Int(data.start)..<Int(data.end) }
  /// What kind of token this is.
  public var kind: TokenKind { data.kind }
  /// The interned id of the text.
  public var lexeme: LexemeID { data.lexeme }
  /// Whether whitespace follows the token.
  public var hasSpaceAfter: Bool { data.flags.contains(.spaceAfter) }
}

/// A view of a range of tokens of a ``Doc``, such as a sentence.
public struct Span: Sendable {
  /// The document.
  public let doc: Doc
  /// The token indices covered.
  public let tokens: Range<Int>

  /// Creates a view of the tokens `tokens` of `doc`.
  ///
  /// - Precondition: `tokens` lies within the document's tokens.
  public init(doc: Doc, tokens: Range<Int>) {
    precondition(
      tokens.lowerBound >= 0 && tokens.upperBound <= doc.tokens.count, "span out of range")
    self.doc = doc
    self.tokens = tokens
  }

  /// The UTF-8 byte range from the first token's start to the last token's end.
  public var byteRange: Range<Int> {
    guard let first = tokens.first, let last = tokens.last else { return 0..<0 }
    return Int(doc.tokens[first].start)..<Int(doc.tokens[last].end)
  }

  /// The text of the span, whitespace between tokens included.
  public var text: String { doc.string(bytes: byteRange) }

  /// The number of tokens.
  public var count: Int { tokens.count }

  /// The token views.
  public var tokenViews: [Token] { tokens.map { Token(doc: doc, index: $0) } }
}

extension Doc {
  /// The view of token `index`.
  public subscript(index: Int) -> Token { Token(doc: self, index: index) }

  /// The view of sentence `index`.
  public func sentence(_ index: Int) -> Span {
    let sentence = sentences[index]
    return Span(doc: self, tokens: Int(sentence.tokenStart)..<Int(sentence.tokenEnd))
  }

  /// Views of every sentence, in order.
  public var sentenceSpans: [Span] { sentences.indices.map(sentence) }
}
