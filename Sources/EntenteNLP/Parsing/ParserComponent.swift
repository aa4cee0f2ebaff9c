/// The pipeline component that parses every sentence of a tagged document.
public struct DependencyParser: Sendable, DocComponent {
  /// The parsing model.
  public let model: ParserModel

  /// Creates the component.
  public init(model: ParserModel) { self.model = model }

  public var name: String { "parser" }
  public var requires: [DocAttribute] { [.tokens, .sentences, .tags] }
  public var provides: [DocAttribute] { [.parse] }

  /// Parses `doc` sentence by sentence; heads become document token indices, with -1 for the
  /// root word of each sentence.
  public func process(_ doc: inout Doc) {
    guard let tagSet = doc.tagSet else { return }
    let tagHashes = tagSet.xpos.map { FeatureHashing.hash($0) }
    var scratch = ParserScratch()
    var words: [UInt64] = []
    var tags: [UInt64] = []
    var results: [(start: Int, heads: [Int32], labels: [UInt16])] = []
    results.reserveCapacity(doc.sentences.count)
    doc.withUTF8 { text in
      for sentence in doc.sentences {
        let start = Int(sentence.tokenStart)
        let end = Int(sentence.tokenEnd)
        words.removeAll(keepingCapacity: true)
        tags.removeAll(keepingCapacity: true)
        words.append(ParserModel.rootWord)
        tags.append(ParserModel.rootTag)
        for i in start..<end {
          let token = doc.tokens[i]
          words.append(
            WordInfo(UnsafeBufferPointer(rebasing: text[Int(token.start)..<Int(token.end)])).lower)
          let tag = Int(token.tag)
          tags.append(tag < tagHashes.count ? tagHashes[tag] : ParserModel.none)
        }
        let (heads, labels) = model.parse(words: words, tags: tags, scratch: &scratch)
        results.append((start, heads, labels))
      }
    }
    for (start, heads, labels) in results {
      for k in 1..<heads.count {
        let head = Int(heads[k])
        doc.tokens[start + k - 1].head = head > 0 ? Int32(start + head - 1) : -1
        doc.tokens[start + k - 1].deprel = labels[k]
      }
    }
    doc.labelSet = model.labelSet
    doc.attributes.insert(.parse)
  }
}
