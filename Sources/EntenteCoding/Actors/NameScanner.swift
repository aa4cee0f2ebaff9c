import EntenteNLP

/// Finds and types proper names in one tagged document, with their titles, affiliations and
/// coreference.
struct NameScanner {
  let doc: Doc
  let matcher: ActorMatcher
  /// Whether each tag of the tag set is a proper noun (`NNP`, `NNPS`).
  private let properTags: [Bool]

  /// The key of each token, and whether it is capitalised.
  private let keys: TokenKeys

  init(doc: Doc, keys: TokenKeys, tagSet: TagSet, matcher: ActorMatcher) {
    self.doc = doc
    self.keys = keys
    self.matcher = matcher
    properTags = tagSet.pennTags.map { $0 == .nnp || $0 == .nnps }
  }

  /// Kinds of mentions that can stand before a title as the person's country or
  /// organisation (`North Korean leader`, `Moscow Mayor`, `NATO chief`).
  private static let prefixKinds: Set<String> = [
    "country", "adjective", "capital", "former-state", "organisation", "seat", "dictionary",
    "agent",
  ]

  /// Kinds of mentions that name a place, which a person's surname may also be.
  private static let placeKinds: Set<String> = ["country", "capital", "city", "place"]

  /// Proper nouns that say which part or kind of a place follows, not whose name it is.
  private static let placeModifiers: Set<WordKey> = Set(
    [
      "NORTH", "SOUTH", "EAST", "WEST", "NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "CENTRAL",
      "GREATER", "UPPER", "LOWER", "NEW", "OLD", "DOWNTOWN", "MAINLAND", "METRO", "OCCUPIED",
      "FREE", "NAZI", "COMMUNIST", "IMPERIAL", "SOVIET", "SOCIALIST", "ISLAMIC", "DEMOCRATIC",
      "FEDERAL", "REPUBLICAN", "GREAT", "LITTLE", "ST", "ST.", "SAINT", "PORT", "FORT", "LAKE",
      "MOUNT", "CAPE", "VISIT", "INSIDE", "ACROSS", "ALL", "GREEN", "POST", "PRE",
    ].map(WordKey.init))

  /// Kinds of mentions that can start a longer organisation name and give its country.
  private static let countryKinds: Set<String> = ["country", "adjective", "capital", "nationality"]

  /// The key of token `i`, for word lists.
  private func word(_ i: Int) -> WordKey { keys[i] }

  private func isCapitalised(_ i: Int) -> Bool { keys.capitalised[i] }

  /// The upper-cased text of token `i`.
  private func text(_ i: Int) -> String { doc.string(bytes: byteRange(i)).uppercased() }

  private func byteRange(_ i: Int) -> Range<Int> {
    Int(doc.tokens[i].start)..<Int(doc.tokens[i].end)
  }

  /// The sentence's token range.
  private func tokens(of sentence: Int) -> Range<Int> {
    Int(doc.sentences[sentence].tokenStart)..<Int(doc.sentences[sentence].tokenEnd)
  }

  /// Whether token `i` is tagged as a proper noun and is not a month or day.
  private func isProper(_ i: Int) -> Bool {
    let tag = Int(doc.tokens[i].tag)
    guard tag < properTags.count, properTags[tag] else { return false }
    return !NameContext.calendarWords.contains(word(i))
  }

  /// Whether token `i` can be part of a name: a proper noun, or a capitalised word inside
  /// a sentence that the tagger took for something else (`Heavy` in `Samsung Heavy
  /// Industries`).
  private func isNameWord(_ i: Int) -> Bool {
    if isShouted(i) { return false }
    if isProper(i) { return true }
    let token = doc.tokens[i]
    guard token.kind == .word, !token.flags.contains(.sentenceStart),
      isCapitalised(i)
    else { return false }
    let key = word(i)
    return key != "I" && !NameContext.calendarWords.contains(key)
  }

  /// Whether token `i` is a word of two letters or more, all capitals.
  private func isAllCaps(_ i: Int) -> Bool {
    let range = byteRange(i)
    guard range.count >= 2 else { return false }
    return doc.withUTF8 { bytes in bytes[range].allSatisfy { $0 &- 0x41 < 26 } }
  }

  /// Whether token `i` is a word of six letters or more in capitals: a heading
  /// (`ADDRESS BEFORE A JOINT SESSION`), not a name; shorter ones are acronyms (`IAEA`).
  private func isShouted(_ i: Int) -> Bool {
    let range = byteRange(i)
    guard range.count >= 6 else { return false }
    return doc.withUTF8 { bytes in
      bytes[range].allSatisfy { $0 &- 0x41 < 26 || $0 == 0x2D || $0 == 0x2E }
    }
  }

  private func isPossessive(_ i: Int) -> Bool {
    let text = doc.string(bytes: byteRange(i))
    return text == "’s" || text == "'s" || text == "’" || text == "'"
  }

  // MARK: Proper names

  /// Adds the proper names of `sentence` that the dictionaries lack and whose context types
  /// them.
  func addNames(to found: inout [ActorMention], sentence: Int, memory: PersonMemory) {
    let range = tokens(of: sentence)
    // A heading in capitals (`ON THE STATE OF THE UNION`) has no names to find.
    if range.filter({ isAllCaps($0) }).count >= 4 { return }
    var i = range.lowerBound
    while i < range.upperBound {
      guard isNameWord(i) else {
        i += 1
        continue
      }
      // A head noun inside a known phrase (`Soviet Union`) does not make an organisation.
      func isHead(_ k: Int) -> Bool {
        NameContext.organisationHeads[word(k)] != nil && !found.contains { $0.tokens.contains(k) }
      }
      var end = i + 1
      var hasHead = isHead(i)
      while end < range.upperBound {
        if isNameWord(end) {
          hasHead = hasHead || isHead(end)
          end += 1
          continue
        }
        // Organisation names run on over `of`, `for the`, `on`, `and`.
        // ...but not over `and` after a complete name (`the Communist Party and Xinhua`).
        if hasHead {
          var k = end
          while k < range.upperBound, k - end < 2, NameContext.connectors.contains(word(k)) {
            k += 1
          }
          // ...but not over `and` to a name with a head of its own (`the Academy of Sciences
          // and Samsung Heavy Industries`).
          var next = k
          while next < range.upperBound, isNameWord(next) { next += 1 }
          let joinsAnother =
            (word(end) == "AND" || word(end) == "&")
            && (isHead(end - 1) || (k..<next).contains(where: isHead)
              || found.contains { $0.tokens.lowerBound == k })
          if k > end, k < range.upperBound, isNameWord(k), !joinsAnother {
            end = k
            continue
          }
        }
        break
      }
      classify(i..<end, in: &found, sentence: sentence, range: range, memory: memory)
      i = end
    }
  }

  /// Types one run of proper nouns, adding a mention when its context says what it is.
  private func classify(
    _ run: Range<Int>, in found: inout [ActorMention], sentence: Int, range: Range<Int>,
    memory: PersonMemory
  ) {
    // Inside a known phrase: nothing to do, unless a lone place is the surname of a person
    // named before (`Valeska Paris ... Paris claims`).
    if let covering = found.firstIndex(where: {
      $0.tokens.contains(run.lowerBound) && $0.tokens.upperBound >= run.upperBound
    }) {
      if run.count == 1, found[covering].tokens == run,
        Self.placeKinds.contains(found[covering].kind),
        let person = earlierPerson(named: run, in: found, memory: memory),
        person.kind == "name", person.code.isEmpty
      {
        var mention = person
        mention.tokens = run
        mention.sentence = sentence
        mention.resolvedFrom = .coreference
        mention.role = nil
        mention.affiliation = nil
        found[covering] = mention
      }
      return
    }
    let inner = found.indices.filter { found[$0].tokens.overlaps(run) }
    // A known phrase that runs out of the name: leave both alone.
    if inner.contains(where: {
      found[$0].tokens.lowerBound < run.lowerBound || found[$0].tokens.upperBound > run.upperBound
    }) {
      return
    }
    let text = Span(doc: doc, tokens: run).text
    // An organisation: two words or more, the head noun last or before `of`, `for`, `on`
    // (`Carnegie Russia Eurasia Center`, `Council on Foreign Relations`), not a lone
    // `Government` or `Union` nor `the Union Address`.
    if run.count >= 2,
      let head = run.first(where: { k in
        NameContext.organisationHeads[word(k)] != nil
          && !inner.contains { found[$0].tokens.contains(k) }
          && (k + 1 == run.upperBound || NameContext.connectors.contains(word(k + 1)))
      })
    {
      let sector = NameContext.organisationHeads[word(head)] ?? nil
      let country = inner.first.flatMap { index -> String? in
        let prefix = found[index]
        return prefix.tokens.lowerBound == run.lowerBound
          && Self.countryKinds.contains(prefix.kind) ? prefix.country : nil
      }
      var mention = ActorMention(
        tokens: run, sentence: sentence,
        code: sector.map { (country ?? "---") + $0 } ?? country ?? "", country: country,
        kind: "name", type: .organisation, canonical: text)
      mention.resolvedFrom = .context
      found.removeAll { $0.tokens.overlaps(run) }
      insert(mention, into: &found)
      return
    }
    // A country or capital, then titles, before the name (`Moscow Mayor Sergei Sobyanin`).
    var start = run.lowerBound
    if let first = inner.first, found[first].tokens.lowerBound == start,
      Self.prefixKinds.contains(found[first].kind), found[first].tokens.upperBound < run.upperBound
    {
      start = found[first].tokens.upperBound
    }
    let afterPrefix = start
    var strongTitle = false
    while start < run.upperBound, NameContext.titles[word(start)] != nil {
      strongTitle = strongTitle || !NameContext.titleModifiers.contains(word(start))
      start += 1
    }
    let name = start..<run.upperBound
    guard !name.isEmpty else { return }
    // A given name before a leader's surname is someone else (`Laura Bush`, `Hillary
    // Clinton`): a person the knowledge base does not know. A proper noun before a lone place
    // is a person's given name too (`Marta Jordan`, `Valeska Paris`), unless it says which part
    // or kind of the place it is (`Northern Syria`) or an acronym after it names an
    // organisation (`Jamiat-i-Islami Afghanistan (JIA)`).
    if let last = inner.last, found[last].tokens.count == 1,
      found[last].tokens.upperBound == name.upperBound,
      found[last].tokens.lowerBound > name.lowerBound,
      (found[last].kind == "leader"
        && !inner.dropLast().contains(where: { found[$0].tokens.overlaps(name) }))
        || (inner.count == 1 && Self.placeKinds.contains(found[last].kind)
          && (2...3).contains(name.count)
          && name.dropLast().allSatisfy({ isProper($0) && !Self.placeModifiers.contains(word($0)) })
          && !(name.upperBound < range.upperBound && word(name.upperBound) == WordKey("(")))
    {
      found.remove(at: last)
      var mention = ActorMention(
        tokens: name, sentence: sentence, code: "", country: nil, kind: "name", type: .person,
        canonical: Span(doc: doc, tokens: name).text)
      mention.resolvedFrom = .context
      insert(mention, into: &found)
      return
    }
    guard !inner.contains(where: { found[$0].tokens.overlaps(name) }) else { return }
    let nameText = Span(doc: doc, tokens: name).text
    // A surname of a person named earlier.
    if let antecedent = earlierPerson(named: name, in: found, memory: memory) {
      var mention = antecedent
      mention.tokens = name
      mention.sentence = sentence
      mention.kind = "name"
      mention.resolvedFrom = .coreference
      mention.role = nil
      mention.affiliation = nil
      insert(mention, into: &found)
      return
    }
    // Names with an organisation's head noun are not persons or places (`Federal Government`).
    if name.contains(where: { NameContext.organisationHeads[word($0)] != nil }) { return }
    let titled = strongTitle || hasStrongTitle(before: run.lowerBound, range: range)
    let after = name.upperBound
    let before = run.lowerBound - 1
    // After a determiner a name is a thing (`his State of the Union Address`), unless a title
    // says otherwise (`the Russian Foreign Minister Sergei Lavrov`).
    let determined =
      before >= range.lowerBound && NameContext.determiners.contains(word(before))
    let affiliated = affiliation(after: after, range: range, requireTitle: true) != nil
    let isPerson =
      titled
      || (!determined && afterPrefix == run.lowerBound
        && ((affiliated && name.count >= 2)
          || ((2...4).contains(name.count) && matcher.givenNames.contains(word(name.lowerBound))
            && name.allSatisfy(isProper))
          || (after < range.upperBound && NameContext.speechVerbs.contains(word(after))
            && name.count >= 2)
          || (after + 1 < range.upperBound && word(after) == ","
            && NameContext.speechVerbs.contains(word(after + 1)) && name.count >= 2)
          || (before >= range.lowerBound && NameContext.speechVerbs.contains(word(before))
            && name.count >= 2)))
    if isPerson {
      var mention = ActorMention(
        tokens: name, sentence: sentence, code: "", country: nil, kind: "name", type: .person,
        canonical: nameText)
      mention.resolvedFrom = .context
      insert(mention, into: &found)
    } else if before >= range.lowerBound, start == run.lowerBound, name.count <= 3,
      NameContext.placePrepositions.contains(word(before)), name.allSatisfy(isProper)
    {
      var mention = ActorMention(
        tokens: name, sentence: sentence, code: "", country: nil, kind: "name", type: .location,
        canonical: nameText)
      mention.resolvedFrom = .context
      insert(mention, into: &found)
    }
  }

  /// Whether title words come right before token `i` and one of them is more than a
  /// modifier (`leader Kim`, `Mr. Terry`, `Secretary of State Antony`).
  private func hasStrongTitle(before i: Int, range: Range<Int>) -> Bool {
    var k = i
    while k > range.lowerBound {
      let w = word(k - 1)
      if NameContext.titles[w] != nil {
        if !NameContext.titleModifiers.contains(w) { return true }
      } else if !(w == "OF" && k - 2 >= range.lowerBound && NameContext.titles[word(k - 2)] != nil)
      {
        return false
      }
      k -= 1
    }
    return false
  }

  /// A person named earlier whose name or surname is `name`.
  private func earlierPerson(
    named name: Range<Int>, in found: [ActorMention], memory: PersonMemory
  ) -> ActorMention? {
    // Keys of upper-cased text, as ``TokenKeys`` makes them.
    let key =
      name.count == 1
      ? keys[name.lowerBound] : WordKey(Span(doc: doc, tokens: name).text.uppercased())
    func matches(_ mention: ActorMention) -> Bool {
      guard mention.type == .person, mention.kind == "name" || mention.kind == "leader" else {
        return false
      }
      let canonical = mention.canonical.uppercased()
      return WordKey(canonical) == key
        || (name.count == 1 && canonical.split(separator: " ").last.map(WordKey.init) == key)
    }
    return found.last(where: matches) ?? memory.byName[key]
  }

  /// Inserts `mention` in text order.
  private func insert(_ mention: ActorMention, into found: inout [ActorMention]) {
    let index =
      found.firstIndex { $0.tokens.lowerBound >= mention.tokens.upperBound } ?? found.endIndex
    found.insert(mention, at: index)
  }

  // MARK: Titles

  /// Extends each person mention over the titles before it and the country or organisation
  /// before those (`North Korean leader Kim Jong Un`, `President Vladimir Putin`).
  func attachTitles(to found: inout [ActorMention], sentence: Int) {
    let range = tokens(of: sentence)
    var removed = Set<Int>()
    for index in found.indices where found[index].type == .person {
      var k = found[index].tokens.lowerBound
      var words: [String] = []
      while k > range.lowerBound, !found.contains(where: { $0.tokens.contains(k - 1) }) {
        let w = word(k - 1)
        if NameContext.titles[w] != nil {
          words.insert(text(k - 1), at: 0)
          k -= 1
        } else if w == "OF", !words.isEmpty, k - 2 >= range.lowerBound,
          NameContext.titles[word(k - 2)] != nil
        {
          words.insert("OF", at: 0)
          k -= 1
        } else {
          break
        }
      }
      guard !words.isEmpty else { continue }
      var mention = found[index]
      mention.role = Span(doc: doc, tokens: k..<mention.tokens.lowerBound).text
      var prefixEnd = k
      if prefixEnd > range.lowerBound, isPossessive(prefixEnd - 1) { prefixEnd -= 1 }
      let prefix = found.indices.first {
        !removed.contains($0) && found[$0].tokens.upperBound == prefixEnd
          && Self.prefixKinds.contains(found[$0].kind)
      }
      let agent = agentCode(of: words)
      if let prefix {
        removed.insert(prefix)
        k = found[prefix].tokens.lowerBound
        if mention.kind == "name" {
          let owner = found[prefix]
          let isCountry = Self.countryKinds.contains(owner.kind) || owner.kind == "former-state"
          mention.code = isCountry ? (owner.country ?? owner.code) + (agent ?? "") : owner.code
          mention.country = owner.country
        }
      } else if mention.kind == "name", mention.code.isEmpty, let agent {
        mention.code = "---" + agent
      }
      mention.tokens = k..<mention.tokens.upperBound
      found[index] = mention
    }
    if !removed.isEmpty {
      found = found.indices.filter { !removed.contains($0) }.map { found[$0] }
    }
  }

  /// The sector of a title: the longest agent phrase in it (`FOREIGN MINISTER` -> `GOV`),
  /// else the sector of its last word that has one.
  private func agentCode(of words: [String]) -> String? {
    for length in stride(from: words.count, through: 1, by: -1) {
      for start in 0...(words.count - length) {
        let phrase = words[start..<(start + length)].joined(separator: " ")
        if let agent = matcher.knowledgeBase.agents[phrase] { return agent }
      }
    }
    return words.reversed().lazy.compactMap { NameContext.titles[WordKey($0)] ?? nil }.first
  }

  // MARK: Coreference

  /// Adds `he`, `she` and `him` and roles after `the` (`the president`) that refer to a person
  /// named earlier.
  func addCoreference(to found: inout [ActorMention], sentence: Int, memory: PersonMemory) {
    let range = tokens(of: sentence)
    var i = range.lowerBound
    while i < range.upperBound {
      let length = doc.tokens[i].end - doc.tokens[i].start
      let free = found.allSatisfy { !$0.tokens.contains(i) }
      // A surname the tagger did not take for a proper noun (`Sestanovich said`).
      if free, isCapitalised(i),
        let antecedent = earlierPerson(named: i..<(i + 1), in: found, memory: memory)
      {
        var mention = copy(antecedent, tokens: i..<(i + 1), sentence: sentence, kind: "name")
        mention.resolvedFrom = .coreference
        insert(mention, into: &found)
      } else if length <= 3, free, NameContext.personPronouns.contains(word(i)),
        let antecedent = antecedent(before: i, sentence: sentence, in: found, memory: memory)
      {
        insert(
          copy(antecedent, tokens: i..<(i + 1), sentence: sentence, kind: "pronoun"), into: &found)
      } else if length == 3, keys[i] == TokenKeys.the, i + 1 < range.upperBound,
        found.allSatisfy({ !$0.tokens.contains(i + 1) })
      {
        var end = i + 1
        while end < range.upperBound, NameContext.titles[word(end)] != nil { end += 1 }
        let followedByName = end < range.upperBound && isCapitalised(end)
        if end > i + 1, !followedByName, NameContext.roleNouns.contains(word(end - 1)) {
          let role = word(end - 1)
          let match: (ActorMention) -> Bool = {
            $0.type == .person && $0.kind != "pronoun"
              && ($0.role?.split(separator: " ").contains { WordKey($0) == role } ?? false)
          }
          if let antecedent = found.last(where: {
            $0.tokens.upperBound <= i && match($0)
          }) ?? memory.byRole[role] {
            insert(
              copy(antecedent, tokens: (i + 1)..<end, sentence: sentence, kind: "role"),
              into: &found)
          }
          i = end
          continue
        }
      }
      i += 1
    }
  }

  /// The person a pronoun at token `i` most likely refers to: the last one named in this
  /// sentence before it, or in the two sentences before.
  private func antecedent(
    before i: Int, sentence: Int, in found: [ActorMention], memory: PersonMemory
  ) -> ActorMention? {
    // Within the sentence, the last person before the pronoun; at its start, the first
    // person of the last sentence that names one, which is most often its subject.
    if let mention = found.last(where: { $0.tokens.upperBound <= i && $0.type == .person }) {
      return mention
    }
    guard let subject = memory.lastSubject, subject.sentence >= sentence - 2 else { return nil }
    return subject
  }

  private func copy(_ antecedent: ActorMention, tokens: Range<Int>, sentence: Int, kind: String)
    -> ActorMention
  {
    var mention = ActorMention(
      tokens: tokens, sentence: sentence, code: antecedent.code, country: antecedent.country,
      kind: kind, type: .person, canonical: antecedent.canonical)
    mention.resolvedFrom = .coreference
    return mention
  }

  // MARK: Affiliations

  /// The first token of the organisation named after a person ending at token `end`: `of
  /// the Council on Foreign Relations`, `, a senior fellow at the Carnegie Endowment`.
  ///
  /// With `requireTitle`, an apposition must name a role (`, a professor at`, `, the sister
  /// of`), so that a list (`members of Congress, members of the Supreme Court`) is not one.
  private func affiliation(after end: Int, range: Range<Int>, requireTitle: Bool = false) -> Int? {
    guard end < range.upperBound else { return nil }
    var j = end
    if word(j) == "," {
      // An apposition: up to eight words, then a preposition.
      var k = j + 1
      var titled = false
      while k < range.upperBound, k - j <= 8, !NameContext.affiliationPrepositions.contains(word(k))
      {
        let w = word(k)
        if w == "," || w == "." || w == ";" { return nil }
        titled = titled || (NameContext.titles[w] != nil && !NameContext.titleModifiers.contains(w))
        k += 1
      }
      if requireTitle && !titled { return nil }
      j = k
    }
    guard j < range.upperBound, NameContext.affiliationPrepositions.contains(word(j)) else {
      return nil
    }
    j += 1
    if j < range.upperBound, word(j) == "THE" { j += 1 }
    guard j < range.upperBound, isCapitalised(j) else { return nil }
    return j
  }

  /// Links each person to the organisation named after them, and gives a person without a
  /// code the organisation's.
  func linkAffiliations(in found: inout [ActorMention], offset: Int) {
    guard let sentence = found.first?.sentence else { return }
    let range = tokens(of: sentence)
    for index in found.indices where found[index].type == .person && found[index].kind != "pronoun"
    {
      guard let start = affiliation(after: found[index].tokens.upperBound, range: range),
        let organisation = found.firstIndex(where: {
          $0.tokens.lowerBound == start && ($0.type == .organisation || $0.kind == "agent")
        })
      else { continue }
      found[index].affiliation = offset + organisation
      // The organisation's code is better than none, or than a sector without a country.
      if found[index].code.isEmpty
        || (found[index].code.hasPrefix("---") && found[organisation].country != nil)
      {
        found[index].code = found[organisation].code
        found[index].country = found[organisation].country
      }
    }
  }
}
