import ArgumentParser
import EntenteNLP
import Foundation

/// `entente train`: train a model on CoNLL-U treebanks.
struct Train: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Train the tagger or the parser on CoNLL-U files.",
    discussion: """
      Training is deterministic for a given --seed and input order, and prints one line per \
      epoch. Train on train files and tune on dev files; keep test files for measuring.
      """
  )

  enum Component: String, ExpressibleByArgument, CaseIterable {
    case tagger
    case parser
  }

  @Argument(help: "What to train: tagger or parser.")
  var component: Component

  @Option(name: .long, help: "A CoNLL-U training file (repeatable).")
  var train: [String] = []

  @Option(name: .long, help: "A CoNLL-U development file for the per-epoch report (repeatable).")
  var dev: [String] = []

  @Option(name: .long, help: "Where to write the model.")
  var out: String

  @Option(name: .long, help: "Passes over the training data.")
  var epochs: Int = 10

  @Option(name: .long, help: "Seed of the shuffling.")
  var seed: UInt64 = 1

  @Option(
    name: .long,
    help:
      "For the parser: a tagger model whose predicted tags the parser trains on (default: gold tags)."
  )
  var tagger: String?

  @Option(
    name: .long,
    help: """
      For the parser: tag the training data with taggers trained on the other K-1 of K folds, \
      so that the parser learns from tags as good as it will see (0: use --tagger or gold tags).
      """)
  var jackknife: Int = 0

  func validate() throws {
    guard !train.isEmpty else { throw ValidationError("give at least one --train file") }
    guard epochs > 0 else { throw ValidationError("--epochs must be positive") }
    guard jackknife >= 0 && jackknife != 1 else {
      throw ValidationError("--jackknife must be 0 or at least 2")
    }
  }

  func run() throws {
    let trainSentences = try readTreebanks(train)
    let devSentences = try readTreebanks(dev)
    let words = trainSentences.reduce(0) { $0 + $1.count }
    Self.say("training \(component.rawValue) on \(trainSentences.count) sentences, \(words) words")
    var writer = ModelFileWriter()
    switch component {
    case .tagger:
      var options = TaggerTrainingOptions()
      options.epochs = epochs
      options.seed = seed
      let model = TaggerModel.train(trainSentences, dev: devSentences, options: options) {
        Self.say($0)
      }
      model.write(to: &writer)
      let lemmatizer = Lemmatizer.train(trainSentences)
      lemmatizer.write(to: &writer)
    case .parser:
      var tag: ([String]) -> [String] = { _ in [] }
      if let tagger {
        let model = try TaggerModel(from: ModelFile(path: tagger))
        tag = { words in model.tag(words: words).map { model.tagSet.xpos[$0] } }
      }
      func tags(_ sentence: CoNLLUSentence) -> [String] {
        tagger == nil ? sentence.xpos : tag(sentence.forms)
      }
      var trainTags = trainSentences.map(tags)
      if jackknife > 1 {
        for fold in 0..<jackknife {
          let rest = trainSentences.enumerated().filter { $0.offset % jackknife != fold }.map(
            \.element)
          var options = TaggerTrainingOptions()
          options.epochs = 6
          options.seed = seed
          let foldTagger = TaggerModel.train(rest, options: options)
          for (i, sentence) in trainSentences.enumerated() where i % jackknife == fold {
            trainTags[i] = foldTagger.tag(words: sentence.forms).map { foldTagger.tagSet.xpos[$0] }
          }
          Self.say("jackknife fold \(fold + 1) of \(jackknife) tagged")
        }
      }
      var labelCounts: [String: Int] = [:]
      for sentence in trainSentences {
        for label in sentence.deprels { labelCounts[label, default: 0] += 1 }
      }
      let labels = labelCounts.sorted {
        $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
      }.map(\.key)
      let labelIndex = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
      let examples = trainSentences.indices.map {
        ParserExample(trainSentences[$0], xpos: trainTags[$0], labelIndex: labelIndex)
      }
      let devExamples = devSentences.map { ($0, tags($0)) }
      var options = ParserTrainingOptions()
      options.epochs = epochs
      options.seed = seed
      let model = ParserModel.train(examples, labels: labels, dev: devExamples, options: options) {
        Self.say($0)
      }
      model.write(to: &writer)
    }
    do {
      try writer.write(to: out)
    } catch {
      FileHandle.standardError("entente: error: \(error)\n")
      throw ExitCode(1)
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
    Self.say("wrote \(out) (\(size) bytes)")
  }

  /// Prints a progress line at once, even when standard output is a file.
  static func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
  }

}
