import Foundation

/// A greedy left-to-right part-of-speech tagger: an averaged perceptron over rich word and
/// context features, with a tag dictionary for frequent unambiguous words.
///
/// Each class is a Penn Treebank tag together with its Universal tag (`NN|NOUN`,
/// `TO|PART`), so one decision gives both.
public final class TaggerModel: Sendable {
  /// The classes.
  public let tagSet: TagSet
  let weights: SparseLinearModel
  /// Exact word form hash -> class, for frequent words that always take that class.
  let dictionary: [UInt64: UInt16]
  /// Lowercased form hash -> hash of the set of classes the word was seen with.
  let ambiguity: [UInt64: UInt64]
  /// Whether each class may tag a word known to be part of a name (nouns and adjectives).
  let nameClasses: [Bool]
  /// Whether each class may tag a word never seen in training (every class but the closed
  /// ones).
  let openClasses: [Bool]

  init(
    tagSet: TagSet, weights: SparseLinearModel, dictionary: [UInt64: UInt16],
    ambiguity: [UInt64: UInt64]
  ) {
    self.tagSet = tagSet
    self.weights = weights
    self.dictionary = dictionary
    self.ambiguity = ambiguity
    self.nameClasses = tagSet.xpos.map { ["NNP", "NNPS", "NN", "NNS", "JJ"].contains($0) }
    self.openClasses = tagSet.xpos.map { !Self.closedClasses.contains($0) }
  }

  /// The tags of closed word classes: a word never seen in training is not one of them (an
  /// unknown `Lavrov` is not an interjection, nor `Arnor` a conjunction).
  static let closedClasses: Set<String> = [
    "CC", "DT", "EX", "IN", "MD", "PDT", "POS", "PRP", "PRP$", "RP", "TO", "UH", "WDT", "WP",
    "WP$", "WRB",
  ]

  /// The number of features with weights.
  public var featureCount: Int { weights.featureCount }

  // MARK: Features

  static let featureCount = 32
  /// The name of the feature templates; a model trained with others is refused.
  ///
  /// Change it whenever ``features(_:words:ambiguities:tags:into:)`` changes.
  static let featureSet = "greedy-32/1"

  static func features(
    _ i: Int, words: UnsafeBufferPointer<WordInfo>, ambiguities: UnsafeBufferPointer<UInt64>,
    tags: UnsafeBufferPointer<UInt16>, into out: UnsafeMutablePointer<UInt64>
  ) {
    let n = words.count
    func word(_ k: Int) -> WordInfo { k < 0 ? .start : k >= n ? .end : words[k] }
    func amb(_ k: Int) -> UInt64 { k < 0 ? 1 : k >= n ? 2 : ambiguities[k] }
    func tag(_ k: Int) -> UInt64 { k < 0 ? 0xFFFF : UInt64(tags[k]) }
    let w0 = word(i)
    let wm1 = word(i - 1)
    let wm2 = word(i - 2)
    let wp1 = word(i + 1)
    let wp2 = word(i + 2)
    let t1 = tag(i - 1)
    let t2 = tag(i - 2)
    let a0 = amb(i)
    let ap1 = amb(i + 1)
    typealias F = FeatureHashing
    out[0] = F.feature(1, 0)
    out[1] = F.feature(2, w0.lower)
    out[2] = F.feature(3, w0.suffix3)
    out[3] = F.feature(4, w0.prefix1)
    out[4] = F.feature(5, t1)
    out[5] = F.feature(6, t2)
    out[6] = F.feature(7, t1, t2)
    out[7] = F.feature(8, wm1.lower)
    out[8] = F.feature(9, wm1.suffix3)
    out[9] = F.feature(10, wp1.lower)
    out[10] = F.feature(11, wp1.suffix3)
    out[11] = F.feature(12, wm2.lower)
    out[12] = F.feature(13, wp2.lower)
    out[13] = F.feature(14, t1, w0.lower)
    out[14] = F.feature(15, w0.shape)
    out[15] = F.feature(16, w0.suffix2)
    out[16] = F.feature(17, w0.suffix4)
    out[17] = F.feature(18, w0.form)
    out[18] = F.feature(19, a0)
    out[19] = F.feature(20, ap1)
    out[20] = F.feature(21, amb(i + 2))
    out[21] = F.feature(22, t1, a0)
    out[22] = F.feature(23, a0, ap1)
    out[23] = F.feature(24, wp1.shape)
    out[24] = F.feature(25, i == 0 ? 1 : 0, w0.shape)
    out[25] = F.feature(26, w0.lower, wp1.lower)
    out[26] = F.feature(27, t1, w0.suffix3)
    out[27] = F.feature(28, w0.suffix1)
    out[28] = F.feature(29, w0.prefix3)
    out[29] = F.feature(30, wm1.lower, w0.lower)
    out[30] = F.feature(31, wm1.shape)
    out[31] = F.feature(32, ap1, t1)
  }

  // MARK: Tagging

  /// Tags one sentence of words, writing a class per word into `tags`.
  ///
  /// - Parameters:
  ///   - words: The words' views.
  ///   - tags: Receives the classes; must have room for `words.count`.
  ///   - names: For each word, whether it is known to be part of a name (its class is then a
  ///     noun or adjective), or empty.
  ///   - scratch: Reused buffers.
  func tag(
    _ words: UnsafeBufferPointer<WordInfo>, into tags: UnsafeMutableBufferPointer<UInt16>,
    names: ArraySlice<Bool> = [], scratch: inout TaggerScratch
  ) {
    let n = words.count
    scratch.prepare(words: n, classes: tagSet.count)
    for k in 0..<n { scratch.ambiguities[k] = ambiguity[words[k].lower] ?? 3 }
    scratch.ambiguities.withUnsafeBufferPointer { ambiguities in
      scratch.features.withUnsafeMutableBufferPointer { features in
        scratch.scores.withUnsafeMutableBufferPointer { scores in
          guard let featureBase = features.baseAddress, let scoreBase = scores.baseAddress else {
            return
          }
          for i in 0..<n {
            if let known = dictionary[words[i].form],
              names.isEmpty || !names[names.startIndex + i] || nameClasses[Int(known)]
            {
              tags[i] = known
              continue
            }
            Self.features(
              i, words: words, ambiguities: ambiguities, tags: UnsafeBufferPointer(tags),
              into: featureBase)
            for c in 0..<scores.count { scores[c] = 0 }
            weights.score(
              UnsafeBufferPointer(start: featureBase, count: Self.featureCount), into: scoreBase)
            var best = 0
            var bestScore = scores[0]
            if !names.isEmpty && names[names.startIndex + i] {
              bestScore = -.infinity
              for c in 0..<scores.count where nameClasses[c] && scores[c] > bestScore {
                best = c
                bestScore = scores[c]
              }
            } else if ambiguities[i] == 3 {
              // A word never seen: an open class; capitalised, a name's (noun or adjective).
              let allowed = words[i].isCapitalised ? nameClasses : openClasses
              bestScore = -.infinity
              for c in 0..<scores.count where allowed[c] && scores[c] > bestScore {
                best = c
                bestScore = scores[c]
              }
            } else {
              for c in 1..<scores.count where scores[c] > bestScore {
                best = c
                bestScore = scores[c]
              }
            }
            tags[i] = UInt16(best)
          }
        }
      }
    }
  }

  /// The classes of the words of one sentence, given as strings (for evaluation).
  public func tag(words: [String]) -> [Int] {
    let infos = words.map { WordInfo($0) }
    var tags = [UInt16](repeating: 0, count: words.count)
    var scratch = TaggerScratch()
    infos.withUnsafeBufferPointer { infos in
      tags.withUnsafeMutableBufferPointer { tag(infos, into: $0, scratch: &scratch) }
    }
    return tags.map(Int.init)
  }
}

/// Buffers reused from sentence to sentence.
struct TaggerScratch {
  var features = [UInt64](repeating: 0, count: TaggerModel.featureCount)
  var scores: [Float] = []
  var ambiguities: [UInt64] = []

  mutating func prepare(words: Int, classes: Int) {
    if scores.count != classes { scores = [Float](repeating: 0, count: classes) }
    if ambiguities.count < words {
      ambiguities = [UInt64](repeating: 0, count: Swift.max(words, 64))
    }
  }
}

// MARK: - Training

/// Options for training a tagger.
public struct TaggerTrainingOptions: Sendable {
  /// Passes over the training data.
  public var epochs = 10
  /// The seed of the shuffling.
  public var seed: UInt64 = 1
  /// A word enters the tag dictionary when seen at least this often...
  public var dictionaryMinimumCount = 20
  /// ...with one class at least this share of the time.
  public var dictionaryMinimumShare = 0.995
  /// Features that took part in fewer updates are dropped from the model.
  public var minimumUpdates = 1

  /// Creates the default options.
  public init() {}
}

extension TaggerModel {
  /// Trains a tagger on gold sentences.
  ///
  /// - Parameters:
  ///   - sentences: The training sentences.
  ///   - dev: Sentences to report accuracy on after each epoch (not trained on).
  ///   - options: Epochs, seed and pruning.
  ///   - progress: Receives one line per epoch.
  /// - Returns: The averaged model.
  public static func train(
    _ sentences: [CoNLLUSentence], dev: [CoNLLUSentence] = [],
    options: TaggerTrainingOptions = TaggerTrainingOptions(),
    progress: (String) -> Void = { _ in }
  ) -> TaggerModel {
    // Classes, by frequency.
    var classCounts: [String: Int] = [:]
    for sentence in sentences {
      for (x, u) in zip(sentence.xpos, sentence.upos) { classCounts["\(x)|\(u)", default: 0] += 1 }
    }
    let classNames = classCounts.sorted {
      $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
    }.map(\.key)
    let classIndex = Dictionary(uniqueKeysWithValues: classNames.enumerated().map { ($1, $0) })
    let tagSet = TagSet(classes: classNames)

    // Tag dictionary and ambiguity classes.
    var formCounts: [UInt64: [Int: Int]] = [:]
    var lowerCounts: [UInt64: [Int: Int]] = [:]
    for sentence in sentences {
      for k in 0..<sentence.count {
        let cls = classIndex["\(sentence.xpos[k])|\(sentence.upos[k])"] ?? 0
        let info = WordInfo(sentence.forms[k])
        formCounts[info.form, default: [:]][cls, default: 0] += 1
        lowerCounts[info.lower, default: [:]][cls, default: 0] += 1
      }
    }
    var dictionary: [UInt64: UInt16] = [:]
    for (form, counts) in formCounts {
      let total = counts.values.reduce(0, +)
      guard total >= options.dictionaryMinimumCount,
        let (cls, count) = counts.max(by: { $0.value < $1.value })
      else {
        continue
      }
      if Double(count) / Double(total) >= options.dictionaryMinimumShare {
        dictionary[form] = UInt16(cls)
      }
    }
    var ambiguity: [UInt64: UInt64] = [:]
    for (lower, counts) in lowerCounts {
      let total = counts.values.reduce(0, +)
      let set = counts.filter { Double($0.value) / Double(total) >= 0.05 }.keys.sorted()
      var h: UInt64 = 0x414D_4200
      for cls in set { h = FeatureHashing.mix(h, UInt64(cls) + 10) }
      ambiguity[lower] = h | 4
    }

    let trainer = PerceptronTrainer(classCount: classNames.count)
    var generator = SplitMix64(seed: options.seed)
    var order = Array(sentences.indices)
    let gold: [[UInt16]] = sentences.map { sentence in
      (0..<sentence.count).map {
        UInt16(classIndex["\(sentence.xpos[$0])|\(sentence.upos[$0])"] ?? 0)
      }
    }
    let infos: [[WordInfo]] = sentences.map { $0.forms.map { WordInfo($0) } }
    var model = TaggerModel(
      tagSet: tagSet, weights: SparseLinearModel(classCount: classNames.count, rows: []),
      dictionary: dictionary,
      ambiguity: ambiguity)
    var features = [UInt64](repeating: 0, count: featureCount)
    var scores = [Float](repeating: 0, count: classNames.count)
    for epoch in 1...max(1, options.epochs) {
      order.shuffle(using: &generator)
      var correct = 0
      var total = 0
      for s in order {
        let words = infos[s]
        var tags = [UInt16](repeating: 0, count: words.count)
        let ambiguities = words.map { ambiguity[$0.lower] ?? 3 }
        for i in 0..<words.count {
          let truth = gold[s][i]
          if let known = dictionary[words[i].form] {
            tags[i] = known
            correct += known == truth ? 1 : 0
            total += 1
            continue
          }
          words.withUnsafeBufferPointer { w in
            ambiguities.withUnsafeBufferPointer { a in
              tags.withUnsafeBufferPointer { t in
                features.withUnsafeMutableBufferPointer { f in
                  guard let base = f.baseAddress else { return }
                  TaggerModel.features(i, words: w, ambiguities: a, tags: t, into: base)
                }
              }
            }
          }
          for c in 0..<scores.count { scores[c] = 0 }
          trainer.score(features, into: &scores)
          var guess = 0
          for c in 1..<scores.count where scores[c] > scores[guess] { guess = c }
          trainer.update(truth: Int(truth), guess: guess, features: features)
          trainer.tick()
          // Train on the predicted history, as tagging will see it.
          tags[i] = UInt16(guess)
          correct += guess == Int(truth) ? 1 : 0
          total += 1
        }
      }
      var line = String(
        format: "epoch %d: train accuracy %.4f, %d features", epoch,
        Double(correct) / Double(max(total, 1)), trainer.featureCount)
      if !dev.isEmpty {
        model = TaggerModel(
          tagSet: tagSet, weights: trainer.averaged(minimumUpdates: options.minimumUpdates),
          dictionary: dictionary,
          ambiguity: ambiguity)
        let (xpos, upos) = model.accuracy(on: dev)
        line += String(format: ", dev xpos %.4f upos %.4f", xpos, upos)
      }
      progress(line)
    }
    return TaggerModel(
      tagSet: tagSet, weights: trainer.averaged(minimumUpdates: options.minimumUpdates),
      dictionary: dictionary,
      ambiguity: ambiguity)
  }

  /// XPOS and UPOS accuracy on gold sentences.
  public func accuracy(on sentences: [CoNLLUSentence]) -> (xpos: Double, upos: Double) {
    var xposCorrect = 0
    var uposCorrect = 0
    var total = 0
    for sentence in sentences {
      let predicted = tag(words: sentence.forms)
      for (k, cls) in predicted.enumerated() {
        if tagSet.xpos[cls] == sentence.xpos[k] { xposCorrect += 1 }
        if tagSet.upos[cls] == sentence.upos[k] { uposCorrect += 1 }
        total += 1
      }
    }
    guard total > 0 else { return (0, 0) }
    return (Double(xposCorrect) / Double(total), Double(uposCorrect) / Double(total))
  }
}

// MARK: - Files

extension TaggerModel {
  /// Appends the tagger to a model file.
  public func write(to writer: inout ModelFileWriter) {
    writer.add("tagger.features", strings: [Self.featureSet])
    writer.add("tagger.classes", strings: tagSet.classNames)
    weights.write(to: &writer, prefix: "tagger.weights")
    let dictionaryKeys = dictionary.keys.sorted()
    writer.add("tagger.dictionary.keys", integers: dictionaryKeys)
    writer.add("tagger.dictionary.values", integers: dictionaryKeys.map { dictionary[$0] ?? 0 })
    let ambiguityKeys = ambiguity.keys.sorted()
    writer.add("tagger.ambiguity.keys", integers: ambiguityKeys)
    writer.add("tagger.ambiguity.values", integers: ambiguityKeys.map { ambiguity[$0] ?? 0 })
  }

  /// Reads a tagger from a model file.
  ///
  /// - Throws: ``ModelFileError`` when the tagger's sections are missing or inconsistent.
  public convenience init(from file: ModelFile) throws(ModelFileError) {
    // Files written before the section existed were all trained with the first feature set.
    let featureSet =
      file.has("tagger.features") ? try file.strings("tagger.features").first ?? "" : "greedy-32/1"
    guard featureSet == Self.featureSet else {
      throw ModelFileError(
        path: file.path,
        "the tagger was trained with feature set '\(featureSet)'; this build computes '\(Self.featureSet)'"
      )
    }
    let classes = try file.strings("tagger.classes")
    let weights = try SparseLinearModel(from: file, prefix: "tagger.weights")
    guard !classes.isEmpty, weights.classCount == classes.count else {
      throw ModelFileError(path: file.path, "the tagger's classes do not match its weights")
    }
    let dictionaryKeys: [UInt64] = try file.integers("tagger.dictionary.keys")
    let dictionaryValues: [UInt16] = try file.integers("tagger.dictionary.values")
    let ambiguityKeys: [UInt64] = try file.integers("tagger.ambiguity.keys")
    let ambiguityValues: [UInt64] = try file.integers("tagger.ambiguity.values")
    guard dictionaryKeys.count == dictionaryValues.count,
      ambiguityKeys.count == ambiguityValues.count,
      dictionaryValues.allSatisfy({ Int($0) < classes.count })
    else {
      throw ModelFileError(path: file.path, "the tagger's dictionaries are inconsistent")
    }
    self.init(
      tagSet: TagSet(classes: classes), weights: weights,
      dictionary: Dictionary(
        zip(dictionaryKeys, dictionaryValues), uniquingKeysWith: { a, _ in a }),
      ambiguity: Dictionary(zip(ambiguityKeys, ambiguityValues), uniquingKeysWith: { a, _ in a }))
  }
}
