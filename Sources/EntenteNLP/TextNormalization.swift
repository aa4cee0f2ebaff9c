import Foundation

/// Unicode normalisation of document text.
public enum TextNormalization {
  /// `text` in Unicode Normalization Form C.
  ///
  /// Most news text is already in NFC. A scan over the scalars returns such text as it is,
  /// without calling into Foundation: scalars below U+0300 (ASCII and the Latin blocks
  /// before the combining marks), general punctuation, letterlike symbols, arrows, box
  /// drawing, CJK punctuation and emoji never change under NFC, except for a few canonical
  /// singletons (U+2000, U+2001, U+2126, U+212A, U+212B, U+2329, U+232A, U+2ADC), which send
  /// the text to the full algorithm.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public static func nfc(_ text: String) -> String {
    guard !isKnownNFC(text) else { return text }
    var result = text.precomposedStringWithCanonicalMapping
    result.makeContiguousUTF8()
    return result
  }

  /// Whether `text` is certainly in NFC by the quick check above (`false` means "maybe not").
  public static func isKnownNFC(_ text: String) -> Bool {
    for scalar in text.unicodeScalars {
      let v = scalar.value
      if v < 0x300 { continue }
      switch v {
      case 0x2002...0x2125, 0x2130...0x2328, 0x232B...0x2ADB, 0x2ADD...0x2FFF,
        0x3000...0x3098, 0xFE30...0xFE4F, 0xFF01...0xFFEF, 0x1F000...0x1FAFF:
        continue
      default:
        return false
      }
    }
    return true
  }
}
