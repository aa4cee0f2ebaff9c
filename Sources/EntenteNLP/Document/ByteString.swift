/// Hashing and comparison of byte ranges, shared by the vocabulary and the per-document
/// lexeme table.
///
/// Tokens are identified by the bytes of their text, never by `String` values, so that the
/// tokenizer interns a token without allocating.
@usableFromInline
enum ByteString {
  /// The 64-bit FNV-1a hash of `count` bytes at `base`.
  ///
  /// - Complexity: O(*n*) in the number of bytes.
  @inlinable @inline(__always)
  static func hash(_ base: UnsafePointer<UInt8>, count: Int) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for i in 0..<count {
      h = (h ^ UInt64(base[i])) &* 0x0000_0100_0000_01b3
    }
    // Never 0: 0 marks an empty slot in the open-addressing tables.
    return h | 1
  }

  /// Whether two byte ranges hold the same bytes.
  @inlinable @inline(__always)
  static func equal(
    _ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int
  ) -> Bool {
    for i in 0..<count where a[i] != b[i] {
      return false
    }
    return true
  }
}
