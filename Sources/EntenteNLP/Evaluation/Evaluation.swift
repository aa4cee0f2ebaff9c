/// Counts of correct words against a gold treebank, and the scores they give.
///
/// Every word counts, punctuation included. A head is right when it is the gold head; a
/// labelled attachment when the head is right and the universal part of the relation
/// matches (`nmod:poss` counts as `nmod`), as in the CoNLL 2018 evaluation.
public struct Evaluation: Sendable, Equatable {
  /// Words scored.
  public var words = 0
  /// Words with the right Penn Treebank tag.
  public var xpos = 0
  /// Words with the right Universal tag.
  public var upos = 0
  /// Words with the right lemma.
  public var lemma = 0
  /// Words with the right head.
  public var unlabelled = 0
  /// Words with the right head and relation.
  public var labelled = 0

  /// Creates empty counts.
  public init() {}

  /// Adds one sentence's predictions.
  ///
  /// - Parameters:
  ///   - gold: The gold sentence.
  ///   - xpos: Predicted Penn Treebank tags.
  ///   - upos: Predicted Universal tags.
  ///   - lemmas: Predicted lemmas.
  ///   - heads: Predicted heads (1-based, 0 for the root), or empty when not parsed.
  ///   - labels: Predicted relations, or empty.
  public mutating func add(
    gold: CoNLLUSentence, xpos: [String], upos: [String], lemmas: [String], heads: [Int],
    labels: [String]
  ) {
    for k in 0..<gold.count {
      words += 1
      if k < xpos.count && xpos[k] == gold.xpos[k] { self.xpos += 1 }
      if k < upos.count && upos[k] == gold.upos[k] { self.upos += 1 }
      if k < lemmas.count && lemmas[k] == gold.lemmas[k] { lemma += 1 }
      if k < heads.count && heads[k] == gold.heads[k] {
        unlabelled += 1
        if k < labels.count
          && ParserModel.universal(labels[k]) == ParserModel.universal(gold.deprels[k])
        {
          labelled += 1
        }
      }
    }
  }

  private func share(_ count: Int) -> Double { words > 0 ? Double(count) / Double(words) : 0 }

  /// Tag accuracy.
  public var xposAccuracy: Double { share(xpos) }
  /// Universal tag accuracy.
  public var uposAccuracy: Double { share(upos) }
  /// Lemma accuracy.
  public var lemmaAccuracy: Double { share(lemma) }
  /// Unlabelled attachment score.
  public var uas: Double { share(unlabelled) }
  /// Labelled attachment score.
  public var las: Double { share(labelled) }

  /// `xpos=0.9612 upos=0.9701 lemma=0.9750 uas=0.8712 las=0.8403 words=25094`.
  public var line: String {
    func f(_ value: Double) -> String {
      let scaled = Int((value * 10_000).rounded())
      let digits = String(scaled % 10_000)
      return "\(scaled / 10_000)." + String(repeating: "0", count: 4 - digits.count) + digits
    }
    return
      "xpos=\(f(xposAccuracy)) upos=\(f(uposAccuracy)) lemma=\(f(lemmaAccuracy)) uas=\(f(uas)) las=\(f(las)) words=\(words)"
  }
}

extension Models {
  /// Tags, lemmatizes and parses the gold tokenisation of `sentences` and scores the result.
  public func evaluate(_ sentences: [CoNLLUSentence]) -> Evaluation {
    var evaluation = Evaluation()
    for sentence in sentences {
      let classes = tagger.tag(words: sentence.forms)
      let xpos = classes.map { tagger.tagSet.xpos[$0] }
      let upos = classes.map { tagger.tagSet.upos[$0] }
      let lemmas = (0..<sentence.count).map {
        lemmatizer.lemma(form: sentence.forms[$0], xpos: xpos[$0])
      }
      var heads: [Int] = []
      var labels: [String] = []
      if let parser { (heads, labels) = parser.parse(words: sentence.forms, xpos: xpos) }
      evaluation.add(
        gold: sentence, xpos: xpos, upos: upos, lemmas: lemmas, heads: heads, labels: labels)
    }
    return evaluation
  }
}
