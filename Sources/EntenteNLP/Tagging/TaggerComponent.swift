/// The pipeline component that tags and lemmatizes every sentence of a document.
public struct Tagger: Sendable, DocComponent {
  /// The tagging model.
  public let model: TaggerModel
  /// The lemmatizer; `nil` to skip lemmas.
  public let lemmatizer: Lemmatizer?

  /// Creates the component.
  public init(model: TaggerModel, lemmatizer: Lemmatizer?) {
    self.model = model
    self.lemmatizer = lemmatizer
  }

  public var name: String { "tagger" }
  public var requires: [DocAttribute] { [.tokens, .sentences] }
  public var provides: [DocAttribute] { lemmatizer == nil ? [.tags] : [.tags, .lemmas] }

  /// Tags (and lemmatizes) `doc` sentence by sentence.
  ///
  /// - Complexity: O(*n*) in the number of tokens.
  public func process(_ doc: inout Doc) {
    let count = doc.tokens.count
    var tags = [UInt16](repeating: 0, count: count)
    var scratch = TaggerScratch()
    var infos: [WordInfo] = []
    var lemmas = ContiguousArray<String>()
    if lemmatizer != nil { lemmas.reserveCapacity(count) }
    let xpos = model.tagSet.xpos
    let xposHashes = xpos.map { FeatureHashing.hash($0) }
    doc.withUTF8 { text in
      for sentence in doc.sentences {
        let start = Int(sentence.tokenStart)
        let end = Int(sentence.tokenEnd)
        infos.removeAll(keepingCapacity: true)
        for i in start..<end {
          let token = doc.tokens[i]
          infos.append(
            WordInfo(UnsafeBufferPointer(rebasing: text[Int(token.start)..<Int(token.end)])))
        }
        infos.withUnsafeBufferPointer { words in
          tags.withUnsafeMutableBufferPointer { all in
            guard let base = all.baseAddress else { return }
            model.tag(
              words, into: UnsafeMutableBufferPointer(start: base + start, count: end - start),
              names: doc.nameHints.count == count ? doc.nameHints[start..<end] : [],
              scratch: &scratch)
          }
        }
        // Lemmas reuse the sentence's word views rather than computing them again.
        guard let lemmatizer else { continue }
        for i in start..<end {
          let token = doc.tokens[i]
          let cls = Int(tags[i])
          lemmas.append(
            lemmatizer.lemma(
              UnsafeBufferPointer(rebasing: text[Int(token.start)..<Int(token.end)]),
              info: infos[i - start], xpos: xpos[cls], xposHash: xposHashes[cls]))
        }
      }
    }
    for i in 0..<count { doc.tokens[i].tag = tags[i] }
    doc.tagSet = model.tagSet
    doc.attributes.insert(.tags)
    guard lemmatizer != nil else { return }
    doc.lemmas = lemmas
    doc.attributes.insert(.lemmas)
  }
}
