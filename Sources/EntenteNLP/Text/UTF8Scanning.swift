/// Byte-level helpers for scanning valid UTF-8 (Swift strings guarantee validity).
@usableFromInline
enum UTF8Scanning {
  /// Decodes the scalar that starts at `i`, returning its value and length in bytes.
  @inlinable @inline(__always)
  static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (UInt32, Int) {
    let b0 = UInt32(p[i])
    if b0 < 0x80 { return (b0, 1) }
    if b0 < 0xE0, i + 1 < n {
      return (((b0 & 0x1F) << 6) | (UInt32(p[i + 1]) & 0x3F), 2)
    }
    if b0 < 0xF0, i + 2 < n {
      return (
        ((b0 & 0x0F) << 12) | ((UInt32(p[i + 1]) & 0x3F) << 6) | (UInt32(p[i + 2]) & 0x3F), 3
      )
    }
    if i + 3 < n {
      return (
        ((b0 & 0x07) << 18) | ((UInt32(p[i + 1]) & 0x3F) << 12)
          | ((UInt32(p[i + 2]) & 0x3F) << 6) | (UInt32(p[i + 3]) & 0x3F), 4
      )
    }
    return (0xFFFD, 1)
  }

  /// Decodes the scalar that ends just before `end`, returning its value and length.
  @inlinable @inline(__always)
  static func decodeBefore(_ p: UnsafePointer<UInt8>, _ end: Int, _ n: Int) -> (UInt32, Int) {
    var start = end - 1
    while start > 0 && end - start < 4 && p[start] & 0xC0 == 0x80 { start -= 1 }
    let (value, length) = decode(p, start, n)
    return (value, length)
  }

  @inlinable @inline(__always)
  static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
  @inlinable @inline(__always)
  static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
  @inlinable @inline(__always)
  static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
  @inlinable @inline(__always)
  static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
  @inlinable @inline(__always)
  static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }

  /// Whether an ASCII byte separates tokens: whitespace and the C0 control characters.
  @inlinable @inline(__always)
  static func isSpaceASCII(_ b: UInt8) -> Bool { b <= 0x20 || b == 0x7F }
}

/// How the tokenizer treats a scalar outside ASCII.
@usableFromInline
enum ScalarClass: UInt8 {
  /// Separates tokens: no-break and other Unicode spaces, C1 controls, format characters.
  case space
  /// Ends a line: U+0085, U+2028, U+2029.
  case newline
  /// Part of a word: letters, marks, digits and anything not listed below.
  case word
  /// An opening quote or bracket: `“ ‘ „ ‚ « ‹ ¿ ¡`.
  case opening
  /// A closing quote: `” »  ›`.
  case closing
  /// U+2019, which is both an apostrophe and a closing single quote.
  case rightSingleQuote
  /// An en or em dash, or a horizontal bar.
  case dash
  /// U+2026 HORIZONTAL ELLIPSIS.
  case ellipsis
  /// A currency sign: `£ € ¥ ₩ ₽ ₹` and the rest of the currency block.
  case currency
  /// Other punctuation: bullets, daggers, CJK punctuation.
  case punctuation
  /// A symbol or emoji.
  case symbol
  /// Joins the scalar before it into one grapheme: ZWJ, variation selectors, skin tones,
  /// the keycap mark.
  case joiner

  /// The class of the non-ASCII scalar `v`.
  @inlinable
  static func of(_ v: UInt32) -> ScalarClass {
    switch v {
    case 0x80...0x9F, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x2060, 0x3000,
      0xFEFF:
      return .space
    case 0x85, 0x2028, 0x2029:
      return .newline
    case 0x201C, 0x2018, 0x201E, 0x201A, 0xAB, 0x2039, 0xBF, 0xA1, 0x201F, 0x201B:
      return .opening
    case 0x201D, 0xBB, 0x203A:
      return .closing
    case 0x2019:
      return .rightSingleQuote
    case 0x2010...0x2015, 0x2212:
      // Hyphen (U+2010) and non-breaking hyphen (U+2011) join words like "-"; dashes split.
      return v <= 0x2011 ? .word : .dash
    case 0x2026:
      return .ellipsis
    case 0xA2...0xA5, 0x20A0...0x20CF:
      return .currency
    case 0x200D, 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF, 0x20E3, 0xE0020...0xE007F:
      return .joiner
    case 0xA6...0xBF:
      // Broken bar, section, diaeresis, copyright, ordinal indicators, degree, plus-minus,
      // superscripts, micro, pilcrow, middle dot, fractions.
      switch v {
      case 0xAA, 0xAD, 0xB2, 0xB3, 0xB5, 0xB9, 0xBA, 0xBC...0xBE: return .word
      default: return .symbol
      }
    case 0xD7, 0xF7:
      return .symbol
    case 0x100...0x1FFF:
      return .word
    default:
      break
    }
    guard let scalar = Unicode.Scalar(v) else { return .word }
    switch scalar.properties.generalCategory {
    case .mathSymbol, .otherSymbol, .modifierSymbol:
      return .symbol
    case .currencySymbol:
      return .currency
    case .openPunctuation, .initialPunctuation:
      return .opening
    case .closePunctuation, .finalPunctuation:
      return .closing
    case .dashPunctuation:
      return .dash
    case .otherPunctuation, .connectorPunctuation:
      return .punctuation
    case .spaceSeparator, .control, .format:
      return .space
    case .lineSeparator, .paragraphSeparator:
      return .newline
    default:
      return .word
    }
  }
}
