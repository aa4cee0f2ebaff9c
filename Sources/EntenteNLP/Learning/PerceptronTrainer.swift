/// Trains an averaged multiclass perceptron over hashed features.
///
/// Each feature has a short row of `(class, weight)` entries, created on the first update
/// that touches that class. Averaging uses the usual lazy trick: every entry keeps the sum
/// of its weight over time up to its last change.
public final class PerceptronTrainer {
  struct Entry {
    var cls: UInt16
    var weight: Float
    var total: Double
    var stamp: Int
  }

  /// The number of classes.
  public let classCount: Int
  private var rowOf: [UInt64: Int32] = [:]
  private var rows: [[Entry]] = []
  private var features: [UInt64] = []
  /// How often each feature took part in an update.
  private var updates: [Int32] = []
  private var time = 0

  /// Creates an untrained model for `classCount` classes.
  public init(classCount: Int) {
    precondition(classCount > 0 && classCount < 65_536, "class count out of range")
    self.classCount = classCount
  }

  /// The number of features seen in updates.
  public var featureCount: Int { rows.count }

  /// Adds the current (not averaged) weights of `features` to `scores`.
  public func score(_ features: [UInt64], into scores: inout [Float]) {
    for feature in features {
      guard let row = rowOf[feature] else { continue }
      for entry in rows[Int(row)] { scores[Int(entry.cls)] += entry.weight }
    }
  }

  /// Marks the end of one training instance (the clock of the averaging).
  public func tick() { time += 1 }

  /// Moves weight from class `guess` to class `truth` for `features`.
  public func update(truth: Int, guess: Int, features: [UInt64]) {
    guard truth != guess else { return }
    for feature in features {
      let row: Int
      if let existing = rowOf[feature] {
        row = Int(existing)
      } else {
        row = rows.count
        rowOf[feature] = Int32(row)
        rows.append([])
        self.features.append(feature)
        updates.append(0)
      }
      updates[row] += 1
      adjust(row: row, cls: truth, by: 1)
      adjust(row: row, cls: guess, by: -1)
    }
  }

  private func adjust(row: Int, cls: Int, by delta: Float) {
    if let i = rows[row].firstIndex(where: { Int($0.cls) == cls }) {
      rows[row][i].total += Double(time - rows[row][i].stamp) * Double(rows[row][i].weight)
      rows[row][i].stamp = time
      rows[row][i].weight += delta
    } else {
      rows[row].append(Entry(cls: UInt16(cls), weight: delta, total: 0, stamp: time))
    }
  }

  /// The averaged model, without features that took part in fewer than `minimumUpdates`
  /// updates and without weights smaller than `threshold` in magnitude.
  ///
  /// The weights are scaled so that the largest is 1,000, which keeps them well inside the
  /// range and precision of the 16-bit floats of model files; scaling changes no decision.
  public func averaged(minimumUpdates: Int = 1, threshold: Float = 0.05) -> SparseLinearModel {
    var largest: Double = 0
    for row in rows {
      for entry in row {
        largest = Swift.max(
          largest, abs(entry.total + Double(time - entry.stamp) * Double(entry.weight)))
      }
    }
    let scale = largest > 0 ? 1_000 / largest : 1
    var kept: [(UInt64, [(UInt16, Float)])] = []
    kept.reserveCapacity(rows.count)
    for (index, row) in rows.enumerated() where Int(updates[index]) >= minimumUpdates {
      var entries: [(UInt16, Float)] = []
      for entry in row {
        let total = entry.total + Double(time - entry.stamp) * Double(entry.weight)
        let weight = Float(total * scale)
        if abs(weight) >= threshold { entries.append((entry.cls, weight)) }
      }
      if !entries.isEmpty { kept.append((features[index], entries)) }
    }
    return SparseLinearModel(classCount: classCount, rows: kept)
  }
}
