/// A trained linear model over hashed features: for each feature id, the non-zero weights it
/// gives to some of the classes.
///
/// Scoring a set of features costs one hash-table probe per feature and one addition per
/// stored weight; rows are sparse because a perceptron touches few classes per feature.
/// Weights are kept as `Float` in memory and stored as 16-bit floats in model files.
public struct SparseLinearModel: Sendable {
  /// The number of classes.
  public let classCount: Int
  /// Open-addressing table of feature ids (0 = empty slot).
  let keys: [UInt64]
  /// For each slot, the index of its row (valid where the key is non-zero).
  let rowOfSlot: [UInt32]
  /// Row `r` holds entries `rowStarts[r]..<rowStarts[r + 1]`.
  let rowStarts: [UInt32]
  /// Class of each entry.
  let entryClasses: [UInt16]
  /// Weight of each entry.
  let entryWeights: [Float]
  let mask: Int

  /// The number of features with weights.
  public var featureCount: Int { rowStarts.count - 1 }

  /// Builds a model from rows of `(class, weight)` entries keyed by feature id.
  ///
  /// - Parameters:
  ///   - classCount: The number of classes.
  ///   - rows: For each feature id (non-zero), its entries.
  public init(classCount: Int, rows: [(UInt64, [(UInt16, Float)])]) {
    var capacity = 16
    while capacity < rows.count * 2 { capacity <<= 1 }
    var keys = [UInt64](repeating: 0, count: capacity)
    var rowOfSlot = [UInt32](repeating: 0, count: capacity)
    var rowStarts: [UInt32] = [0]
    var classes: [UInt16] = []
    var weights: [Float] = []
    for (rowIndex, (feature, entries)) in rows.enumerated() {
      var slot = Int(truncatingIfNeeded: feature) & (capacity - 1)
      while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
      keys[slot] = feature
      rowOfSlot[slot] = UInt32(rowIndex)
      for (cls, weight) in entries {
        classes.append(cls)
        weights.append(weight)
      }
      rowStarts.append(UInt32(classes.count))
    }
    self.init(
      classCount: classCount, keys: keys, rowOfSlot: rowOfSlot, rowStarts: rowStarts,
      entryClasses: classes, entryWeights: weights)
  }

  init(
    classCount: Int, keys: [UInt64], rowOfSlot: [UInt32], rowStarts: [UInt32],
    entryClasses: [UInt16], entryWeights: [Float]
  ) {
    self.classCount = classCount
    self.keys = keys
    self.rowOfSlot = rowOfSlot
    self.rowStarts = rowStarts
    self.entryClasses = entryClasses
    self.entryWeights = entryWeights
    self.mask = keys.count - 1
  }

  /// Adds the weights of `features` to `scores` (which holds ``classCount`` values).
  ///
  /// - Complexity: O(*f* + *w*) for *f* features and *w* stored weights among them.
  public func score(
    _ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Float>
  ) {
    keys.withUnsafeBufferPointer { keys in
      rowOfSlot.withUnsafeBufferPointer { rowOfSlot in
        rowStarts.withUnsafeBufferPointer { rowStarts in
          entryClasses.withUnsafeBufferPointer { classes in
            entryWeights.withUnsafeBufferPointer { weights in
              for feature in features {
                var slot = Int(truncatingIfNeeded: feature) & mask
                while true {
                  let key = keys[slot]
                  if key == feature {
                    let row = Int(rowOfSlot[slot])
                    for e in Int(rowStarts[row])..<Int(rowStarts[row + 1]) {
                      scores[Int(classes[e])] += weights[e]
                    }
                    break
                  }
                  if key == 0 { break }
                  slot = (slot + 1) & mask
                }
              }
            }
          }
        }
      }
    }
  }
}

extension SparseLinearModel {
  /// Appends the model to a model file under section names starting with `prefix`.
  func write(to writer: inout ModelFileWriter, prefix: String) {
    writer.add("\(prefix).classes", integers: [UInt64(classCount)])
    writer.add("\(prefix).keys", integers: keys)
    writer.add("\(prefix).slots", integers: rowOfSlot)
    writer.add("\(prefix).rows", integers: rowStarts)
    writer.add("\(prefix).entryClasses", integers: entryClasses)
    writer.add("\(prefix).entryWeights", halfFloats: entryWeights)
  }

  /// Reads a model written by ``write(to:prefix:)``, checking that its parts fit together.
  init(from file: ModelFile, prefix: String) throws(ModelFileError) {
    let classCount: [UInt64] = try file.integers("\(prefix).classes")
    let keys: [UInt64] = try file.integers("\(prefix).keys")
    let slots: [UInt32] = try file.integers("\(prefix).slots")
    let rows: [UInt32] = try file.integers("\(prefix).rows")
    let classes: [UInt16] = try file.integers("\(prefix).entryClasses")
    let weights = try file.halfFloats("\(prefix).entryWeights")
    guard let count = classCount.first, count > 0, count < 65_536,
      keys.count == slots.count, keys.count > 0, keys.count & (keys.count - 1) == 0,
      let last = rows.last, Int(last) == classes.count, classes.count == weights.count,
      rows.first == 0
    else {
      throw ModelFileError(path: file.path, "the \(prefix) weights are inconsistent")
    }
    for i in keys.indices where keys[i] != 0 && Int(slots[i]) >= rows.count - 1 {
      throw ModelFileError(path: file.path, "the \(prefix) weights are inconsistent")
    }
    for i in 1..<rows.count where rows[i] < rows[i - 1] {
      throw ModelFileError(path: file.path, "the \(prefix) weights are inconsistent")
    }
    if classes.contains(where: { Int($0) >= Int(count) }) {
      throw ModelFileError(
        path: file.path, "the \(prefix) weights name a class that does not exist")
    }
    self.init(
      classCount: Int(count), keys: keys, rowOfSlot: slots, rowStarts: rows, entryClasses: classes,
      entryWeights: weights)
  }
}
