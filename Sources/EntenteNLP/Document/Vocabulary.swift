/// An immutable table of strings interned to dense integer ids.
///
/// A vocabulary is built once (from a model, a dictionary or a word list) and then shared,
/// read-only, by every document and thread. Lookups hash the bytes of the query and never
/// allocate, so the tokenizer and later stages compare integers instead of strings.
///
/// Words a vocabulary does not know get ids local to one document (see ``LexemeID``), so the
/// memory used by a run does not grow with the number of documents it has seen.
public final class Vocabulary: Sendable {
  /// All strings, back to back, as UTF-8.
  @usableFromInline let storage: [UInt8]
  /// Start offset of string `i` in `storage`; `offsets[count]` is `storage.count`.
  @usableFromInline let offsets: [Int32]
  /// Open-addressing slots holding `id + 1`, or 0 when empty.
  @usableFromInline let slots: [Int32]
  @usableFromInline let hashes: [UInt64]
  @usableFromInline let mask: Int

  /// The number of strings in the vocabulary.
  public var count: Int { offsets.count - 1 }

  /// An empty vocabulary.
  public static let empty = Vocabulary([String]())

  /// Creates a vocabulary from a list of strings; a string's id is its position in the list,
  /// duplicates keeping the id of their first occurrence.
  ///
  /// - Parameter words: The strings to intern, in id order.
  /// - Complexity: O(*n*) in the total length of `words`.
  public init<S: Sequence>(_ words: S) where S.Element == String {
    var storage: [UInt8] = []
    var offsets: [Int32] = [0]
    for word in words {
      storage.append(contentsOf: word.utf8)
      offsets.append(Int32(storage.count))
    }
    // One spare byte keeps the buffer's base address non-nil when every string is empty.
    storage.append(0)
    let count = offsets.count - 1
    var capacity = 16
    while capacity < count * 2 { capacity <<= 1 }
    var slots = [Int32](repeating: 0, count: capacity)
    var hashes: [UInt64] = []
    hashes.reserveCapacity(count)
    storage.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      for id in 0..<count {
        let start = Int(offsets[id])
        let length = Int(offsets[id + 1]) - start
        let h = ByteString.hash(base + start, count: length)
        hashes.append(h)
        var slot = Int(truncatingIfNeeded: h) & (capacity - 1)
        while true {
          let occupant = Int(slots[slot]) - 1
          if occupant < 0 {
            slots[slot] = Int32(id + 1)
            break
          }
          let otherStart = Int(offsets[occupant])
          let otherLength = Int(offsets[occupant + 1]) - otherStart
          if hashes[occupant] == h && otherLength == length
            && ByteString.equal(base + start, base + otherStart, count: length)
          {
            break
          }
          slot = (slot + 1) & (capacity - 1)
        }
      }
    }
    self.storage = storage
    self.offsets = offsets
    self.slots = slots
    self.hashes = hashes
    self.mask = capacity - 1
  }

  /// The id of the string whose UTF-8 bytes are `count` bytes at `base`, or `nil`.
  ///
  /// - Parameters:
  ///   - base: The first byte of the query.
  ///   - count: The number of bytes in the query.
  ///   - hash: `ByteString.hash(base, count: count)`, when the caller has it already.
  /// - Returns: The id, or `nil` when the vocabulary does not hold the string.
  /// - Complexity: O(*n*) in `count`, expected.
  @inlinable
  public func id(bytes base: UnsafePointer<UInt8>, count: Int, hash: UInt64) -> Int? {
    storage.withUnsafeBufferPointer { buffer -> Int? in
      guard let stored = buffer.baseAddress else { return nil }
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let id = Int(slots[slot]) - 1
        if id < 0 { return nil }
        let start = Int(offsets[id])
        if hashes[id] == hash && Int(offsets[id + 1]) - start == count
          && ByteString.equal(base, stored + start, count: count)
        {
          return id
        }
        slot = (slot + 1) & mask
      }
    }
  }

  /// The id of the string whose UTF-8 bytes are `count` bytes at `base`, or `nil`.
  @inlinable
  public func id(bytes base: UnsafePointer<UInt8>, count: Int) -> Int? {
    id(bytes: base, count: count, hash: ByteString.hash(base, count: count))
  }

  /// Whether the vocabulary holds the `count` bytes at `base`.
  @inlinable
  public func contains(bytes base: UnsafePointer<UInt8>, count: Int) -> Bool {
    id(bytes: base, count: count) != nil
  }

  /// The string with id `id`.
  ///
  /// - Precondition: `id` is in `0..<count`.
  public subscript(id: Int) -> String {
    precondition(id >= 0 && id < count, "vocabulary id out of range")
    let start = Int(offsets[id])
    let end = Int(offsets[id + 1])
    return String(decoding: storage[start..<end], as: UTF8.self)
  }
}
