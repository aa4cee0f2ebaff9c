import EntenteNLP

/// A parsed document with its actor mentions, as every finder reads it: built once per
/// document and shared by the event coder, the quote finder and the agreement finder.
///
/// It holds what they ask of each token many times over, computed once: the lemma in lower
/// case, the Penn tag and dependency relation as enums, the children of each token within its
/// sentence, and the actor mention that stands at it.
final class ParsedDocument: Sendable {
  /// The document.
  let doc: Doc
  /// Its actor mentions.
  let mentions: [ActorMention]
  /// The lemma of each token, lower-cased.
  let lemmas: [String]
  /// The Penn tag of each token.
  let tags: [PennTag]
  /// The dependency relation of each token to its head.
  let relations: [DependencyRelation]
  /// The children of every token in its sentence, token by token, each token's in text
  /// order: those of token `i` are `childList[childStart[i]..<childStart[i + 1]]` (one array
  /// for the document rather than one per token).
  private let childList: [Int]
  private let childStart: [Int32]
  /// The index of the actor mention covering each token, or -1: mentions with a code, and
  /// places of a known country, which act for it (`attacked Kharkiv` -> `UKR`).
  let mentionAt: [Int]
  /// Whether each token is in the mention of a person the document names, known to no
  /// dictionary or not (`Juan Perez`, or `him` resolved to him).
  let namesPerson: [Bool]

  /// Reads `doc`, or `nil` when it is not tagged, lemmatized and parsed.
  init?(doc: Doc, mentions: [ActorMention]) {
    guard let labels = doc.labelSet, let tagSet = doc.tagSet,
      doc.lemmas.count == doc.tokens.count
    else { return nil }
    self.doc = doc
    self.mentions = mentions
    lemmas = doc.lemmas.map { $0.lowercased() }
    tags = doc.tokens.map { token in
      Int(token.tag) < tagSet.pennTags.count ? tagSet.pennTags[Int(token.tag)] : .other
    }
    relations = doc.tokens.map { token in
      Int(token.deprel) < labels.relations.count ? labels.relations[Int(token.deprel)] : .dep
    }
    // Children counted per head, then placed in text order (a counting sort).
    let count = doc.tokens.count
    var start = [Int32](repeating: 0, count: count + 1)
    func head(of token: Int, in range: Range<Int>) -> Int? {
      let head = Int(doc.tokens[token].head)
      return head >= 0 && range.contains(head) ? head : nil
    }
    for sentence in doc.sentences {
      let range = Int(sentence.tokenStart)..<Int(sentence.tokenEnd)
      for token in range { if let head = head(of: token, in: range) { start[head + 1] += 1 } }
    }
    for index in 0..<count { start[index + 1] += start[index] }
    var next = start
    var list = [Int](repeating: 0, count: Int(start[count]))
    for sentence in doc.sentences {
      let range = Int(sentence.tokenStart)..<Int(sentence.tokenEnd)
      for token in range {
        guard let head = head(of: token, in: range) else { continue }
        list[Int(next[head])] = token
        next[head] += 1
      }
    }
    childList = list
    childStart = start
    var mentionAt = [Int](repeating: -1, count: count)
    for (index, mention) in mentions.enumerated()
    where !mention.code.isEmpty || (mention.type == .location && mention.country != nil) {
      for token in mention.tokens { mentionAt[token] = index }
    }
    self.mentionAt = mentionAt
    var namesPerson = Array(repeating: false, count: doc.tokens.count)
    for mention in mentions
    where mention.type == .person
      && (mention.kind != "pronoun" || mention.resolvedFrom == .coreference)
    {
      for token in mention.tokens { namesPerson[token] = true }
    }
    self.namesPerson = namesPerson
  }

  /// The children of token `i` in its sentence, in text order.
  func children(of i: Int) -> ArraySlice<Int> {
    childList[Int(childStart[i])..<Int(childStart[i + 1])]
  }
}
