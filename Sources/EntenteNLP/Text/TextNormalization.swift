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
  ///
  /// - Complexity: O(*n*) in the length of `text`; ASCII bytes are skipped without decoding.
  public static func isKnownNFC(_ text: String) -> Bool {
    let result = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      var i = 0
      let n = bytes.count
      while i < n {
        let b = bytes[i]
        // Everything below U+0300 is safe: ASCII and lead bytes up to 0xCB.
        if b < 0xCC {
          i += 1
          continue
        }
        var scalarEnd = i + 1
        while scalarEnd < n && bytes[scalarEnd] & 0xC0 == 0x80 { scalarEnd += 1 }
        var value = UInt32(b) & (b >= 0xF0 ? 0x07 : b >= 0xE0 ? 0x0F : 0x1F)
        for k in (i + 1)..<scalarEnd { value = (value << 6) | UInt32(bytes[k] & 0x3F) }
        if !isSafe(value) { return false }
        i = scalarEnd
      }
      return true
    }
    if let result { return result }
    return text.unicodeScalars.allSatisfy { $0.value < 0x300 || isSafe($0.value) }
  }

  /// Whether a scalar at or above U+0300 never changes under NFC (see ``nfc(_:)``).
  static func isSafe(_ v: UInt32) -> Bool {
    switch v {
    case 0x2002...0x2125, 0x2130...0x2328, 0x232B...0x2ADB, 0x2ADD...0x2FFF,
      0x3000...0x3098, 0xFE30...0xFE4F, 0xFF01...0xFFEF, 0x1F000...0x1FAFF:
      return true
    default:
      return false
    }
  }
}
