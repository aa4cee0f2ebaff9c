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

  func validate() throws {
    guard !train.isEmpty else { throw ValidationError("give at least one --train file") }
    guard epochs > 0 else { throw ValidationError("--epochs must be positive") }
  }

  func run() throws {
    let trainSentences = try load(train)
    let devSentences = try load(dev)
    let words = trainSentences.reduce(0) { $0 + $1.count }
    print("training \(component.rawValue) on \(trainSentences.count) sentences, \(words) words")
    var writer = ModelFileWriter()
    switch component {
    case .tagger:
      var options = TaggerTrainingOptions()
      options.epochs = epochs
      options.seed = seed
      let model = TaggerModel.train(trainSentences, dev: devSentences, options: options) {
        print($0)
      }
      model.write(to: &writer)
      let lemmatizer = Lemmatizer.train(trainSentences)
      lemmatizer.write(to: &writer)
    case .parser:
      throw ValidationError("parser training is not available yet")
    }
    do {
      try writer.write(to: out)
    } catch {
      FileHandle.standardError("entente: error: \(error)\n")
      throw ExitCode(1)
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
    print("wrote \(out) (\(size) bytes)")
  }

  func load(_ paths: [String]) throws -> [CoNLLUSentence] {
    var sentences: [CoNLLUSentence] = []
    for path in paths {
      do {
        sentences += try CoNLLUReader.read(path: path)
      } catch {
        FileHandle.standardError("entente: error: \(error)\n")
        throw ExitCode(1)
      }
    }
    return sentences
  }
}
