public import EntenteNLP

/// Finds actor phrases in tokenized text by the longest match over a word trie built from
/// the knowledge base and, optionally, PETRARCH actor dictionaries.
///
/// Matching is on upper-cased token texts, so `Russia’s` matches `Russia` (the possessive is
/// its own token) and `North Korean-made` does not match `North Korean`. A phrase must start
/// with a capital letter in the text, so that `turkey` and `china` as common nouns are not
/// taken for countries. Resolution uses the document date: a leader is found only from the
/// day their term began.
///
/// On a tagged document it goes on to proper names the dictionaries lack (organisations by
/// their head noun, persons by their title, affiliation or a verb of saying, places after a
/// preposition), titles written with a person (`North Korean leader Kim Jong Un`), and
/// coreference: surnames, `he` and `she`, and roles (`the president`). See
/// docs/knowledge-base.md.
public struct ActorMatcher: Sendable {
  private struct Node: Sendable {
    var children: [WordKey: Int32] = [:]
    var phrase: String?
  }

  private var nodes: [Node] = [Node()]
  /// The trie of agent phrases (`forces`, `foreign ministry`), walked after a country.
  private var agentNodes: [Node] = [Node()]
  let knowledgeBase: CountryKnowledgeBase
  private let dictionary: ActorDictionary?

  /// Agent phrases of a PETRARCH agent dictionary, consulted after the knowledge base's.
  private let agentDictionary: AgentDictionary?

  /// The knowledge base's given names, as word keys.
  let givenNames: Set<WordKey>

  /// Builds the trie.
  ///
  /// - Parameters:
  ///   - knowledgeBase: Countries, capitals, leaders, organisations and agents.
  ///   - dictionary: PETRARCH actors to add, consulted after the knowledge base.
  ///   - agents: PETRARCH agents to add, consulted after the knowledge base's.
  public init(
    knowledgeBase: CountryKnowledgeBase, dictionary: ActorDictionary? = nil,
    agents: AgentDictionary? = nil
  ) {
    self.knowledgeBase = knowledgeBase
    self.dictionary = dictionary
    self.agentDictionary = agents
    givenNames = Set(knowledgeBase.givenNames.map(WordKey.init))
    for phrase in knowledgeBase.phrases { Self.insert(phrase, into: &nodes) }
    for phrase in knowledgeBase.agents.keys { Self.insert(phrase, into: &agentNodes) }
    if let dictionary {
      for phrase in dictionary.entries.keys { Self.insert(phrase, into: &nodes) }
    }
    if let agents {
      for phrase in agents.entries.keys { Self.insert(phrase, into: &agentNodes) }
    }
  }

  /// Loads the dictionaries a user names and builds a matcher.
  ///
  /// - Parameters:
  ///   - actorPaths: PETRARCH actor dictionaries, merged in order.
  ///   - agentPaths: PETRARCH agent dictionaries, merged in order.
  ///   - knowledgeBase: Whether to use the shipped knowledge base; without it only the
  ///     dictionaries are used.
  ///   - warning: Receives each line that could not be read (`file:line: message`).
  /// - Throws: ``DictionaryIssue`` when a file or the knowledge base cannot be read at all.
  public static func load(
    actorPaths: [String], agentPaths: [String], knowledgeBase: Bool = true,
    warning: (DictionaryIssue) -> Void
  ) throws(DictionaryIssue) -> ActorMatcher {
    let base = knowledgeBase ? try CountryKnowledgeBase.bundled() : CountryKnowledgeBase()
    var actors: ActorDictionary?
    for path in actorPaths {
      let (read, issues) = try PetrarchDictionaryReader.readActors(path: path)
      issues.forEach(warning)
      if actors == nil { actors = ActorDictionary() }
      actors?.merge(read)
    }
    var agents: AgentDictionary?
    for path in agentPaths {
      let (read, issues) = try PetrarchDictionaryReader.readAgents(path: path)
      issues.forEach(warning)
      if agents == nil { agents = AgentDictionary() }
      for (phrase, code) in read.entries { agents?.add(phrase, code) }
    }
    return ActorMatcher(knowledgeBase: base, dictionary: actors, agents: agents)
  }

  /// Whether Entente's knowledge base is used (not only PETRARCH dictionaries).
  var hasKnowledgeBase: Bool { !knowledgeBase.countries.isEmpty }

  /// The trie keys of a phrase: its words, with a possessive `'S` split off as the tokenizer
  /// does (`PEOPLE'S` -> `PEOPLE`, `'S`).
  private static func keys(_ phrase: String) -> [String] {
    var keys: [String] = []
    for word in phrase.split(separator: " ") {
      if word.count > 2, word.hasSuffix("'S") || word.hasSuffix("’S") {
        keys.append(String(word.dropLast(2)))
        keys.append("'S")
      } else {
        keys.append(String(word))
      }
    }
    return keys
  }

  private static func insert(_ phrase: String, into nodes: inout [Node]) {
    var node = 0
    for word in keys(phrase) {
      // Words are upper case already; non-ASCII letters must be too, as in ``TokenKeys``.
      let key = WordKey(word)
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

  /// The phrases of one sentence found in the dictionaries, longest first, without overlaps.
  func knownMentions(
    in doc: Doc, keys: TokenKeys, sentence sentenceIndex: Int, date: DayDate?
  ) -> [ActorMention] {
    var result: [ActorMention] = []
    let sentence = doc.sentences[sentenceIndex]
    var i = Int(sentence.tokenStart)
    let end = Int(sentence.tokenEnd)
    while i < end {
      // Phrases start with a capital, or with "the" (`the Kremlin`, `the West`).
      let isThe = keys[i] == TokenKeys.the
      // ...or with a lower-case particle before a capital (`al Qaeda`, `bin Salman`).
      let isParticle =
        i + 1 < end && keys.capitalised[i + 1] && TokenKeys.particles.contains(keys[i])
      guard keys.capitalised[i] || isThe || isParticle else {
        if let mention = agentAlone(at: i, keys: keys, sentence: sentenceIndex, end: end) {
          result.append(mention)
          i = mention.tokens.upperBound
        } else {
          i += 1
        }
        continue
      }
      var best = longestPhrase(in: nodes, keys: keys, from: i, end: end)
      // A phrase with "the" names something only when a capital follows (`the Kremlin`, `The
      // Valley` of Anguilla), not `the valley of recession`.
      if isThe, i + 1 < end, !keys.capitalised[i + 1] { best = nil }
      // `the West Bank`: a phrase after "the" that reaches further wins over one with it.
      if isThe, i + 1 < end,
        let without = longestPhrase(in: nodes, keys: keys, from: i + 1, end: end),
        without.end > best?.end ?? i
      {
        best = without
        i += 1
      }
      // Beside the knowledge base, a phrase only a dictionary knows that runs on into
      // another capitalised word is part of a longer name (`Ararat Mirzoyan` is no mountain).
      // (With dictionaries alone, PETRARCH's way, the dictionary phrase stands.)
      if hasKnowledgeBase, let (matchEnd, phrase) = best, matchEnd < end,
        keys.capitalised[matchEnd],
        knowledgeBase.resolve(phrase, on: date) == nil,
        longestPhrase(in: nodes, keys: keys, from: matchEnd, end: end) == nil,
        longestPhrase(in: agentNodes, keys: keys, from: matchEnd, end: end) == nil
      {
        best = nil
      }
      // `North and South Korea`: the first word with the rest of the name after `and`.
      if best == nil, let elided = elidedPhrase(at: i, keys: keys, end: end) {
        best = elided
      }
      if let (matchEnd, phrase) = best,
        var mention = resolve(phrase, tokens: i..<matchEnd, sentence: sentenceIndex, date: date)
      {
        extendWithAgent(&mention, keys: keys, end: end)
        result.append(mention)
        i = mention.tokens.upperBound
      } else if let mention = agentAlone(at: i, keys: keys, sentence: sentenceIndex, end: end) {
        result.append(mention)
        i = mention.tokens.upperBound
      } else {
        i += 1
      }
    }
    return result
  }

  /// With a PETRARCH agent dictionary, an agent phrase outside any actor phrase is a mention
  /// of its own (`officials said` -> `---GOV`), as PETRARCH codes it; the event coder gives
  /// it the country of an actor it governs (`lawmakers in Gondor` -> `GONLEG`).
  private func agentAlone(at i: Int, keys: TokenKeys, sentence: Int, end: Int) -> ActorMention? {
    guard let agentDictionary,
      let (agentEnd, phrase) = longestPhrase(in: agentNodes, keys: keys, from: i, end: end),
      // The knowledge base's sector first (`spokesman` speaks for a government, not the
      // media as Phoenix has it).
      let agent = knowledgeBase.agents[phrase].map({ AgentCode(code: $0) })
        ?? agentDictionary.entries[phrase],
      // Beside the knowledge base, before a name it is a title (`Foreign Minister Ararat
      // Mirzoyan`): the name scanner makes one mention of both.
      !hasKnowledgeBase || agentEnd >= end || !keys.capitalised[agentEnd]
    else { return nil }
    return ActorMention(
      tokens: i..<agentEnd, sentence: sentence, code: agent.applied(to: nil), country: nil,
      kind: "agent", type: .group, canonical: phrase.capitalized)
  }

  /// The phrase named by word `i` when a coordinated name after it shares its last words
  /// (`North` in `North and South Korea`, `East` in `East and West Germany`), with the index
  /// past word `i`: its first word replaced by word `i`, the name is known.
  private func elidedPhrase(at i: Int, keys: TokenKeys, end: Int) -> (end: Int, phrase: String)? {
    guard i + 3 < end, keys[i + 1] == TokenKeys.and,
      let (matchEnd, _) = longestPhrase(in: nodes, keys: keys, from: i + 2, end: end),
      matchEnd - (i + 2) >= 2
    else { return nil }
    var node = 0
    for key in [keys[i]] + (i + 3..<matchEnd).map({ keys[$0] }) {
      guard let next = nodes[node].children[key] else { return nil }
      node = Int(next)
    }
    return nodes[node].phrase.map { (i + 1, $0) }
  }

  /// The longest phrase of a trie that starts at token `start`, with the index past it.
  private func longestPhrase(in nodes: [Node], keys: TokenKeys, from start: Int, end: Int) -> (
    end: Int, phrase: String
  )? {
    var node = 0
    var best: (end: Int, phrase: String)?
    var j = start
    while j < end, let next = nodes[node].children[keys[j]] {
      node = Int(next)
      j += 1
      if let phrase = nodes[node].phrase { best = (j, phrase) }
    }
    return best
  }

  /// Extends a country mention with an agent that follows it: `Russian forces` -> `RUSMIL`,
  /// `Russia’s military` -> `RUSMIL`, `South Korean officials` -> `KORGOV`.
  private func extendWithAgent(_ mention: inout ActorMention, keys: TokenKeys, end: Int) {
    guard ["country", "adjective", "former-state", "dictionary"].contains(mention.kind) else {
      return
    }
    var j = mention.tokens.upperBound
    if j < end, keys[j] == TokenKeys.possessive { j += 1 }
    guard let (agentEnd, phrase) = longestPhrase(in: agentNodes, keys: keys, from: j, end: end),
      let agent = knowledgeBase.agents[phrase].map({ AgentCode(code: $0) })
        ?? agentDictionary?.entries[phrase]
    else { return }
    // A capitalised word after the agent is a name with its title (`North Korean leader Kim
    // Jong Un`): the name is the mention, not the sector.
    var last = agentEnd
    if agentEnd < end && keys.capitalised[agentEnd] {
      // With PETRARCH dictionaries, a name the dictionary gives the same actor is the
      // person with that title (`Bree Prime Minister Romendacil` -> `BREGOV`).
      guard agentDictionary != nil,
        let (nameEnd, name) = longestPhrase(in: nodes, keys: keys, from: agentEnd, end: end),
        let code = dictionary?.code(for: name, on: nil), code.prefix(3) == mention.code.prefix(3)
      else { return }
      last = nameEnd
    }
    mention.code = agent.applied(to: mention.code)
    mention.tokens = mention.tokens.lowerBound..<last
    mention.kind = "agent"
    mention.type = .group
  }

  private func resolve(_ phrase: String, tokens: Range<Int>, sentence: Int, date: DayDate?)
    -> ActorMention?
  {
    if let resolution = knowledgeBase.resolve(phrase, on: date) {
      var mention = ActorMention(
        tokens: tokens, sentence: sentence, code: resolution.code,
        country: resolution.country.isEmpty ? nil : resolution.country,
        kind: resolution.kind.rawValue, type: ActorMention.type(ofKind: resolution.kind.rawValue),
        canonical: resolution.canonical)
      if resolution.kind == .capital || resolution.kind == .seatOfPower {
        mention.resolvedFrom = .metonym
      }
      return mention
    }
    if let code = dictionary?.code(for: phrase, on: date) {
      let country = code.count >= 3 ? knowledgeBase.countries[String(code.prefix(3))]?.code : nil
      return ActorMention(
        tokens: tokens, sentence: sentence, code: code, country: country, kind: "dictionary",
        type: .actor, canonical: phrase.capitalized)
    }
    return nil
  }
}

/// The key of every token of a document and whether it starts with a capital, computed in
/// one pass over the text so that matching builds no strings.
///
/// A token of ASCII bytes is keyed with its letters upper-cased; any other token by its
/// upper-cased text with a curly apostrophe made straight, as dictionary words are.
struct TokenKeys {
  /// The key of each token.
  let keys: [WordKey]
  /// Whether each token starts with a capital letter.
  let capitalised: [Bool]

  static let the: WordKey = "THE"
  static let possessive: WordKey = "'S"
  static let and: WordKey = "AND"
  static let particles: Set<WordKey> = ["AL", "EL", "BIN", "DE", "VAN", "VON", "DA", "DI"]

  init(doc: Doc) {
    var keys: [WordKey] = []
    var capitalised: [Bool] = []
    keys.reserveCapacity(doc.tokens.count)
    capitalised.reserveCapacity(doc.tokens.count)
    doc.withUTF8 { bytes in
      for token in doc.tokens {
        let range = Int(token.start)..<Int(token.end)
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        if slice.allSatisfy({ $0 < 0x80 }) {
          keys.append(WordKey(bytes: bytes, range: range))
          capitalised.append(slice[0] &- 0x41 < 26)
        } else {
          let text = String(decoding: slice, as: UTF8.self)
          keys.append(WordKey(text.uppercased().replacingOccurrences(of: "’", with: "'")))
          capitalised.append(text.first?.isUppercase == true)
        }
      }
    }
    self.keys = keys
    self.capitalised = capitalised
  }

  subscript(i: Int) -> WordKey { keys[i] }
}

/// The pipeline component that marks the tokens of names the matcher knows
/// (``Doc/nameHints``) before tagging, so that the tagger reads a dictionary's unknown
/// names (`Arnor`, `Pyongyang`) as nouns or adjectives.
public struct NameHints: DocComponent {
  /// The matcher whose dictionaries give the names.
  public let matcher: ActorMatcher

  /// Creates the component.
  public init(matcher: ActorMatcher) { self.matcher = matcher }

  public var name: String { "name-hints" }
  public var requires: [DocAttribute] { [.tokens, .sentences] }
  public var provides: [DocAttribute] { [] }

  /// Marks the capitalised tokens of every known actor phrase.
  public func process(_ doc: inout Doc) {
    let keys = TokenKeys(doc: doc)
    var hints = [Bool](repeating: false, count: doc.tokens.count)
    var any = false
    for sentence in doc.sentences.indices {
      for mention in matcher.knownMentions(in: doc, keys: keys, sentence: sentence, date: nil)
      where mention.kind != "agent" || !mention.code.hasPrefix("---") {
        for token in mention.tokens where keys.capitalised[token] {
          hints[token] = true
          any = true
        }
      }
    }
    if any { doc.nameHints = hints }
  }
}
