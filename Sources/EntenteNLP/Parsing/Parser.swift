import Foundation

/// A greedy arc-hybrid dependency parser: an averaged perceptron over rich configuration
/// features (words, tags, children, distances, valencies, label sets) chooses among SHIFT,
/// LEFT-ARC and RIGHT-ARC, trained with a dynamic oracle and exploration; a second
/// perceptron labels each arc as it is made.
public final class ParserModel: Sendable {
  /// The dependency relations.
  public let labelSet: LabelSet
  /// Scores the three transitions.
  let weights: SparseLinearModel
  /// Scores the relation of a new arc.
  let labelWeights: SparseLinearModel

  init(labelSet: LabelSet, weights: SparseLinearModel, labelWeights: SparseLinearModel) {
    self.labelSet = labelSet
    self.weights = weights
    self.labelWeights = labelWeights
  }

  /// The number of features with weights.
  public var featureCount: Int { weights.featureCount + labelWeights.featureCount }

  static let shift = 0
  static let leftArc = 1
  static let rightArc = 2
  static let labelFeatureCount = 26

  /// Writes the features for labelling the arc from `head` to `dependent` into `out`.
  static func labelFeatures(
    _ state: ParserState, dependent d: Int, head h: Int, words: UnsafeBufferPointer<UInt64>,
    tags: UnsafeBufferPointer<UInt64>, into out: UnsafeMutablePointer<UInt64>
  ) {
    let n = words.count - 1
    @inline(__always) func t(_ i: Int) -> UInt64 { i < 0 || i > n ? none : tags[i] }
    @inline(__always) func l(_ i: Int) -> UInt64 { i < 0 ? none : UInt64(state.labels[i]) }
    let dw = words[d]
    let dt = tags[d]
    let hw = words[h]
    let ht = tags[h]
    let direction: UInt64 = d < h ? 1 : 2
    let distance = UInt64(min(abs(h - d), 8))
    let dlc = Int(state.leftmost[d])
    let drc = Int(state.rightmost[d])
    let hlc = Int(state.leftmost[h])
    let hrc = Int(state.rightmost[h])
    typealias F = FeatureHashing
    out[0] = F.feature(101, dw)
    out[1] = F.feature(102, dt)
    out[2] = F.feature(103, hw)
    out[3] = F.feature(104, ht)
    out[4] = F.feature(105, dt, ht, direction)
    out[5] = F.feature(106, dw, ht, direction)
    out[6] = F.feature(107, dt, hw, direction)
    out[7] = F.feature(108, dw, hw)
    out[8] = F.feature(109, direction, dt)
    out[9] = F.feature(110, distance, dt, ht)
    out[10] = F.feature(111, dt, l(dlc))
    out[11] = F.feature(112, dt, l(drc))
    out[12] = F.feature(113, dt, t(dlc))
    out[13] = F.feature(114, dt, t(drc))
    out[14] = F.feature(115, dt, UInt64(state.leftCount[d]), UInt64(state.rightCount[d]))
    out[15] = F.feature(116, ht, l(hlc), direction)
    out[16] = F.feature(117, ht, l(hrc), direction)
    out[17] = F.feature(118, dt, t(d + 1))
    out[18] = F.feature(119, dt, t(d - 1))
    out[19] = F.feature(120, ht, t(h + 1), direction)
    out[20] = F.feature(121, dt, state.leftLabels[h], direction)
    out[21] = F.feature(122, dt, state.rightLabels[h], direction)
    out[22] = F.feature(123, dw, direction)
    out[23] = F.feature(124, h == 0 ? 1 : 0, dt)
    // The dependent's first function word (`by` marks an agent) and what the head has already.
    out[24] = F.feature(125, dt, dlc >= 0 ? words[dlc] : none, direction)
    out[25] = F.feature(126, dlc >= 0 ? words[dlc] : none, state.leftLabels[h], ht)
  }

  static let featureCount = 72
  /// The name of the feature templates; a model trained with others is refused.
  ///
  /// Change it whenever ``features(_:words:tags:into:)`` or ``labelFeatures`` change.
  static let featureSet = "arc-hybrid-72+26/1"
  static let rootWord: UInt64 = 0x524F_4F54
  static let rootTag: UInt64 = 0x524F_4F55
  static let none: UInt64 = 0x4E4F_4E45

  // MARK: Features

  /// Writes the features of `state` into `out`; `words` and `tags` are indexed 0...n with
  /// the root at 0.
  static func features(
    _ state: ParserState, words: UnsafeBufferPointer<UInt64>, tags: UnsafeBufferPointer<UInt64>,
    into out: UnsafeMutablePointer<UInt64>
  ) {
    @inline(__always) func w(_ i: Int) -> UInt64 { i < 0 ? none : words[i] }
    @inline(__always) func t(_ i: Int) -> UInt64 { i < 0 ? none : tags[i] }
    @inline(__always) func l(_ i: Int) -> UInt64 { i < 0 ? none : UInt64(state.labels[i]) }
    @inline(__always) func lc(_ i: Int) -> Int { i < 0 ? -1 : Int(state.leftmost[i]) }
    @inline(__always) func lc2(_ i: Int) -> Int { i < 0 ? -1 : Int(state.leftmost2[i]) }
    @inline(__always) func rc(_ i: Int) -> Int { i < 0 ? -1 : Int(state.rightmost[i]) }
    @inline(__always) func rc2(_ i: Int) -> Int { i < 0 ? -1 : Int(state.rightmost2[i]) }
    @inline(__always) func vl(_ i: Int) -> UInt64 { i < 0 ? none : UInt64(state.leftCount[i]) }
    @inline(__always) func vr(_ i: Int) -> UInt64 { i < 0 ? none : UInt64(state.rightCount[i]) }
    let s0 = state.s0
    let s1 = state.s1
    let s2 = state.s2
    let b0 = state.b0
    let b1 = state.b1
    let b2 = state.b2
    let s0w = w(s0)
    let s0t = t(s0)
    let s1w = w(s1)
    let s1t = t(s1)
    let b0w = w(b0)
    let b0t = t(b0)
    let b1w = w(b1)
    let b1t = t(b1)
    let b2t = t(b2)
    let s2t = t(s2)
    let distance: UInt64 = s0 >= 0 && b0 >= 0 ? UInt64(min(b0 - s0, 8)) : none
    let distance1: UInt64 = s0 > 0 && s1 >= 0 ? UInt64(min(s0 - s1, 8)) : none
    let s0lc = lc(s0)
    let s0rc = rc(s0)
    let s1lc = lc(s1)
    let s1rc = rc(s1)
    let b0lc = lc(b0)
    typealias F = FeatureHashing
    var k = 0
    @inline(__always) func put(_ value: UInt64) {
      out[k] = value
      k += 1
    }
    // Single words.
    put(F.feature(1, s0w))
    put(F.feature(2, s0t))
    put(F.feature(3, s0w, s0t))
    put(F.feature(4, s1w))
    put(F.feature(5, s1t))
    put(F.feature(6, s1w, s1t))
    put(F.feature(7, b0w))
    put(F.feature(8, b0t))
    put(F.feature(9, b0w, b0t))
    put(F.feature(10, b1w))
    put(F.feature(11, b1t))
    put(F.feature(12, b1w, b1t))
    put(F.feature(13, b2t))
    put(F.feature(14, s2t))
    put(F.feature(15, w(b2)))
    // Pairs.
    put(F.feature(16, F.mix(s0w, s0t), F.mix(b0w, b0t)))
    put(F.feature(17, F.mix(s0w, s0t), b0w))
    put(F.feature(18, s0w, F.mix(b0w, b0t)))
    put(F.feature(19, F.mix(s0w, s0t), b0t))
    put(F.feature(20, s0t, F.mix(b0w, b0t)))
    put(F.feature(21, s0w, b0w))
    put(F.feature(22, s0t, b0t))
    put(F.feature(23, b0t, b1t))
    put(F.feature(24, s1t, s0t))
    put(F.feature(25, s1w, s0w))
    put(F.feature(26, F.mix(s1w, s1t), s0t))
    put(F.feature(27, s1t, F.mix(s0w, s0t)))
    put(F.feature(28, s1t, b0t))
    // Triples of tags.
    put(F.feature(29, b0t, b1t, b2t))
    put(F.feature(30, s0t, b0t, b1t))
    put(F.feature(31, s1t, s0t, b0t))
    put(F.feature(32, s0t, t(s0rc), b0t))
    put(F.feature(33, s0t, t(s0lc), b0t))
    put(F.feature(34, s0t, b0t, t(b0lc)))
    put(F.feature(35, s1t, s0t, t(s0lc)))
    put(F.feature(36, s1t, s0t, t(s0rc)))
    put(F.feature(37, s2t, s1t, s0t))
    put(F.feature(38, s1t, t(s1rc), s0t))
    put(F.feature(39, s1t, t(s1lc), s0t))
    // Distance.
    put(F.feature(40, s0w, distance))
    put(F.feature(41, s0t, distance))
    put(F.feature(42, b0w, distance))
    put(F.feature(43, b0t, distance))
    put(F.feature(44, s0w, b0w, distance))
    put(F.feature(45, s0t, b0t, distance))
    put(F.feature(46, s1t, s0t, distance1))
    put(F.feature(47, s1w, s0w, distance1))
    // Valency.
    put(F.feature(48, s0w, vr(s0)))
    put(F.feature(49, s0t, vr(s0)))
    put(F.feature(50, s0w, vl(s0)))
    put(F.feature(51, s0t, vl(s0)))
    put(F.feature(52, s1t, vr(s1)))
    put(F.feature(53, s1t, vl(s1)))
    put(F.feature(54, b0w, vl(b0)))
    put(F.feature(55, b0t, vl(b0)))
    // Children.
    put(F.feature(56, w(s0lc), t(s0lc)))
    put(F.feature(57, l(s0lc)))
    put(F.feature(58, w(s0rc), t(s0rc)))
    put(F.feature(59, l(s0rc)))
    put(F.feature(60, w(b0lc), t(b0lc)))
    put(F.feature(61, l(b0lc)))
    put(F.feature(62, t(s1rc), l(s1rc)))
    put(F.feature(63, t(s1lc), l(s1lc)))
    put(F.feature(64, s0t, l(s0lc), l(lc2(s0))))
    put(F.feature(65, s0t, l(s0rc), l(rc2(s0))))
    put(F.feature(66, b0t, l(b0lc), l(lc2(b0))))
    put(F.feature(67, s0t, t(s0lc), t(lc2(s0))))
    put(F.feature(68, s0t, t(s0rc), t(rc2(s0))))
    // Label sets.
    put(F.feature(69, s0t, s0 >= 0 ? state.rightLabels[s0] : none))
    put(F.feature(70, s0t, s0 >= 0 ? state.leftLabels[s0] : none))
    put(F.feature(71, b0t, b0 >= 0 ? state.leftLabels[b0] : none))
    put(F.feature(72, s1t, s1 >= 0 ? state.rightLabels[s1] : none))
  }

  // MARK: Parsing

  /// Parses one sentence.
  ///
  /// - Parameters:
  ///   - words: Lowercased-form hashes of the words, root first (n + 1 values).
  ///   - tags: Tag hashes, root first.
  /// - Returns: For each word 1...n, its head (0 for the root) and label, in arrays of n + 1.
  func parse(words: [UInt64], tags: [UInt64], scratch: inout ParserScratch) -> (
    heads: [Int32], labels: [UInt16]
  ) {
    let n = words.count - 1
    var state = ParserState(words: n)
    scratch.prepare(labels: labelSet.names.count)
    words.withUnsafeBufferPointer { words in
      tags.withUnsafeBufferPointer { tags in
        scratch.features.withUnsafeMutableBufferPointer { features in
          scratch.scores.withUnsafeMutableBufferPointer { scores in
            scratch.labelScores.withUnsafeMutableBufferPointer { labelScores in
              guard let featureBase = features.baseAddress, let scoreBase = scores.baseAddress,
                let labelBase = labelScores.baseAddress
              else { return }
              while !state.isTerminal {
                Self.features(state, words: words, tags: tags, into: featureBase)
                scores[0] = 0
                scores[1] = 0
                scores[2] = 0
                weights.score(
                  UnsafeBufferPointer(start: featureBase, count: Self.featureCount), into: scoreBase
                )
                let transition = Self.bestValid(scores: UnsafeBufferPointer(scores), state: state)
                var label: UInt16 = 0
                if transition != Self.shift {
                  let d = state.s0
                  let h = transition == Self.leftArc ? state.next : state.s1
                  Self.labelFeatures(
                    state, dependent: d, head: h, words: words, tags: tags, into: featureBase)
                  for c in 0..<labelScores.count { labelScores[c] = 0 }
                  labelWeights.score(
                    UnsafeBufferPointer(start: featureBase, count: Self.labelFeatureCount),
                    into: labelBase)
                  label = UInt16(Self.argmax(UnsafeBufferPointer(labelScores)))
                }
                Self.apply(transition, label: label, to: &state)
              }
            }
          }
        }
      }
    }
    return (state.heads, state.labels)
  }

  /// The index of the largest score.
  static func argmax(_ scores: UnsafeBufferPointer<Float>) -> Int {
    var best = 0
    for c in 1..<scores.count where scores[c] > scores[best] { best = c }
    return best
  }

  /// The highest-scoring transition that `state` allows.
  static func bestValid(scores: UnsafeBufferPointer<Float>, state: ParserState) -> Int {
    var best = -1
    if state.canShift { best = shift }
    if state.canLeft && (best < 0 || scores[leftArc] > scores[best]) { best = leftArc }
    if state.canRight && (best < 0 || scores[rightArc] > scores[best]) { best = rightArc }
    return best
  }

  static func apply(_ transition: Int, label: UInt16, to state: inout ParserState) {
    switch transition {
    case shift: state.shift()
    case leftArc: state.left(label: label)
    default: state.right(label: label)
    }
  }

  /// Parses a sentence of words and tags given as strings (for evaluation): 1-based heads
  /// (0 for the root) and relation names.
  public func parse(words: [String], xpos: [String]) -> (heads: [Int], labels: [String]) {
    let wordHashes = [Self.rootWord] + words.map { WordInfo($0).lower }
    let tagHashes = [Self.rootTag] + xpos.map { FeatureHashing.hash($0) }
    var scratch = ParserScratch()
    let (heads, labels) = parse(words: wordHashes, tags: tagHashes, scratch: &scratch)
    return (
      heads.dropFirst().map { Int($0) },
      labels.dropFirst().map { $0 < labelSet.names.count ? labelSet.names[Int($0)] : "dep" }
    )
  }
}

/// Buffers reused from sentence to sentence.
struct ParserScratch {
  var features = [UInt64](
    repeating: 0, count: max(ParserModel.featureCount, ParserModel.labelFeatureCount))
  var scores = [Float](repeating: 0, count: 3)
  var labelScores: [Float] = []

  mutating func prepare(labels: Int) {
    if labelScores.count != labels { labelScores = [Float](repeating: 0, count: labels) }
  }
}

// MARK: - Training

/// Options for training a parser.
public struct ParserTrainingOptions: Sendable {
  /// Passes over the training data.
  public var epochs = 15
  /// The seed of shuffling and exploration.
  public var seed: UInt64 = 1
  /// From this epoch on, training follows the model's own transitions...
  public var exploreFrom = 2
  /// ...with this probability, so that it learns to recover from its mistakes.
  public var exploreProbability = 0.9
  /// Features that took part in fewer updates are dropped from the model.
  public var minimumUpdates = 1
  /// The model is pruned (rare features, small weights) until its file is at most this big.
  public var maximumModelBytes = 19_000_000

  /// Creates the default options.
  public init() {}
}

/// One training sentence for the parser: word and tag hashes (root first) and the gold tree.
public struct ParserExample: Sendable {
  var words: [UInt64]
  var tags: [UInt64]
  var heads: [Int32]
  var labels: [UInt16]

  /// Creates an example from a gold sentence, with the tags to parse from.
  ///
  /// - Parameters:
  ///   - sentence: The gold sentence.
  ///   - xpos: The tags the parser will see (gold, or predicted by a tagger).
  ///   - labelIndex: The number of each relation.
  public init(_ sentence: CoNLLUSentence, xpos: [String], labelIndex: [String: Int]) {
    words = [ParserModel.rootWord] + sentence.forms.map { WordInfo($0).lower }
    tags = [ParserModel.rootTag] + xpos.map { FeatureHashing.hash($0) }
    heads = [-1] + sentence.heads.map { Int32($0) }
    labels = [UInt16.max] + sentence.deprels.map { UInt16(labelIndex[$0] ?? 0) }
  }
}

extension ParserModel {
  /// Trains a parser with the arc-hybrid dynamic oracle.
  ///
  /// - Parameters:
  ///   - examples: Training sentences.
  ///   - labels: The relation names, indexed as in the examples.
  ///   - dev: Gold sentences and their tags, for a per-epoch report.
  ///   - options: Epochs, seed, exploration and pruning.
  ///   - progress: Receives one line per epoch.
  public static func train(
    _ examples: [ParserExample], labels: [String], dev: [(CoNLLUSentence, [String])] = [],
    options: ParserTrainingOptions = ParserTrainingOptions(), progress: (String) -> Void = { _ in }
  ) -> ParserModel {
    let labelCount = labels.count
    let trainer = PerceptronTrainer(classCount: 3)
    let labeller = PerceptronTrainer(classCount: labelCount)
    var generator = SplitMix64(seed: options.seed)
    var order = Array(examples.indices)
    var features = [UInt64](repeating: 0, count: featureCount)
    var labelFeatures = [UInt64](repeating: 0, count: labelFeatureCount)
    var scores = [Float](repeating: 0, count: 3)
    var labelScores = [Float](repeating: 0, count: labelCount)
    func model() -> ParserModel {
      ParserModel(
        labelSet: LabelSet(names: labels),
        weights: trainer.averaged(minimumUpdates: options.minimumUpdates),
        labelWeights: labeller.averaged(minimumUpdates: options.minimumUpdates))
    }
    for epoch in 1...max(1, options.epochs) {
      order.shuffle(using: &generator)
      var correctHeads = 0
      var total = 0
      let explore = epoch >= options.exploreFrom
      for index in order {
        let example = examples[index]
        let n = example.words.count - 1
        var state = ParserState(words: n)
        var onStack = [Bool](repeating: false, count: n + 1)
        onStack[0] = true
        while !state.isTerminal {
          example.words.withUnsafeBufferPointer { w in
            example.tags.withUnsafeBufferPointer { t in
              features.withUnsafeMutableBufferPointer { f in
                guard let base = f.baseAddress else { return }
                ParserModel.features(state, words: w, tags: t, into: base)
              }
            }
          }
          scores[0] = 0
          scores[1] = 0
          scores[2] = 0
          trainer.score(features, into: &scores)
          let predicted = scores.withUnsafeBufferPointer { bestValid(scores: $0, state: state) }
          let costs = state.costs(gold: example.heads, onStack: onStack)
          let costOf = [costs.shift, costs.left, costs.right]
          let minimum = costOf.min() ?? 0
          var bestCorrect = -1
          for c in 0..<3
          where costOf[c] == minimum && (bestCorrect < 0 || scores[c] > scores[bestCorrect]) {
            bestCorrect = c
          }
          let predictedIsCorrect = costOf[predicted] == minimum
          if !predictedIsCorrect && bestCorrect >= 0 {
            trainer.update(truth: bestCorrect, guess: predicted, features: features)
          }
          trainer.tick()
          let follow: Int
          if predictedIsCorrect {
            follow = predicted
          } else if explore
            && Double(generator.next() % 1_000_000) / 1_000_000 < options.exploreProbability
          {
            follow = predicted
          } else {
            follow = bestCorrect
          }
          var label: UInt16 = 0
          if follow != shift {
            let d = state.s0
            let h = follow == leftArc ? state.next : state.s1
            example.words.withUnsafeBufferPointer { w in
              example.tags.withUnsafeBufferPointer { t in
                labelFeatures.withUnsafeMutableBufferPointer { f in
                  guard let base = f.baseAddress else { return }
                  ParserModel.labelFeatures(
                    state, dependent: d, head: h, words: w, tags: t, into: base)
                }
              }
            }
            for c in 0..<labelCount { labelScores[c] = 0 }
            labeller.score(labelFeatures, into: &labelScores)
            let guess = labelScores.withUnsafeBufferPointer { argmax($0) }
            label = UInt16(guess)
            if example.heads[d] == Int32(h) {
              // Learn relations on right arcs only; and keep the gold relation in the state.
              let truth = Int(example.labels[d])
              labeller.update(truth: truth, guess: guess, features: labelFeatures)
              labeller.tick()
              label = UInt16(truth)
            }
          }
          if follow == shift {
            onStack[state.next] = true
          } else {
            onStack[state.s0] = false
          }
          apply(follow, label: label, to: &state)
        }
        for d in 1...max(1, n) where n > 0 && state.heads[d] == example.heads[d] {
          correctHeads += 1
        }
        total += n
      }
      var line = String(
        format: "epoch %d: train uas %.4f, %d + %d features", epoch,
        Double(correctHeads) / Double(max(total, 1)),
        trainer.featureCount, labeller.featureCount)
      if !dev.isEmpty {
        let scores = model().attachmentScores(on: dev)
        line += String(format: ", dev uas %.4f las %.4f", scores.uas, scores.las)
      }
      progress(line)
    }
    // Prune until the model file fits: rarely updated features and small weights go first.
    let levels: [(updates: Int, threshold: Float)] = [
      (1, 0.05), (2, 0.5), (3, 1), (4, 2), (6, 4), (10, 8),
    ]
    for (i, level) in levels.enumerated() {
      let candidate = ParserModel(
        labelSet: LabelSet(names: labels),
        weights: trainer.averaged(
          minimumUpdates: max(level.updates, options.minimumUpdates), threshold: level.threshold),
        labelWeights: labeller.averaged(
          minimumUpdates: max(level.updates, options.minimumUpdates), threshold: level.threshold))
      if candidate.estimatedFileBytes <= options.maximumModelBytes || i == levels.count - 1 {
        var line =
          "kept features updated at least \(level.updates) times with weights of at least \(level.threshold)"
        line += ": \(candidate.featureCount) features, about \(candidate.estimatedFileBytes) bytes"
        if !dev.isEmpty {
          let scores = candidate.attachmentScores(on: dev)
          line += String(format: ", dev uas %.4f las %.4f", scores.uas, scores.las)
        }
        progress(line)
        return candidate
      }
    }
    return model()
  }

  /// The approximate size of the model file: 12 bytes per feature, 3 per weight.
  var estimatedFileBytes: Int {
    12 * (weights.featureCount + labelWeights.featureCount) + 3
      * (weights.weightCount + labelWeights.weightCount)
  }

  /// Unlabelled and labelled attachment scores over all words (punctuation included); labels
  /// are compared on their universal part (`nmod:poss` counts as `nmod`), as the CoNLL 2018
  /// evaluation does.
  public func attachmentScores(on sentences: [(CoNLLUSentence, [String])]) -> (
    uas: Double, las: Double
  ) {
    var unlabelled = 0
    var labelled = 0
    var total = 0
    for (sentence, xpos) in sentences {
      let (heads, labels) = parse(words: sentence.forms, xpos: xpos)
      for k in 0..<sentence.count {
        total += 1
        guard heads[k] == sentence.heads[k] else { continue }
        unlabelled += 1
        if Self.universal(labels[k]) == Self.universal(sentence.deprels[k]) { labelled += 1 }
      }
    }
    guard total > 0 else { return (0, 0) }
    return (Double(unlabelled) / Double(total), Double(labelled) / Double(total))
  }

  /// The universal part of a relation name: `nmod:poss` -> `nmod`.
  public static func universal(_ label: String) -> Substring {
    label.split(separator: ":", maxSplits: 1).first ?? Substring(label)
  }
}

// MARK: - Files

extension ParserModel {
  /// Appends the parser to a model file.
  public func write(to writer: inout ModelFileWriter) {
    writer.add("parser.features", strings: [Self.featureSet])
    writer.add("parser.labels", strings: labelSet.names)
    weights.write(to: &writer, prefix: "parser.weights")
    labelWeights.write(to: &writer, prefix: "parser.labelWeights")
  }

  /// Reads a parser from a model file.
  ///
  /// - Throws: ``ModelFileError`` when the parser's sections are missing or inconsistent.
  public convenience init(from file: ModelFile) throws(ModelFileError) {
    // Files written before the section existed were all trained with the first feature set.
    let featureSet =
      file.has("parser.features")
      ? try file.strings("parser.features").first ?? "" : "arc-hybrid-72+26/1"
    guard featureSet == Self.featureSet else {
      throw ModelFileError(
        path: file.path,
        "the parser was trained with feature set '\(featureSet)'; this build computes '\(Self.featureSet)'"
      )
    }
    let labels = try file.strings("parser.labels")
    let weights = try SparseLinearModel(from: file, prefix: "parser.weights")
    let labelWeights = try SparseLinearModel(from: file, prefix: "parser.labelWeights")
    guard !labels.isEmpty, weights.classCount == 3, labelWeights.classCount == labels.count else {
      throw ModelFileError(path: file.path, "the parser's labels do not match its weights")
    }
    self.init(labelSet: LabelSet(names: labels), weights: weights, labelWeights: labelWeights)
  }
}
