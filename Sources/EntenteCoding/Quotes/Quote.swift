import EntenteNLP

/// How a quote is given.
public enum QuoteKind: String, Sendable, Codable, CaseIterable {
  /// In quotation marks.
  case direct
  /// Reported: `X said that ...`, `according to X`, `as stated by X`.
  case indirect
  /// Reported with quoted words inside (`X said the pact was "defensive"`).
  case mixed
}

/// A statement attributed to a speaker: who said it, with which verb, and what.
public struct Quote: Sendable, Equatable {
  /// The sentence where the content starts.
  public var sentence: Int
  /// The speaker's mention, when the speaker is one (`nil` for an unnamed source).
  public var speaker: Int?
  /// The words that name the speaker (`he`, `a senior official`), when found.
  public var speakerTokens: Range<Int>?
  /// The verb or phrase that attributes it (`said`, `according`, `stated`).
  public var cue: Int?
  /// The words said (inside the quotation marks, or the reported clause).
  public var content: Range<Int>
  /// For a direct quote interrupted by its attribution, the quoted parts.
  public var parts: [Range<Int>]
  /// Direct, indirect or mixed.
  public var kind: QuoteKind
}
