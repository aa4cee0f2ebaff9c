import ArgumentParser
import EntenteNLP
import Foundation

/// `entente evaluate`: accuracy of the tagger, lemmatizer and parser on a gold treebank.
struct Evaluate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Tag, lemmatize and parse the gold tokenisation of CoNLL-U files and score the result.",
    discussion: """
      Scores every word, punctuation included. LAS compares the universal part of relations \
      (nmod:poss counts as nmod), as the CoNLL 2018 evaluation does; lemmas are compared \
      exactly. The last line is: xpos=... upos=... lemma=... uas=... las=... words=N.
      """
  )

  @Option(name: .long, help: "A gold CoNLL-U file (repeatable).")
  var gold: [String] = []

  @OptionGroup var models: ModelOptions

  @Option(name: .long, help: "Also print the N most frequent tag, lemma and relation errors.")
  var errors: Int = 0

  func validate() throws {
    guard !gold.isEmpty else { throw ValidationError("give at least one --gold file") }
  }

  func run() throws {
    let sentences = try readTreebanks(gold)
    let models = try self.models.load(parser: true)
    if errors > 0 { printErrors(sentences, models: models) }
    print(models.evaluate(sentences).line)
  }

  /// Prints the most frequent confusions: gold -> predicted.
  func printErrors(_ sentences: [CoNLLUSentence], models: Models) {
    var tagErrors: [String: Int] = [:]
    var lemmaErrors: [String: Int] = [:]
    var labelErrors: [String: Int] = [:]
    for sentence in sentences {
      let classes = models.tagger.tag(words: sentence.forms)
      let xpos = classes.map { models.tagger.tagSet.xpos[$0] }
      let parse = models.parser?.parse(words: sentence.forms, xpos: xpos)
      for k in 0..<sentence.count {
        if xpos[k] != sentence.xpos[k] {
          tagErrors["\(sentence.xpos[k]) -> \(xpos[k])", default: 0] += 1
        }
        let lemma = models.lemmatizer.lemma(form: sentence.forms[k], xpos: xpos[k])
        if lemma != sentence.lemmas[k] {
          lemmaErrors[
            "\(sentence.forms[k])/\(xpos[k]): \(sentence.lemmas[k]) -> \(lemma)", default: 0] += 1
        }
        if let parse, parse.heads[k] == sentence.heads[k], parse.labels[k] != sentence.deprels[k] {
          labelErrors["\(sentence.deprels[k]) -> \(parse.labels[k])", default: 0] += 1
        }
      }
    }
    for (title, table) in [
      ("tags", tagErrors), ("lemmas", lemmaErrors), ("relations", labelErrors),
    ] {
      print("most frequent \(title) errors (gold -> predicted):")
      for (error, count) in table.sorted(by: { $0.value > $1.value }).prefix(errors) {
        print("  \(count)\t\(error)")
      }
    }
  }
}
