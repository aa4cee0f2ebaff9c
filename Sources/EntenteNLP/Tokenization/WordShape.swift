/// Hashed views of one word that the tagger and parser use as feature values.
///
/// Computed once per token from its UTF-8 bytes: the lowercased form, the exact form, the
/// first and last letters, and the shape (`Xxxx`, `dd`, `X.X.`).
public struct WordInfo: Sendable, Equatable {
  /// Hash of the ASCII-lowercased form.
  public var lower: UInt64
  /// Hash of the form as written.
  public var form: UInt64
  /// Hashes of the last one to four bytes of the lowercased form.
  public var suffix1: UInt64
  public var suffix2: UInt64
  public var suffix3: UInt64
  public var suffix4: UInt64
  /// Hashes of the first one and three bytes of the lowercased form.
  public var prefix1: UInt64
  public var prefix3: UInt64
  /// Hash of the shape: letters become `X`/`x`, digits `d`, runs cut at two.
  public var shape: UInt64
  /// Whether the word starts with an ASCII capital letter.
  public var isCapitalised = false

  /// The padding value before the start of a sentence.
  public static let start = WordInfo(constant: 0x5354_4152_5400)
  /// The padding value after the end of a sentence.
  public static let end = WordInfo(constant: 0x454E_4400)

  private init(constant: UInt64) {
    lower = constant
    form = constant
    suffix1 = constant
    suffix2 = constant
    suffix3 = constant
    suffix4 = constant
    prefix1 = constant
    prefix3 = constant
    shape = constant
  }

  /// Computes the views of the word whose UTF-8 bytes are `bytes`.
  public init(_ bytes: UnsafeBufferPointer<UInt8>) {
    let n = bytes.count
    let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    let prime: UInt64 = 0x0000_0100_0000_01b3
    var lower = offset
    var form = offset
    var shape = offset
    var lastShape: UInt8 = 0
    var run = 0
    for b in bytes {
      form = (form ^ UInt64(b)) &* prime
      let l = b &- 0x41 < 26 ? b | 0x20 : b
      lower = (lower ^ UInt64(l)) &* prime
      let s: UInt8
      if b &- 0x41 < 26 {
        s = 0x58
      } else if b &- 0x61 < 26 {
        s = 0x78
      } else if b &- 0x30 < 10 {
        s = 0x64
      } else if b >= 0x80 {
        if b & 0xC0 == 0x80 { continue }
        s = 0x75
      } else {
        s = b
      }
      if s == lastShape {
        run += 1
        if run > 2 { continue }
      } else {
        run = 1
        lastShape = s
      }
      shape = (shape ^ UInt64(s)) &* prime
    }
    func slice(_ range: Range<Int>) -> UInt64 {
      var h = offset ^ UInt64(range.count &* 0x9E37)
      for i in range {
        let b = bytes[i]
        h = (h ^ UInt64(b &- 0x41 < 26 ? b | 0x20 : b)) &* prime
      }
      return h
    }
    self.lower = lower
    self.form = form
    self.shape = shape
    suffix1 = slice(Swift.max(0, n - 1)..<n)
    suffix2 = slice(Swift.max(0, n - 2)..<n)
    suffix3 = slice(Swift.max(0, n - 3)..<n)
    suffix4 = slice(Swift.max(0, n - 4)..<n)
    prefix1 = slice(0..<Swift.min(1, n))
    prefix3 = slice(0..<Swift.min(3, n))
    isCapitalised = n > 0 && bytes[0] &- 0x41 < 26
  }

  /// Computes the views of `word`.
  public init(_ word: String) {
    var copy = word
    self = copy.withUTF8 { WordInfo($0) }
  }
}
