/// A document: its text and the annotations that the pipeline adds to it.
///
/// A `Doc` owns the NFC-normalised text and flat arrays of small plain structs: tokens
/// (byte ranges with interned ids) and sentences (token ranges). ``Token`` and ``Span`` are
/// views into a `Doc`, never copies. Pipeline components fill the arrays in place; each
/// records what it provided in ``attributes``.
public struct Doc: Sendable {
  /// The document text, in Unicode Normalization Form C.
  public let text: String
  /// The shared vocabulary that the token ids refer to.
  public let vocabulary: Vocabulary
  /// The tokens, in text order.
  public internal(set) var tokens: ContiguousArray<TokenData> = []
  /// The sentences, in text order; they partition the tokens.
  public internal(set) var sentences: ContiguousArray<SentenceData> = []
  /// Strings of this document that the shared vocabulary lacks.
  var lexemes = LexemeTable()
  /// The annotations present.
  public internal(set) var attributes: Set<DocAttribute> = []
  /// The names of the tag classes that ``TokenData/tag`` indexes, once tagged.
  public internal(set) var tagSet: TagSet?
  /// The lemma of each token, once lemmatized.
  public internal(set) var lemmas: ContiguousArray<String> = []
  /// The names of the relations that ``TokenData/deprel`` indexes, once parsed.
  public internal(set) var labelSet: LabelSet?
  /// Tokens known to be part of a name (a dictionary's country, city or organisation), one
  /// flag per token, or empty: the tagger gives them a noun or adjective tag, so that an
  /// unknown name such as `Arnor` is not read as `nor`.
  public var nameHints: [Bool] = []

  /// Creates a document with no annotations.
  ///
  /// - Parameters:
  ///   - text: The text; it is normalised to NFC.
  ///   - vocabulary: The shared vocabulary to intern tokens against.
  public init(text: String, vocabulary: Vocabulary = .empty) {
    var normalized = TextNormalization.nfc(text)
    normalized.makeContiguousUTF8()
    self.text = normalized
    self.vocabulary = vocabulary
  }

  /// The number of UTF-8 bytes in the text.
  public var byteCount: Int { text.utf8.count }

  /// Calls `body` with the UTF-8 bytes of the text.
  ///
  /// The text is a native contiguous string, so no copy is made.
  @inlinable
  public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    if let result = try text.utf8.withContiguousStorageIfAvailable(body) {
      return result
    }
    let copy = Array(text.utf8)
    return try copy.withUnsafeBufferPointer(body)
  }

  /// The text of the byte range `start..<end`.
  public func string(bytes range: Range<Int>) -> String {
    withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
  }

  /// The string that `id` names in this document.
  public func string(for id: LexemeID) -> String {
    if id.isShared { return vocabulary[id.index] }
    let entry = lexemes.entries[id.index]
    return string(bytes: Int(entry.start)..<Int(entry.start + entry.length))
  }

  /// The number of strings interned locally by this document.
  public var localLexemeCount: Int { lexemes.entries.count }
}

/// An annotation that a pipeline component provides and another may require.
public enum DocAttribute: String, Sendable, Hashable, CaseIterable {
  /// Tokens with offsets, kinds and interned ids.
  case tokens
  /// Sentence boundaries.
  case sentences
  /// Part-of-speech tags (Penn Treebank and Universal).
  case tags
  /// Lemmas.
  case lemmas
  /// Dependency heads and relations.
  case parse
}

extension Doc {
  /// The index of the sentence holding `token` (the first sentence ending after it), found by
  /// a binary search; the last sentence's index for a token past them all, 0 when there are
  /// none.
  ///
  /// - Complexity: O(log *n*) in the number of sentences.
  public func sentenceIndex(ofToken token: Int) -> Int {
    var low = 0
    var high = sentences.count
    while low < high {
      let middle = (low + high) / 2
      if Int(sentences[middle].tokenEnd) > token { high = middle } else { low = middle + 1 }
    }
    return low < sentences.count ? low : max(0, sentences.count - 1)
  }
}
