/// The integer id of a token's text.
///
/// Ids below ``Vocabulary/count`` of the document's vocabulary name strings of that shared
/// vocabulary; ids with the high bit set name strings first seen in one document and are only
/// meaningful within it. Two tokens of one document have the same id exactly when they have
/// the same text.
public struct LexemeID: Hashable, Sendable, Comparable {
  /// The raw value: a vocabulary id, or `localFlag | n` for the *n*th local string.
  public var rawValue: UInt32

  /// The bit that marks a document-local id.
  public static let localFlag: UInt32 = 0x8000_0000

  /// Creates an id from its raw value.
  @inlinable
  public init(rawValue: UInt32) { self.rawValue = rawValue }

  /// Whether the id names a string of the shared vocabulary.
  @inlinable
  public var isShared: Bool { rawValue & Self.localFlag == 0 }

  /// The index in the shared vocabulary, or in the document's local table.
  @inlinable
  public var index: Int { Int(rawValue & ~Self.localFlag) }

  @inlinable
  public static func < (lhs: LexemeID, rhs: LexemeID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A string first seen in one document, stored as the place of its first occurrence.
public struct LocalLexeme: Sendable, Equatable {
  /// Byte offset of the first occurrence in the document text.
  public var start: UInt32
  /// Length in bytes.
  public var length: UInt32
  var hash: UInt64
}

/// The interning table of one document: strings that the shared vocabulary lacks.
///
/// Keys are byte ranges of the document text itself, so interning copies no bytes.
struct LexemeTable: Sendable {
  var entries: ContiguousArray<LocalLexeme> = []
  var slots: ContiguousArray<Int32> = []
  var mask = 0

  init() {}

  /// Reserves room for about `expected` distinct strings.
  mutating func reserve(_ expected: Int) {
    var capacity = 64
    while capacity < expected * 2 { capacity <<= 1 }
    if capacity > slots.count { rehash(capacity) }
  }

  mutating func rehash(_ capacity: Int) {
    slots = ContiguousArray(repeating: 0, count: capacity)
    mask = capacity - 1
    for (index, entry) in entries.enumerated() {
      var slot = Int(truncatingIfNeeded: entry.hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index + 1)
    }
  }

  /// The local index of the bytes `[start, start + length)` of `text`, added if new.
  ///
  /// - Complexity: O(*n*) in `length`, expected.
  mutating func intern(
    _ text: UnsafePointer<UInt8>, start: Int, length: Int, hash: UInt64
  ) -> Int {
    if entries.count * 2 >= slots.count { rehash(Swift.max(64, slots.count * 2)) }
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let index = Int(slots[slot]) - 1
      if index < 0 {
        entries.append(
          LocalLexeme(start: UInt32(start), length: UInt32(length), hash: hash))
        slots[slot] = Int32(entries.count)
        return entries.count - 1
      }
      let entry = entries[index]
      if entry.hash == hash && Int(entry.length) == length
        && ByteString.equal(text + start, text + Int(entry.start), count: length)
      {
        return index
      }
      slot = (slot + 1) & mask
    }
  }
}
