public import EntenteNLP

/// A mention of an actor in a document: a span of tokens and what it resolves to.
public struct ActorMention: Sendable, Equatable {
  /// The document token indices covered.
  public var tokens: Range<Int>
  /// The index of the sentence.
  public var sentence: Int
  /// The actor code (`RUS`, `RUSGOV`, `IGOUNO`).
  public var code: String
  /// The country's ISO alpha-3 code, when the actor belongs to one.
  public var country: String?
  /// How the text names the actor: country, adjective, nationality, capital, leader, or
  /// `dictionary` for a phrase found only in a PETRARCH actor dictionary.
  public var kind: String
  /// The canonical name.
  public var canonical: String
}

/// Finds actor phrases in tokenized text by the longest match over a word trie built from
/// the knowledge base and, optionally, PETRARCH actor dictionaries.
///
/// Matching is on upper-cased token texts, so `Russia’s` matches `Russia` (the possessive is
/// its own token) and `North Korean-made` does not match `North Korean`. A phrase must start
/// with a capital letter in the text, so that `turkey` and `china` as common nouns are not
/// taken for countries. Resolution uses the document date: a leader is found only from the
/// day their term began.
///
/// This is the first step of the actors issue: titles, agents (`Russian forces`),
/// coreference and unknown names are still to come.
public struct ActorMatcher: Sendable {
  private struct Node: Sendable {
    var children: [String: Int32] = [:]
    var phrase: String?
  }

  private var nodes: [Node] = [Node()]
  private let knowledgeBase: CountryKnowledgeBase
  private let dictionary: ActorDictionary?

  /// Builds the trie.
  ///
  /// - Parameters:
  ///   - knowledgeBase: Countries, capitals and leaders.
  ///   - dictionary: PETRARCH actors to add, consulted after the knowledge base.
  public init(knowledgeBase: CountryKnowledgeBase, dictionary: ActorDictionary? = nil) {
    self.knowledgeBase = knowledgeBase
    self.dictionary = dictionary
    for phrase in knowledgeBase.phrases { insert(phrase) }
    if let dictionary {
      for phrase in dictionary.entries.keys { insert(phrase) }
    }
  }

  private mutating func insert(_ phrase: String) {
    var node = 0
    for word in phrase.split(separator: " ") {
      let key = String(word)
      if let next = nodes[node].children[key] {
        node = Int(next)
      } else {
        nodes.append(Node())
        nodes[node].children[key] = Int32(nodes.count - 1)
        node = nodes.count - 1
      }
    }
    nodes[node].phrase = phrase
  }

  /// The actor mentions of `doc`, in text order, without overlaps.
  ///
  /// - Parameters:
  ///   - doc: A tokenized and segmented document.
  ///   - date: The document date, for date-restricted codes.
  /// - Complexity: O(*n* × *k*) for *n* tokens and phrases of at most *k* words.
  public func mentions(in doc: Doc, date: DayDate?) -> [ActorMention] {
    var result: [ActorMention] = []
    for (sentenceIndex, sentence) in doc.sentences.enumerated() {
      var i = Int(sentence.tokenStart)
      let end = Int(sentence.tokenEnd)
      while i < end {
        // Phrases start with a capital, or with "the" (`the Kremlin`, `the West`).
        guard startsWithCapital(doc, i) || isThe(doc, i) else {
          i += 1
          continue
        }
        var node = 0
        var best: (end: Int, phrase: String)?
        var j = i
        // Only the tokens a walk reaches are upper-cased: most start at no capital at all.
        while j < end, let next = nodes[node].children[doc[j].text.uppercased()] {
          node = Int(next)
          j += 1
          if let phrase = nodes[node].phrase { best = (j, phrase) }
        }
        if let (matchEnd, phrase) = best,
          let mention = resolve(phrase, tokens: i..<matchEnd, sentence: sentenceIndex, date: date)
        {
          result.append(mention)
          i = matchEnd
        } else {
          i += 1
        }
      }
    }
    return result
  }

  /// Whether token `i` starts with a capital letter, read from the text's bytes (a
  /// `String` is built only for tokens that start outside ASCII).
  private func startsWithCapital(_ doc: Doc, _ i: Int) -> Bool {
    let first = doc.withUTF8 { $0[Int(doc.tokens[i].start)] }
    if first < 0x80 { return first &- 0x41 < 26 }
    return doc[i].text.first?.isUppercase == true
  }

  /// Whether token `i` is `the` in any case.
  private func isThe(_ doc: Doc, _ i: Int) -> Bool {
    let token = doc.tokens[i]
    guard token.end - token.start == 3 else { return false }
    return doc.withUTF8 { bytes in
      let s = Int(token.start)
      return bytes[s] | 0x20 == 0x74 && bytes[s + 1] | 0x20 == 0x68 && bytes[s + 2] | 0x20 == 0x65
    }
  }

  private func resolve(_ phrase: String, tokens: Range<Int>, sentence: Int, date: DayDate?)
    -> ActorMention?
  {
    if let resolution = knowledgeBase.resolve(phrase, on: date) {
      return ActorMention(
        tokens: tokens, sentence: sentence, code: resolution.code,
        country: resolution.country.isEmpty ? nil : resolution.country,
        kind: resolution.kind.rawValue,
        canonical: resolution.canonical)
    }
    if let code = dictionary?.code(for: phrase, on: date) {
      let country = code.count >= 3 ? knowledgeBase.countries[String(code.prefix(3))]?.code : nil
      return ActorMention(
        tokens: tokens, sentence: sentence, code: code, country: country, kind: "dictionary",
        canonical: phrase.capitalized)
    }
    return nil
  }
}
