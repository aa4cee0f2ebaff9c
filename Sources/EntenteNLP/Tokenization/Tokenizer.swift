/// Splits English news text into tokens, without losing a byte.
///
/// The tokenizer works on the UTF-8 bytes of the text and records for each token its byte
/// range, its kind and its interned id; whitespace is never part of a token and no character
/// is dropped or rewritten, so every token points back to its evidence.
///
/// Text is first cut at whitespace (including no-break and other Unicode spaces). Each
/// whitespace-delimited chunk is then taken apart from both ends, in the manner of spaCy:
/// whole-chunk special cases (URLs, e-mail addresses, hashtags, abbreviations with their
/// period, emoticons) are tried first; otherwise an opening quote, bracket or currency sign is
/// split off the front, or closing punctuation, a clitic (`'s`, `n't`, `'ll`) or a final
/// period off the back, and the loop repeats; what remains is split at dashes, ellipses and
/// other infix punctuation. Hyphenated words (`long-range`), numbers (`1,000`, `3.5`, `20th`,
/// `2024-06-19`, `10:30`), acronyms (`U.S.`) and names with apostrophes (`O'Brien`) stay whole.
public struct Tokenizer: Sendable, DocComponent {
  let tables: TokenizerTables

  /// Creates a tokenizer with Entente's English exception lists.
  public init() {
    tables = TokenizerTables()
  }

  public var name: String { "tokenizer" }
  public var requires: [DocAttribute] { [] }
  public var provides: [DocAttribute] { [.tokens] }

  /// Tokenizes the text of `doc`, replacing any tokens it had.
  ///
  /// - Complexity: O(*n*) in the length of the text.
  public func process(_ doc: inout Doc) {
    var tokens = ContiguousArray<TokenData>()
    var lexemes = LexemeTable()
    let byteCount = doc.byteCount
    // News has some five bytes a token. A long document may have up to one a byte (a run of
    // quotes): its array is made for that many at once rather than grown by doubling, which
    // holds the old and the new array together at the end. The pages of a large allocation
    // that are never written take no memory.
    tokens.reserveCapacity(byteCount > 1 << 20 ? byteCount + 1 : byteCount / 5 + 4)
    lexemes.reserve(Swift.min(byteCount / 8 + 16, 1 << 20))
    let vocabulary = doc.vocabulary
    doc.withUTF8 { buffer in
      guard let base = buffer.baseAddress else { return }
      var run = TokenizerRun(
        tables: tables, p: base, n: buffer.count, vocabulary: vocabulary, tokens: tokens,
        lexemes: lexemes)
      tokens = []
      lexemes = LexemeTable()
      run.tokenizeAll()
      tokens = run.tokens
      lexemes = run.lexemes
    }
    doc.tokens = tokens
    doc.lexemes = lexemes
    doc.sentences = []
    doc.attributes = [.tokens]
  }
}

/// The word lists of a tokenizer, interned once and shared by reference, so that the
/// per-chunk code reads them without copying anything.
final class TokenizerTables: Sendable {
  let titles: Vocabulary
  let beforeNumbers: Vocabulary
  let onlyBeforeDigits: Vocabulary
  let others: Vocabulary
  let whole: Vocabulary
  /// Whether some entry of `whole` starts with the byte: most chunks skip the lookup.
  let wholeFirstBytes: [Bool]
  let splits: Vocabulary
  let splitLengths: [Int]
  /// The longest entry of `whole`, and of the abbreviation lists without its period, in
  /// bytes: a longer piece is looked up in none of them (each lookup hashes the piece, and
  /// a chunk peeled one byte at a time, `.).).)...`, once made that quadratic).
  let longestWhole: Int
  let longestAbbreviation: Int

  init() {
    titles = Vocabulary(TokenizerExceptions.titles)
    beforeNumbers = Vocabulary(TokenizerExceptions.beforeNumbers)
    onlyBeforeDigits = Vocabulary(TokenizerExceptions.onlyBeforeDigits)
    others = Vocabulary(TokenizerExceptions.others)
    whole = Vocabulary(TokenizerExceptions.whole)
    var firstBytes = [Bool](repeating: false, count: 256)
    for entry in TokenizerExceptions.whole {
      if let first = entry.utf8.first { firstBytes[Int(first)] = true }
    }
    wholeFirstBytes = firstBytes
    splits = Vocabulary(TokenizerExceptions.splits.map(\.0))
    splitLengths = TokenizerExceptions.splits.map(\.1)
    longestWhole = TokenizerExceptions.whole.map(\.utf8.count).max() ?? 0
    longestAbbreviation =
      (TokenizerExceptions.titles + TokenizerExceptions.beforeNumbers
      + TokenizerExceptions.onlyBeforeDigits + TokenizerExceptions.others).map(\.utf8.count).max()
      ?? 0
  }
}

/// The state of one tokenization: the text, the output arrays and a scratch stack.
struct TokenizerRun {
  let tables: TokenizerTables
  let p: UnsafePointer<UInt8>
  let n: Int
  let vocabulary: Vocabulary
  var tokens: ContiguousArray<TokenData>
  var lexemes: LexemeTable
  /// Suffixes peeled off the current chunk, emitted in reverse order when it is done.
  var suffixes: [(start: Int, end: Int)] = []
  /// Whether the current chunk contains `@`, the only way it can hold an e-mail address.
  var chunkHasAt = false

  init(
    tables: TokenizerTables, p: UnsafePointer<UInt8>, n: Int, vocabulary: Vocabulary,
    tokens: ContiguousArray<TokenData>, lexemes: LexemeTable
  ) {
    self.tables = tables
    self.p = p
    self.n = n
    self.vocabulary = vocabulary
    self.tokens = tokens
    self.lexemes = lexemes
    suffixes.reserveCapacity(16)
  }

  // MARK: Whitespace and chunks

  /// Whether a separator (whitespace or a non-ASCII space) starts at `i`; returns its length,
  /// or 0 when a token character starts there.
  @inline(__always)
  func separatorLength(at i: Int) -> Int {
    let b = p[i]
    if b < 0x80 { return UTF8Scanning.isSpaceASCII(b) ? 1 : 0 }
    let (v, length) = UTF8Scanning.decode(p, i, n)
    switch ScalarClass.of(v) {
    case .space, .newline: return length
    default: return 0
    }
  }

  mutating func tokenizeAll() {
    var i = 0
    while i < n {
      let separator = separatorLength(at: i)
      if separator > 0 {
        if let last = tokens.indices.last, Int(tokens[last].end) == i {
          tokens[last].flags.insert(.spaceAfter)
        }
        i += separator
        continue
      }
      var j = i
      chunkHasAt = false
      while j < n {
        let b = p[j]
        if b < 0x80 {
          if UTF8Scanning.isSpaceASCII(b) { break }
          if b == 0x40 { chunkHasAt = true }
          j += 1
        } else {
          if separatorLength(at: j) > 0 { break }
          j += UTF8Scanning.decode(p, j, n).1
        }
      }
      tokenizeChunk(i, j)
      i = j
    }
  }

  /// Whether the first non-space byte after `i` is a digit.
  func digitFollows(_ i: Int) -> Bool {
    var j = i
    while j < n && (p[j] == 0x20 || p[j] == 0x09) { j += 1 }
    if j < n && p[j] == 0xC2 && j + 1 < n && p[j + 1] == 0xA0 { j += 2 }
    return j < n && UTF8Scanning.isDigit(p[j])
  }

  mutating func tokenizeChunk(_ chunkStart: Int, _ chunkEnd: Int) {
    var s = chunkStart
    var e = chunkEnd
    let stackBase = suffixes.count
    while s < e {
      if let (length, kind, flags) = special(s, e, chunkEnd: chunkEnd) {
        emit(s, s + length, kind, flags)
        s += length
        continue
      }
      if let length = prefixLength(s, e) {
        emit(s, s + length, classify(s, s + length), [])
        s += length
        continue
      }
      if let length = suffixLength(s, e) {
        suffixes.append((e - length, e))
        e -= length
        continue
      }
      splitInfixes(s, e)
      s = e
    }
    while suffixes.count > stackBase {
      let (start, end) = suffixes.removeLast()
      emit(start, end, classify(start, end), [])
    }
  }

  // MARK: Emitting

  @inline(__always)
  mutating func emit(_ start: Int, _ end: Int, _ kind: TokenKind, _ flags: TokenFlags) {
    let length = end - start
    let hash = ByteString.hash(p + start, count: length)
    let lexeme: LexemeID
    if let id = vocabulary.id(bytes: p + start, count: length, hash: hash) {
      lexeme = LexemeID(rawValue: UInt32(id))
    } else {
      let local = lexemes.intern(p, start: start, length: length, hash: hash)
      lexeme = LexemeID(rawValue: LexemeID.localFlag | UInt32(local))
    }
    tokens.append(
      TokenData(
        start: UInt32(start), end: UInt32(end), lexeme: lexeme, kind: kind, flags: flags))
  }

  /// The kind of a piece that no special case claimed.
  func classify(_ s: Int, _ e: Int) -> TokenKind {
    let b = p[s]
    if UTF8Scanning.isDigit(b) { return .number }
    if (b == 0x2E || b == 0x2D || b == 0x2B) && s + 1 < e && UTF8Scanning.isDigit(p[s + 1]) {
      return .number
    }
    // Any letter or digit makes a word; otherwise the first scalar decides.
    var i = s
    var sawPunctuation = false
    while i < e {
      let c = p[i]
      if c < 0x80 {
        if UTF8Scanning.isAlphanumeric(c) { return .word }
        switch c {
        case 0x24, 0x25, 0x26, 0x2B, 0x3C, 0x3D, 0x3E, 0x5E, 0x7C, 0x7E, 0x23, 0x40:
          break
        default:
          sawPunctuation = true
        }
        i += 1
      } else {
        let (v, length) = UTF8Scanning.decode(p, i, n)
        switch ScalarClass.of(v) {
        case .word: return .word
        case .symbol, .currency, .joiner: break
        default: sawPunctuation = true
        }
        i += length
      }
    }
    return sawPunctuation ? .punctuation : .symbol
  }

  // MARK: Special cases

  /// A special case at `s`: its length and kind, or `nil`.
  mutating func special(_ s: Int, _ e: Int, chunkEnd: Int) -> (Int, TokenKind, TokenFlags)? {
    let length = e - s
    let b = p[s]
    if length <= tables.longestWhole && tables.wholeFirstBytes[Int(b)]
      && tables.whole.contains(bytes: p + s, count: length)
    {
      let kind = classify(s, e)
      return (length, kind == .word ? .word : .symbol, [])
    }
    if let split = splitException(s, e) {
      // Emit the first part here; the second is found again as a plain word.
      return (split, .word, [])
    }
    switch b | 0x20 {
    case 0x68, 0x77, 0x66:
      if let url = urlLength(s, e) { return (url, .url, []) }
    default:
      break
    }
    if b == 0x23 || b == 0x40, let tag = tagLength(s, e) {
      return (tag, b == 0x23 ? .hashtag : .mention, [])
    }
    if chunkHasAt && UTF8Scanning.isAlphanumeric(b), let email = emailLength(s, e) {
      return (email, .email, [])
    }
    if p[e - 1] == 0x2E, let flags = abbreviation(s, e, chunkEnd: chunkEnd) {
      return (length, .abbreviation, flags)
    }
    if let decade = decadeLength(s, e) { return (decade, .number, []) }
    return nil
  }

  /// The length of the first part when `[s, e)` is a word treebanks split (`cannot`).
  func splitException(_ s: Int, _ e: Int) -> Int? {
    let length = e - s
    guard length >= 5 && length <= 8 else { return nil }
    // Every entry starts with one of c, d, g, l, t, w.
    switch p[s] | 0x20 {
    case 0x63, 0x64, 0x67, 0x6C, 0x74, 0x77: break
    default: return nil
    }
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 8) { lower -> Int? in
      guard let base = lower.baseAddress else { return nil }
      for i in 0..<length {
        let c = p[s + i]
        guard c < 0x80 else { return nil }
        base[i] = UTF8Scanning.isUpper(c) ? c | 0x20 : c
      }
      guard let id = tables.splits.id(bytes: base, count: length) else { return nil }
      return tables.splitLengths[id]
    }
  }

  /// The length of a URL at `s`, trailing punctuation and unbalanced brackets excluded.
  func urlLength(_ s: Int, _ e: Int) -> Int? {
    func hasPrefix(_ prefix: StaticString) -> Bool {
      let count = prefix.utf8CodeUnitCount
      guard e - s > count else { return false }
      let bytes = prefix.utf8Start
      for i in 0..<count {
        let c = p[s + i]
        if (UTF8Scanning.isUpper(c) ? c | 0x20 : c) != bytes[i] { return false }
      }
      return true
    }
    guard
      hasPrefix("http://") || hasPrefix("https://") || hasPrefix("www.")
        || hasPrefix("ftp://")
    else { return nil }
    var end = e
    var opened = 0
    var closed = 0
    for i in s..<e {
      if p[i] == 0x28 { opened += 1 }
      if p[i] == 0x29 { closed += 1 }
    }
    while end > s {
      let c = p[end - 1]
      if c >= 0x80 {
        let (v, length) = UTF8Scanning.decodeBefore(p, end, n)
        switch ScalarClass.of(v) {
        case .closing, .rightSingleQuote, .ellipsis, .opening, .dash:
          end -= length
          continue
        default:
          break
        }
        break
      }
      switch c {
      case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x22, 0x27:
        end -= 1
        continue
      case 0x29 where closed > opened:
        closed -= 1
        end -= 1
        continue
      case 0x5D:
        end -= 1
        continue
      default:
        break
      }
      break
    }
    return end - s > 4 ? end - s : nil
  }

  /// The length of a hashtag or mention at `s` (`#Ukraine`, `@kremlin`).
  func tagLength(_ s: Int, _ e: Int) -> Int? {
    var i = s + 1
    var letters = 0
    while i < e {
      let c = p[i]
      if c < 0x80 {
        if UTF8Scanning.isLetter(c) {
          letters += 1
        } else if !(UTF8Scanning.isDigit(c) || c == 0x5F) {
          break
        }
        i += 1
      } else {
        let (v, length) = UTF8Scanning.decode(p, i, n)
        guard ScalarClass.of(v) == .word else { break }
        letters += 1
        i += length
      }
    }
    return letters > 0 ? i - s : nil
  }

  /// The length of an e-mail address at `s`.
  func emailLength(_ s: Int, _ e: Int) -> Int? {
    var at = -1
    var i = s
    while i < e {
      let c = p[i]
      if c == 0x40 {
        at = i
        break
      }
      guard
        UTF8Scanning.isAlphanumeric(c) || c == 0x2E || c == 0x5F || c == 0x25 || c == 0x2B
          || c == 0x2D
      else { return nil }
      i += 1
    }
    guard at > s else { return nil }
    var end = at + 1
    var lastDot = -1
    while end < e {
      let c = p[end]
      guard UTF8Scanning.isAlphanumeric(c) || c == 0x2E || c == 0x2D else { break }
      if c == 0x2E { lastDot = end }
      end += 1
    }
    while end > at + 1 && (p[end - 1] == 0x2E || p[end - 1] == 0x2D) { end -= 1 }
    if lastDot >= end { lastDot = -1 }
    var dot = end - 1
    while dot > at && p[dot] != 0x2E { dot -= 1 }
    guard dot > at + 1, end - dot >= 3 else { return nil }
    for j in (dot + 1)..<end where !UTF8Scanning.isLetter(p[j]) { return nil }
    return end - s
  }

  /// Flags for `[s, e)` when it is an abbreviation whose final period belongs to it.
  func abbreviation(_ s: Int, _ e: Int, chunkEnd: Int) -> TokenFlags? {
    let length = e - s
    guard length >= 2 else { return nil }
    let stemLength = length - 1
    // A single capital letter: an initial.
    if stemLength == 1 {
      return UTF8Scanning.isUpper(p[s]) ? [.initial] : nil
    }
    // Letters separated by periods: U.S., U.N., a.m., e.g., D.C.
    if isAcronym(s, e) { return [] }
    guard stemLength <= tables.longestAbbreviation else { return nil }
    if tables.titles.contains(bytes: p + s, count: stemLength) { return [.titleAbbreviation] }
    if tables.beforeNumbers.contains(bytes: p + s, count: stemLength) {
      return [.numberAbbreviation]
    }
    if tables.onlyBeforeDigits.contains(bytes: p + s, count: stemLength) {
      return e == chunkEnd && digitFollows(e) ? [.numberAbbreviation] : nil
    }
    if tables.others.contains(bytes: p + s, count: stemLength) { return [] }
    return nil
  }

  /// Whether `[s, e)` is one or more letters each followed by a period, with at least two.
  func isAcronym(_ s: Int, _ e: Int) -> Bool {
    guard (e - s) % 2 == 0 && e - s >= 4 else { return false }
    var i = s
    while i < e {
      guard UTF8Scanning.isLetter(p[i]) && p[i + 1] == 0x2E else { return false }
      i += 2
    }
    return true
  }

  /// The length of an abbreviated decade or year at `s`: `'90s`, `’60s`, `'08`.
  func decadeLength(_ s: Int, _ e: Int) -> Int? {
    var i = s
    if p[i] == 0x27 {
      i += 1
    } else if p[i] == 0xE2 && i + 2 < e && p[i + 1] == 0x80 && p[i + 2] == 0x99 {
      i += 3
    } else {
      return nil
    }
    guard i + 1 < e, UTF8Scanning.isDigit(p[i]), UTF8Scanning.isDigit(p[i + 1]) else {
      return nil
    }
    i += 2
    if i < e && p[i] == 0x73 { i += 1 }
    if i < e && UTF8Scanning.isAlphanumeric(p[i]) { return nil }
    return i - s
  }

  // MARK: Prefixes

  /// The length of an opening piece at the front of `[s, e)`, or `nil`.
  func prefixLength(_ s: Int, _ e: Int) -> Int? {
    guard e - s > 1 else { return nil }
    let b = p[s]
    let next = p[s + 1]
    if b < 0x80 {
      switch b {
      case 0x22, 0x28, 0x5B, 0x7B, 0x3C, 0x24, 0x2A, 0x23, 0x7E:
        return 1
      case 0x60:
        return next == 0x60 ? 2 : 1
      case 0x27:
        return 1
      case 0x2D:
        if next == 0x2D { return run(of: 0x2D, from: s, to: e) }
        return UTF8Scanning.isDigit(next) ? nil : 1
      case 0x2E:
        if next == 0x2E { return run(of: 0x2E, from: s, to: e) }
        return UTF8Scanning.isDigit(next) ? nil : 1
      default:
        break
      }
      // Currency codes glued to a dollar sign: US$, HK$, C$, A$, NZ$.
      if UTF8Scanning.isUpper(b) {
        var i = s
        while i < e && i - s < 3 && UTF8Scanning.isUpper(p[i]) { i += 1 }
        if i < e - 1 && p[i] == 0x24 && UTF8Scanning.isDigit(p[i + 1]) { return i + 1 - s }
      }
      return nil
    }
    let (v, length) = UTF8Scanning.decode(p, s, n)
    switch ScalarClass.of(v) {
    case .opening, .dash, .ellipsis, .currency:
      return length
    case .punctuation:
      return length
    default:
      return nil
    }
  }

  /// The length of the run of byte `c` starting at `s`.
  @inline(__always)
  func run(of c: UInt8, from s: Int, to e: Int) -> Int {
    var i = s
    while i < e && p[i] == c { i += 1 }
    return i - s
  }

  // MARK: Suffixes

  /// Whether the bytes before `end` are an apostrophe (`'` or `’`); returns its length.
  @inline(__always)
  func apostropheLength(before end: Int, floor: Int) -> Int {
    if end - 1 >= floor && p[end - 1] == 0x27 { return 1 }
    if end - 3 >= floor && p[end - 3] == 0xE2 && p[end - 2] == 0x80 && p[end - 1] == 0x99 {
      return 3
    }
    return 0
  }

  /// Whether the scalar before `end` is a letter or digit.
  @inline(__always)
  func wordCharacter(before end: Int, floor: Int) -> Bool {
    guard end > floor else { return false }
    let c = p[end - 1]
    if c < 0x80 { return UTF8Scanning.isAlphanumeric(c) }
    let (v, _) = UTF8Scanning.decodeBefore(p, end, n)
    return ScalarClass.of(v) == .word
  }

  /// The length of a clitic at the end of `[s, e)`: `'s`, `'m`, `'d`, `'re`, `'ve`, `'ll`,
  /// `n't`, with straight or curly apostrophes.
  func cliticLength(_ s: Int, _ e: Int) -> Int? {
    let last = p[e - 1] | 0x20
    switch last {
    case 0x73, 0x6D, 0x64:
      let a = apostropheLength(before: e - 1, floor: s)
      guard a > 0 else { return nil }
      let stemEnd = e - 1 - a
      if wordCharacter(before: stemEnd, floor: s) { return a + 1 }
      // An acronym's possessive: U.K.'s
      if last == 0x73 && stemEnd - 2 >= s && p[stemEnd - 1] == 0x2E
        && UTF8Scanning.isLetter(p[stemEnd - 2])
      {
        return a + 1
      }
    case 0x65, 0x6C:
      guard e - s >= 4 else { return nil }
      let second = p[e - 2] | 0x20
      let ok =
        (last == 0x65 && (second == 0x72 || second == 0x76)) || (last == 0x6C && second == 0x6C)
      guard ok else { return nil }
      let a = apostropheLength(before: e - 2, floor: s)
      if a > 0 && wordCharacter(before: e - 2 - a, floor: s) { return a + 2 }
    case 0x74:
      let a = apostropheLength(before: e - 1, floor: s)
      guard a > 0, e - 1 - a - 1 > s, p[e - 1 - a - 1] | 0x20 == 0x6E else { return nil }
      if wordCharacter(before: e - 1 - a - 1, floor: s) { return a + 2 }
    default:
      break
    }
    return nil
  }

  /// The length of a closing piece at the end of `[s, e)`, or `nil`.
  func suffixLength(_ s: Int, _ e: Int) -> Int? {
    guard e - s > 1 else { return nil }
    let b = p[e - 1]
    if b < 0x80 {
      switch b {
      case 0x22, 0x29, 0x5D, 0x7D, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x25, 0x2A, 0x3E, 0x27:
        return 1
      case 0x2E:
        var i = e - 1
        while i > s && p[i - 1] == 0x2E { i -= 1 }
        return e - i
      case 0x2D:
        guard p[e - 2] == 0x2D else { return nil }
        var i = e - 1
        while i > s && p[i - 1] == 0x2D { i -= 1 }
        return i > s ? e - i : nil
      default:
        return cliticLength(s, e)
      }
    }
    let (v, length) = UTF8Scanning.decodeBefore(p, e, n)
    guard e - length > s else { return nil }
    switch ScalarClass.of(v) {
    case .closing, .rightSingleQuote, .ellipsis, .dash:
      return length
    case .punctuation:
      return length
    default:
      if v == 0x2030 || v == 0x2031 { return length }
      return nil
    }
  }

  // MARK: Infixes

  /// Emits `[s, e)`, split at dashes, ellipses, quotes, brackets, semicolons, commas between
  /// letters, colons between letters, symbols and emoji, and periods run together with the
  /// next sentence (`said.The`).
  mutating func splitInfixes(_ s: Int, _ e: Int) {
    // Fast path: most pieces are plain ASCII words and numbers with nothing to split.
    var plain = s
    while plain < e {
      let c = p[plain]
      guard
        UTF8Scanning.isAlphanumeric(c) || (c == 0x2D && (plain + 1 >= e || p[plain + 1] != 0x2D))
          || c == 0x27
      else { break }
      plain += 1
    }
    if plain == e {
      emit(s, e, classify(s, e), [])
      return
    }
    var pieceStart = s
    var i = s
    while i < e {
      let c = p[i]
      var splitLength = 0
      var joinFollowing = false
      if c < 0x80 {
        switch c {
        case 0x2C:
          let between =
            i > s && i + 1 < e && UTF8Scanning.isDigit(p[i - 1]) && UTF8Scanning.isDigit(p[i + 1])
          splitLength = between ? 0 : 1
        case 0x3B, 0x22, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D:
          splitLength = 1
        case 0x3A:
          if i > s && i + 1 < e && UTF8Scanning.isLetter(p[i - 1])
            && UTF8Scanning.isLetter(p[i + 1])
          {
            splitLength = 1
          }
        case 0x21, 0x3F:
          if i + 1 < e && UTF8Scanning.isLetter(p[i + 1]) { splitLength = 1 }
        case 0x2D:
          if i + 1 < e && p[i + 1] == 0x2D { splitLength = run(of: 0x2D, from: i, to: e) }
        case 0x2E:
          if i + 1 < e && p[i + 1] == 0x2E {
            splitLength = run(of: 0x2E, from: i, to: e)
          } else if i + 2 < e && UTF8Scanning.isUpper(p[i + 1]) && UTF8Scanning.isLower(p[i + 2])
            && i - pieceStart >= 2 && UTF8Scanning.isLower(p[i - 1])
            && UTF8Scanning.isLower(p[i - 2])
          {
            splitLength = 1
          }
        default:
          break
        }
        if splitLength == 0 {
          i += 1
          continue
        }
      } else {
        let (v, length) = UTF8Scanning.decode(p, i, n)
        switch ScalarClass.of(v) {
        case .dash, .ellipsis, .opening, .closing, .punctuation, .currency:
          splitLength = length
        case .symbol:
          splitLength = length
          joinFollowing = true
        default:
          i += length
          continue
        }
      }
      if joinFollowing {
        // Keep emoji sequences whole: modifiers, variation selectors, ZWJ sequences and
        // regional-indicator pairs.
        var j = i + splitLength
        var previousWasJoiner = false
        while j < e {
          let (v, length) = UTF8Scanning.decode(p, j, n)
          let kind = ScalarClass.of(v)
          if kind == .joiner {
            previousWasJoiner = v == 0x200D
            j += length
          } else if previousWasJoiner && kind == .symbol {
            previousWasJoiner = false
            j += length
          } else if (0x1F1E6...0x1F1FF).contains(v) && j - i == 4 {
            j += length
          } else {
            break
          }
        }
        splitLength = j - i
      }
      if i > pieceStart { emit(pieceStart, i, classify(pieceStart, i), []) }
      emit(i, i + splitLength, classify(i, i + splitLength), [])
      i += splitLength
      pieceStart = i
    }
    if e > pieceStart { emit(pieceStart, e, classify(pieceStart, e), []) }
  }
}
