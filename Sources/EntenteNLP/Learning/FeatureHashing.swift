/// Hashes that turn feature templates and their values into 64-bit feature ids.
///
/// A feature id never is 0, which marks empty slots in ``SparseLinearModel``.
public enum FeatureHashing {
  /// The FNV-1a hash of a string's UTF-8 bytes.
  @inlinable
  public static func hash(_ string: String) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in string.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return h
  }

  /// Mixes a value into a running hash (a 64-bit multiply-xorshift finaliser).
  @inlinable @inline(__always)
  public static func mix(_ h: UInt64, _ v: UInt64) -> UInt64 {
    var x = (h ^ v) &* 0x9E37_79B9_7F4A_7C15
    x ^= x >> 29
    x = x &* 0xBF58_476D_1CE4_E5B9
    x ^= x >> 32
    return x
  }

  /// The feature id of `template` with one value.
  ///
  /// Feature ids are built with one multiply per value and a single final mix: cheap enough
  /// for the 72 features of every parser transition, and well spread for the tables.
  @inlinable @inline(__always)
  public static func feature(_ template: UInt64, _ a: UInt64) -> UInt64 {
    finish((template &* 0x9E37_79B9_7F4A_7C15) ^ a)
  }

  /// The feature id of `template` with two values.
  @inlinable @inline(__always)
  public static func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 {
    finish((((template &* 0x9E37_79B9_7F4A_7C15) ^ a) &* 0xC2B2_AE3D_27D4_EB4F) ^ b)
  }

  /// The feature id of `template` with three values.
  @inlinable @inline(__always)
  public static func feature(_ template: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
    finish(
      (((((template &* 0x9E37_79B9_7F4A_7C15) ^ a) &* 0xC2B2_AE3D_27D4_EB4F) ^ b)
        &* 0x1656_67B1_9E37_79F9) ^ c)
  }

  /// The final mix of a feature id (never 0).
  @inlinable @inline(__always)
  static func finish(_ h: UInt64) -> UInt64 {
    var x = h &* 0xBF58_476D_1CE4_E5B9
    x ^= x >> 31
    return x | 1
  }
}

/// A small deterministic random number generator (SplitMix64) for reproducible training.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// Creates a generator from a seed.
  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
