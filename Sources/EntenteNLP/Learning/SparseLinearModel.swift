/// A trained linear model over hashed features: for each feature id, the non-zero weights it
/// gives to some of the classes.
///
/// Scoring a set of features costs one hash-table probe per feature and one addition per
/// stored weight; rows are sparse because a perceptron touches few classes per feature.
/// Weights are kept as `Float` in memory and stored as 16-bit floats in model files.
public struct SparseLinearModel: Sendable {
  /// One slot of the open-addressing table, in 8 bytes.
  ///
  /// A slot holds a 32-bit fingerprint of the feature id (0 = empty) and where its row lies
  /// (24-bit start, 8-bit length), so that the table takes half the cache it would with full
  /// ids. Two features whose fingerprints clash (about one pair in a million features) share
  /// the first one's row.
  struct Slot: Sendable {
    var fingerprint: UInt32
    var packed: UInt32

    var start: Int { Int(packed >> 8) }
    var count: Int { Int(packed & 0xFF) }
  }

  /// One weight of a row.
  struct Entry: Sendable {
    var cls: UInt32
    var weight: Float
  }

  /// The fingerprint of a feature id: its high 32 bits, never 0.
  @inline(__always)
  static func fingerprint(_ feature: UInt64) -> UInt32 {
    UInt32(truncatingIfNeeded: feature >> 32) | 1
  }

  /// The number of classes.
  public let classCount: Int
  /// The table (key 0 = empty slot).
  let slots: [Slot]
  /// The feature id of each row, in row order (what model files store).
  let rowKeys: [UInt64]
  /// Row `r` holds entries `rowStarts[r]..<rowStarts[r + 1]`.
  let rowStarts: [UInt32]
  let entries: [Entry]
  let mask: Int

  /// The number of features with weights.
  public var featureCount: Int { rowKeys.count }

  /// The number of stored weights.
  public var weightCount: Int { entries.count }

  /// Builds a model from rows of `(class, weight)` entries keyed by feature id.
  ///
  /// - Parameters:
  ///   - classCount: The number of classes.
  ///   - rows: For each feature id (non-zero, distinct), its entries.
  public init(classCount: Int, rows: [(UInt64, [(UInt16, Float)])]) {
    var rowStarts: [UInt32] = [0]
    var entries: [Entry] = []
    for (_, row) in rows {
      for (cls, weight) in row { entries.append(Entry(cls: UInt32(cls), weight: weight)) }
      rowStarts.append(UInt32(entries.count))
    }
    // The rows were built by a trainer: their keys are distinct by construction.
    do {
      try self.init(
        classCount: classCount, rowKeys: rows.map(\.0), rowStarts: rowStarts, entries: entries)
    } catch {
      preconditionFailure("duplicate feature in trained rows")
    }
  }

  /// Builds the lookup table over rows.
  ///
  /// - Throws: `DuplicateFeature` when two rows have the same key, or a row is too long.
  init(classCount: Int, rowKeys: [UInt64], rowStarts: [UInt32], entries: [Entry])
    throws(DuplicateFeature)
  {
    var capacity = 16
    while capacity * 2 < rowKeys.count * 3 { capacity <<= 1 }
    guard entries.count < 1 << 24 else { throw DuplicateFeature() }
    var slots = [Slot](repeating: Slot(fingerprint: 0, packed: 0), count: capacity)
    var seen = Set<UInt64>()
    for (row, key) in rowKeys.enumerated() {
      guard seen.insert(key).inserted else { throw DuplicateFeature() }
      let count = rowStarts[row + 1] - rowStarts[row]
      guard count < 256 else { throw DuplicateFeature() }
      let fingerprint = Self.fingerprint(key)
      var slot = Int(truncatingIfNeeded: key) & (capacity - 1)
      var clash = false
      while slots[slot].fingerprint != 0 {
        if slots[slot].fingerprint == fingerprint {
          clash = true
          break
        }
        slot = (slot + 1) & (capacity - 1)
      }
      if clash { continue }
      slots[slot] = Slot(fingerprint: fingerprint, packed: rowStarts[row] << 8 | count)
    }
    self.classCount = classCount
    self.slots = slots
    self.rowKeys = rowKeys
    self.rowStarts = rowStarts
    self.entries = entries
    self.mask = capacity - 1
  }

  struct DuplicateFeature: Error {}

  /// Adds the weights of `features` to `scores` (which holds ``classCount`` values).
  ///
  /// - Complexity: O(*f* + *w*) for *f* features and *w* stored weights among them.
  public func score(
    _ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Float>
  ) {
    slots.withUnsafeBufferPointer { slots in
      entries.withUnsafeBufferPointer { entries in
        for feature in features {
          let fingerprint = Self.fingerprint(feature)
          var slot = Int(truncatingIfNeeded: feature) & mask
          while true {
            let found = slots[slot]
            if found.fingerprint == fingerprint {
              let start = found.start
              for e in start..<(start + found.count) {
                let entry = entries[e]
                scores[Int(entry.cls)] += entry.weight
              }
              break
            }
            if found.fingerprint == 0 { break }
            slot = (slot + 1) & mask
          }
        }
      }
    }
  }
}

extension SparseLinearModel {
  /// Appends the model to a model file under section names starting with `prefix`.
  ///
  /// Only the keys are stored, in row order; the lookup table is rebuilt on load.
  func write(to writer: inout ModelFileWriter, prefix: String) {
    writer.add("\(prefix).classes", integers: [UInt64(classCount)])
    writer.add("\(prefix).keys", integers: rowKeys)
    writer.add("\(prefix).rows", integers: rowStarts)
    if classCount <= 256 {
      writer.add(
        "\(prefix).entryClasses8", bytes: entries.map { UInt8(truncatingIfNeeded: $0.cls) })
    } else {
      writer.add(
        "\(prefix).entryClasses", integers: entries.map { UInt16(truncatingIfNeeded: $0.cls) })
    }
    writer.add("\(prefix).entryWeights", halfFloats: entries.map(\.weight))
  }

  /// Reads a model written by ``write(to:prefix:)``, checking that its parts fit together.
  init(from file: ModelFile, prefix: String) throws(ModelFileError) {
    let classCount: [UInt64] = try file.integers("\(prefix).classes")
    let keys: [UInt64] = try file.integers("\(prefix).keys")
    let rows: [UInt32] = try file.integers("\(prefix).rows")
    let classes: [UInt16] =
      file.has("\(prefix).entryClasses8")
      ? try file.bytes("\(prefix).entryClasses8").map { UInt16($0) }
      : try file.integers("\(prefix).entryClasses")
    let weights = try file.halfFloats("\(prefix).entryWeights")
    guard let count = classCount.first, count > 0, count < 65_536, rows.count == keys.count + 1,
      let last = rows.last, Int(last) == classes.count, classes.count == weights.count,
      rows.first == 0, !keys.contains(0)
    else {
      throw ModelFileError(path: file.path, "the \(prefix) weights are inconsistent")
    }
    for i in 1..<rows.count where rows[i] < rows[i - 1] {
      throw ModelFileError(path: file.path, "the \(prefix) weights are inconsistent")
    }
    if classes.contains(where: { Int($0) >= Int(count) }) {
      throw ModelFileError(
        path: file.path, "the \(prefix) weights name a class that does not exist")
    }
    let entries = zip(classes, weights).map { Entry(cls: UInt32($0), weight: $1) }
    do {
      try self.init(classCount: Int(count), rowKeys: keys, rowStarts: rows, entries: entries)
    } catch {
      throw ModelFileError(path: file.path, "the \(prefix) weights repeat a feature")
    }
  }
}
