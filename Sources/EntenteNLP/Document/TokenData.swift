/// What kind of text a token is, decided by the tokenizer.
public enum TokenKind: UInt8, Sendable, CaseIterable {
  /// A word: letters, digits, hyphens and apostrophes with at least one letter.
  case word
  /// A word with a final period that belongs to it: `Mr.`, `U.N.`, `Jan.`, `J.`
  case abbreviation
  /// A number, ordinal, decade, date, time or range that starts with a digit: `1,000`, `3.5`,
  /// `20th`, `1990s`, `2024-06-19`, `10:30`.
  case number
  /// Punctuation: `.`, `,`, quotes, brackets, dashes, ellipses.
  case punctuation
  /// A symbol: currency signs, `%`, `&`, emoji.
  case symbol
  /// A URL.
  case url
  /// An e-mail address.
  case email
  /// A hashtag: `#Ukraine`.
  case hashtag
  /// A user mention: `@kremlin`.
  case mention

  /// The lowercase name used in output.
  public var name: String {
    switch self {
    case .word: "word"
    case .abbreviation: "abbreviation"
    case .number: "number"
    case .punctuation: "punctuation"
    case .symbol: "symbol"
    case .url: "url"
    case .email: "email"
    case .hashtag: "hashtag"
    case .mention: "mention"
    }
  }
}

/// Per-token facts that the tokenizer records for later stages.
public struct TokenFlags: OptionSet, Sendable, Hashable {
  public var rawValue: UInt8
  @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// Whitespace follows the token.
  public static let spaceAfter = TokenFlags(rawValue: 1 << 0)
  /// An abbreviation that comes before a name and never ends a sentence (`Mr.`, `Gen.`).
  public static let titleAbbreviation = TokenFlags(rawValue: 1 << 1)
  /// An abbreviation that comes before a number (`Jan.`, `No.`).
  public static let numberAbbreviation = TokenFlags(rawValue: 1 << 2)
  /// A single capital letter with a period: an initial (`F.`).
  public static let initial = TokenFlags(rawValue: 1 << 3)
  /// The first token of a sentence.
  public static let sentenceStart = TokenFlags(rawValue: 1 << 4)
  /// Part of a dateline (`MOSCOW (Reuters) -`).
  public static let dateline = TokenFlags(rawValue: 1 << 5)
}

/// One token, as stored in a ``Doc``: a byte range of the text and its interned id.
///
/// Offsets are UTF-8 byte offsets into ``Doc/text``; ``Doc`` converts them to Unicode scalar
/// offsets at the output edge.
public struct TokenData: Sendable, Equatable {
  /// Byte offset of the first byte.
  public var start: UInt32
  /// Byte offset just past the last byte.
  public var end: UInt32
  /// The interned text.
  public var lexeme: LexemeID
  /// What kind of token this is.
  public var kind: TokenKind
  /// Facts recorded by the tokenizer and segmenter.
  public var flags: TokenFlags
  /// The part-of-speech class (an index into the document's ``TagSet``), or `UInt16.max`.
  public var tag: UInt16 = .max
  /// The dependency relation (an index into the document's ``LabelSet``), or `UInt16.max`.
  public var deprel: UInt16 = .max
  /// The index of the head token in the document, or -1 for the root of a sentence (and
  /// before parsing).
  public var head: Int32 = -1

  /// Creates a token.
  @inlinable
  public init(start: UInt32, end: UInt32, lexeme: LexemeID, kind: TokenKind, flags: TokenFlags) {
    self.start = start
    self.end = end
    self.lexeme = lexeme
    self.kind = kind
    self.flags = flags
  }
}

/// One sentence, as stored in a ``Doc``: a range of token indices.
public struct SentenceData: Sendable, Equatable {
  /// Index of the first token.
  public var tokenStart: UInt32
  /// Index just past the last token.
  public var tokenEnd: UInt32
  /// Whether the sentence is a dateline rather than running text.
  public var isDateline: Bool

  /// Creates a sentence over the tokens `tokenStart..<tokenEnd`.
  @inlinable
  public init(tokenStart: UInt32, tokenEnd: UInt32, isDateline: Bool = false) {
    self.tokenStart = tokenStart
    self.tokenEnd = tokenEnd
    self.isDateline = isDateline
  }
}
