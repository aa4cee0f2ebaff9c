/// Splits a tokenized document into sentences.
///
/// A sentence ends:
/// - at a blank line (a paragraph break), always;
/// - at a single line break when the text has one paragraph or headline per line; in text
///   hard-wrapped at a fixed width (detected from how its lines end) a single line break ends
///   a sentence only after a short line without final punctuation, such as a heading;
/// - after `.`, `!`, `?` or an ellipsis, with any closing quotes and brackets attached to it,
///   when the next token can start a sentence (not a lowercase word, not a comma);
/// - after an abbreviation that may end a sentence (`U.S.`, `Inc.`, an initial) only when the
///   next word is one that usually starts a sentence (`The`, `He`, `But`); titles (`Mr.`,
///   `Gen.`) never end one, and decimal points and periods inside abbreviations are never
///   seen as sentence ends because the tokenizer keeps them inside their tokens;
/// - after a dateline (`MOSCOW (Reuters) -`), which becomes a sentence of its own marked
///   ``SentenceData/isDateline``;
/// - after ``maxTokens`` tokens, so that a text without punctuation still comes out in pieces
///   that later stages can handle.
public struct SentenceSegmenter: Sendable, DocComponent {
  /// The longest sentence, in tokens, before a break is forced.
  public var maxTokens: Int
  let starters: Vocabulary

  /// Creates a segmenter.
  ///
  /// - Parameter maxTokens: The longest sentence, in tokens, before a break is forced.
  public init(maxTokens: Int = 400) {
    precondition(maxTokens > 0, "maxTokens must be positive")
    self.maxTokens = maxTokens
    starters = Vocabulary(TokenizerExceptions.sentenceStarters)
  }

  public var name: String { "segmenter" }
  public var requires: [DocAttribute] { [.tokens] }
  public var provides: [DocAttribute] { [.sentences] }

  /// Finds the sentences of `doc`, replacing any it had.
  ///
  /// - Complexity: O(*n*) in the length of the text.
  public func process(_ doc: inout Doc) {
    let sentences = doc.withUTF8 { text in
      doc.tokens.withUnsafeBufferPointer { tokens -> ContiguousArray<SentenceData> in
        guard let base = text.baseAddress, !tokens.isEmpty else { return [] }
        var run = SegmenterRun(segmenter: self, p: base, n: text.count, tokens: tokens)
        run.segment()
        return run.sentences
      }
    }
    for sentence in sentences {
      let start = Int(sentence.tokenStart)
      doc.tokens[start].flags.insert(.sentenceStart)
      if sentence.isDateline {
        for i in start..<Int(sentence.tokenEnd) { doc.tokens[i].flags.insert(.dateline) }
      }
    }
    doc.sentences = sentences
    doc.attributes.insert(.sentences)
  }
}

/// The state of one segmentation.
struct SegmenterRun {
  let segmenter: SentenceSegmenter
  let p: UnsafePointer<UInt8>
  let n: Int
  let tokens: UnsafeBufferPointer<TokenData>
  var sentences = ContiguousArray<SentenceData>()
  /// Whether single line breaks are soft (text hard-wrapped at a fixed width).
  var wrapped = false
  /// The typical length of a full line in wrapped text.
  var lineWidth = 0

  init(
    segmenter: SentenceSegmenter, p: UnsafePointer<UInt8>, n: Int,
    tokens: UnsafeBufferPointer<TokenData>
  ) {
    self.segmenter = segmenter
    self.p = p
    self.n = n
    self.tokens = tokens
  }

  // MARK: Line structure

  /// Decides whether single line breaks are soft: in hard-wrapped text most lines that
  /// continue on the next line end without final punctuation.
  mutating func detectWrapping() {
    var joints = 0
    var unpunctuated = 0
    var lengths: [Int] = []
    var lineStart = 0
    var i = 0
    while i < n {
      guard p[i] == 0x0A else {
        i += 1
        continue
      }
      // The line is [lineStart, i); find its last non-space byte.
      var last = i
      while last > lineStart && (p[last - 1] == 0x20 || p[last - 1] == 0x0D || p[last - 1] == 0x09)
      {
        last -= 1
      }
      let nextIsBlank: Bool = {
        var j = i + 1
        while j < n && (p[j] == 0x20 || p[j] == 0x09 || p[j] == 0x0D) { j += 1 }
        return j >= n || p[j] == 0x0A
      }()
      if last > lineStart && !nextIsBlank {
        joints += 1
        lengths.append(last - lineStart)
        if !endsWithFinalPunctuation(lineStart, last) { unpunctuated += 1 }
      }
      lineStart = i + 1
      i += 1
    }
    wrapped = joints >= 3 && unpunctuated * 2 > joints
    if wrapped {
      lengths.sort()
      lineWidth = lengths[lengths.count * 3 / 4]
    }
  }

  /// Whether the line `[start, end)` ends with sentence-final punctuation, perhaps followed
  /// by closing quotes or brackets.
  func endsWithFinalPunctuation(_ start: Int, _ end: Int) -> Bool {
    var e = end
    while e > start {
      let c = p[e - 1]
      switch c {
      case 0x2E, 0x21, 0x3F, 0x3A:
        return true
      case 0x22, 0x27, 0x29, 0x5D:
        e -= 1
      case 0x80...0xBF:
        // The end of a multi-byte scalar: closing quotes and the ellipsis are E2 80 xx.
        guard e - 3 >= start, p[e - 3] == 0xE2, p[e - 2] == 0x80 else { return false }
        switch c {
        case 0x9D, 0x99: e -= 3
        case 0xA6: return true
        default: return false
        }
      default:
        return false
      }
    }
    return false
  }

  /// The number of line breaks in the whitespace `[start, end)` between two tokens; a
  /// paragraph separator (U+2029) counts as two.
  func lineBreaks(_ start: Int, _ end: Int) -> Int {
    var count = 0
    var i = start
    while i < end {
      let c = p[i]
      if c == 0x0A {
        count += 1
      } else if c == 0x0D {
        if i + 1 >= end || p[i + 1] != 0x0A { count += 1 }
      } else if c == 0x0B || c == 0x0C {
        count += 1
      } else if c == 0xE2 && i + 2 < end && p[i + 1] == 0x80
        && (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)
      {
        count += p[i + 2] == 0xA9 ? 2 : 1
      } else if c == 0xC2 && i + 1 < end && p[i + 1] == 0x85 {
        count += 1
      }
      i += 1
    }
    return count
  }

  // MARK: Token tests

  func length(_ i: Int) -> Int { Int(tokens[i].end - tokens[i].start) }
  func byte(_ i: Int, _ k: Int = 0) -> UInt8 { p[Int(tokens[i].start) + k] }

  /// Whether token `i` is exactly the single scalar whose UTF-8 bytes are `bytes`.
  func isScalar(_ i: Int, _ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
    length(i) == 3 && byte(i) == a && byte(i, 1) == b && byte(i, 2) == c
  }

  /// Sentence-final punctuation: `.`, `!`, `?`, runs of them, `...` and `…`.
  func isFinalPunctuation(_ i: Int) -> Bool {
    guard tokens[i].kind == .punctuation else { return false }
    let start = Int(tokens[i].start)
    for k in start..<Int(tokens[i].end) {
      switch p[k] {
      case 0x2E, 0x21, 0x3F: continue
      default:
        return isScalar(i, 0xE2, 0x80, 0xA6)
      }
    }
    return true
  }

  /// An ellipsis: two or more periods, or U+2026.
  func isEllipsis(_ i: Int) -> Bool {
    (length(i) >= 2 && byte(i) == 0x2E) || isScalar(i, 0xE2, 0x80, 0xA6)
  }

  /// A closing quote or bracket.
  func isCloser(_ i: Int) -> Bool {
    if length(i) == 1 {
      switch byte(i) {
      case 0x22, 0x27, 0x29, 0x5D, 0x7D: return true
      default: return false
      }
    }
    return isScalar(i, 0xE2, 0x80, 0x9D) || isScalar(i, 0xE2, 0x80, 0x99)
      || (length(i) == 2 && byte(i) == 0xC2 && byte(i, 1) == 0xBB)
      || isScalar(i, 0xE2, 0x80, 0xBA)
  }

  /// Whether tokens `i` and `i + 1` touch, with no whitespace between.
  func attached(_ i: Int) -> Bool { tokens[i].end == tokens[i + 1].start }

  /// Whether token `i` starts with a lowercase letter.
  func startsLowercase(_ i: Int) -> Bool {
    let c = byte(i)
    if c < 0x80 { return UTF8Scanning.isLower(c) }
    let (v, _) = UTF8Scanning.decode(p, Int(tokens[i].start), n)
    guard let scalar = Unicode.Scalar(v) else { return false }
    return scalar.properties.isLowercase
  }

  /// Whether token `i` is a capitalised word that usually starts a sentence (`The`, `He`).
  func isStarterWord(_ i: Int) -> Bool {
    let count = length(i)
    guard tokens[i].kind == .word, count <= 16, UTF8Scanning.isUpper(byte(i)) else { return false }
    let start = Int(tokens[i].start)
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { lower -> Bool in
      guard let base = lower.baseAddress else { return false }
      for k in 0..<count {
        let c = p[start + k]
        base[k] = UTF8Scanning.isUpper(c) ? c | 0x20 : c
      }
      return segmenter.starters.contains(bytes: base, count: count)
    }
  }

  /// Whether token `k` can begin a sentence after plain final punctuation.
  func canStartSentence(_ k: Int) -> Bool {
    if startsLowercase(k) { return false }
    if tokens[k].kind == .punctuation {
      if length(k) == 1 {
        switch byte(k) {
        case 0x22, 0x27, 0x28, 0x5B, 0x2D, 0x2A: return true
        default: return false
        }
      }
      // Opening quotes, dashes, bullets and ellipses.
      return !isCloser(k)
    }
    return true
  }

  // MARK: Datelines

  /// The index of the dash that ends a dateline starting at token `k`, or `nil`.
  ///
  /// A dateline starts with a word in capitals (`MOSCOW`, `SEOUL, South Korea`), may hold
  /// capitalised words, commas, numbers, abbreviations and a bracketed agency, and ends with
  /// a dash within its first twelve tokens, on the same line, before any final punctuation.
  func datelineEnd(from k: Int) -> Int? {
    guard k < tokens.count, tokens[k].kind == .word, length(k) >= 2 else { return nil }
    for offset in 0..<length(k) {
      let c = byte(k, offset)
      guard UTF8Scanning.isUpper(c) || c == 0x2D || c == 0x27 || c >= 0x80 else { return nil }
    }
    var i = k + 1
    var depth = 0
    while i < tokens.count && i - k < 12 {
      if lineBreaks(Int(tokens[i - 1].end), Int(tokens[i].start)) > 0 { return nil }
      let data = tokens[i]
      switch data.kind {
      case .word, .number, .abbreviation:
        if depth == 0 && data.kind == .word && startsLowercase(i) { return nil }
      case .punctuation:
        if length(i) == 1 {
          switch byte(i) {
          case 0x2C: break
          case 0x28: depth += 1
          case 0x29: depth -= 1
          case 0x2D: return depth == 0 && i + 1 < tokens.count ? i : nil
          case 0x2F: break
          default: return nil
          }
        } else if isScalar(i, 0xE2, 0x80, 0x94) || isScalar(i, 0xE2, 0x80, 0x93)
          || (length(i) == 2 && byte(i) == 0x2D && byte(i, 1) == 0x2D)
        {
          return depth == 0 && i + 1 < tokens.count ? i : nil
        } else {
          return nil
        }
      default:
        return nil
      }
      i += 1
    }
    return nil
  }

  // MARK: Segmentation

  mutating func close(_ start: Int, _ end: Int, dateline: Bool = false) {
    sentences.append(
      SentenceData(tokenStart: UInt32(start), tokenEnd: UInt32(end), isDateline: dateline))
  }

  mutating func segment() {
    let count = tokens.count
    guard count > 0 else { return }
    detectWrapping()
    var start = 0
    var lineStart = 0
    var i = 0
    while i < count {
      // A dateline at the start of one of the first paragraphs.
      if i == start && sentences.count < 3 && i < 80, let dash = datelineEnd(from: i) {
        close(start, dash + 1, dateline: true)
        start = dash + 1
        i = start
        continue
      }
      var last = i
      var boundary = false
      if isFinalPunctuation(i) || tokens[i].kind == .abbreviation {
        var j = i
        while j + 1 < count && attached(j) && isCloser(j + 1) { j += 1 }
        if j + 1 < count {
          let next = j + 1
          let flags = tokens[i].flags
          if tokens[i].kind == .abbreviation {
            if !flags.contains(.titleAbbreviation) {
              boundary = isStarterWord(next)
            }
          } else if isEllipsis(i) {
            boundary =
              canStartSentence(next) && !UTF8Scanning.isDigit(byte(next))
              && (tokens[next].kind != .punctuation || !isEllipsis(next))
          } else {
            boundary = canStartSentence(next)
          }
        }
        last = j
      }
      if !boundary && last + 1 < count {
        let breaks = lineBreaks(Int(tokens[last].end), Int(tokens[last + 1].start))
        if breaks >= 2 {
          boundary = true
        } else if breaks == 1 {
          if !wrapped {
            boundary = true
          } else {
            let lineLength = Int(tokens[last].end) - lineStart
            boundary = lineLength * 5 < lineWidth * 3 && !isContinuation(last)
          }
        }
      }
      if !boundary && last + 1 - start >= segmenter.maxTokens { boundary = true }
      if last + 1 < count && lineBreaks(Int(tokens[last].end), Int(tokens[last + 1].start)) > 0 {
        lineStart = Int(tokens[last + 1].start)
      }
      if boundary {
        close(start, last + 1)
        start = last + 1
      }
      i = last + 1
    }
    if start < count { close(start, count) }
  }

  /// Whether a line that ends with token `i` clearly goes on: it ends with a comma, a
  /// hyphen, a semicolon or an opening bracket.
  func isContinuation(_ i: Int) -> Bool {
    guard tokens[i].kind == .punctuation && length(i) == 1 else { return false }
    switch byte(i) {
    case 0x2C, 0x2D, 0x28, 0x3B: return true
    default: return false
    }
  }
}
