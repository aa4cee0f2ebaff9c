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
  /// The children of each token in its sentence, in text order.
  let children: [[Int]]
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
    var children = Array(repeating: [Int](), count: doc.tokens.count)
    for sentence in doc.sentences {
      let range = Int(sentence.tokenStart)..<Int(sentence.tokenEnd)
      for token in range {
        let head = Int(doc.tokens[token].head)
        if head >= 0, range.contains(head) { children[head].append(token) }
      }
    }
    self.children = children
    var mentionAt = Array(repeating: -1, count: doc.tokens.count)
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
}
