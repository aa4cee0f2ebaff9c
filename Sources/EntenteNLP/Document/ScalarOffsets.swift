/// Converts UTF-8 byte offsets of a text to Unicode scalar offsets, as Python indexes a `str`.
///
/// Entente stores byte offsets; its output gives scalar offsets. For ASCII text the two are
/// equal and the index holds nothing. Otherwise it keeps the scalar count at every 64th byte,
/// so a conversion scans at most 63 bytes.
public struct ScalarOffsets: Sendable {
  private static let stride = 64
  private let checkpoints: [Int32]
  private let bytes: [UInt8]
  private let isASCII: Bool

  /// Builds the index for `text`.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  public init(_ text: String) {
    var isASCII = true
    for byte in text.utf8 where byte >= 0x80 {
      isASCII = false
      break
    }
    self.isASCII = isASCII
    if isASCII {
      checkpoints = []
      bytes = []
      return
    }
    let bytes = Array(text.utf8)
    var checkpoints: [Int32] = []
    checkpoints.reserveCapacity(bytes.count / Self.stride + 1)
    var scalars: Int32 = 0
    for (i, byte) in bytes.enumerated() {
      if i % Self.stride == 0 { checkpoints.append(scalars) }
      if byte & 0xC0 != 0x80 { scalars += 1 }
    }
    self.checkpoints = checkpoints
    self.bytes = bytes
  }

  /// The scalar offset of byte offset `byte`, which must lie on a scalar boundary or at the
  /// end of the text.
  ///
  /// - Complexity: O(1).
  public func scalarOffset(ofByte byte: Int) -> Int {
    if isASCII { return byte }
    let block = byte / Self.stride
    if block >= checkpoints.count {
      // Only the end of a text whose length is a multiple of the stride lands here.
      var scalars = Int(checkpoints.last ?? 0)
      for i in (checkpoints.count - 1) * Self.stride..<byte where bytes[i] & 0xC0 != 0x80 {
        scalars += 1
      }
      return scalars
    }
    var scalars = Int(checkpoints[block])
    for i in block * Self.stride..<byte where bytes[i] & 0xC0 != 0x80 {
      scalars += 1
    }
    return scalars
  }
}
