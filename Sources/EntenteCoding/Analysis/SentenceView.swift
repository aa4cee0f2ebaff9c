import EntenteNLP

/// One sentence of a ``ParsedDocument``, as the finders query it: lemmas, tags, relations,
/// children, and the actor mention at each token.
struct SentenceView {
  /// The document, shared by every view of it.
  let document: ParsedDocument
  /// The current sentence.
  private(set) var sentence = 0
  /// Its tokens.
  private(set) var range = 0..<0

  init(_ document: ParsedDocument) {
    self.document = document
  }

  /// Moves to sentence `index`.
  mutating func load(sentence index: Int) {
    sentence = index
    range = Int(doc.sentences[index].tokenStart)..<Int(doc.sentences[index].tokenEnd)
  }

  var doc: Doc { document.doc }

  var mentions: [ActorMention] { document.mentions }

  private var mentionAt: [Int] { document.mentionAt }

  // MARK: Token facts

  func lemma(_ i: Int) -> String { document.lemmas[i] }

  func text(_ i: Int) -> String {
    doc.string(bytes: Int(doc.tokens[i].start)..<Int(doc.tokens[i].end))
  }

  func xpos(_ i: Int) -> PennTag { document.tags[i] }

  func deprel(_ i: Int) -> DependencyRelation { document.relations[i] }

  /// Whether token `i` governs token `j`: `j` is below `i` in the parse, within six steps.
  func governs(_ i: Int, _ j: Int) -> Bool {
    var current = j
    for _ in 0..<6 {
      guard let next = head(current), range.contains(next) else { return false }
      if next == i { return true }
      current = next
    }
    return false
  }

  /// Whether token `i` is a personal pronoun for people or in the mention of a person (`she`,
  /// `Valeska Paris`).
  func isPerson(_ i: Int) -> Bool {
    ["he", "she", "him", "her", "they", "them", "i", "me", "we", "us"].contains(
      text(i).lowercased()) && isPronoun(i)
      || (mentionAt[i] >= 0 && mentions[mentionAt[i]].type == .person)
  }

  /// Whether `actor` is a person the document names (`Juan Perez`, or `him` standing for
  /// him), known to no dictionary.
  func namesPerson(_ actor: EventActor) -> Bool {
    document.namesPerson[actor.tokens.lowerBound]
  }

  /// Whether token `i` is in the mention of a place or country (`@place` in the lexicon).
  func isPlace(_ i: Int) -> Bool {
    mentionAt[i] >= 0 && [.location, .country].contains(mentions[mentionAt[i]].type)
  }

  /// Whether the tokens `a` are in apposition to the tokens `b` (`John Kerry, the Secretary
  /// of State`): two names for one actor.
  func isApposition(_ a: Range<Int>, to b: Range<Int>) -> Bool {
    a.contains { token in
      deprel(token) == .appos && head(token).map { b.contains($0) } == true
    }
  }

  func head(_ i: Int) -> Int? {
    let head = Int(doc.tokens[i].head)
    return head >= 0 ? head : nil
  }

  func children(of i: Int) -> ArraySlice<Int> {
    range.contains(i) ? document.children(of: i) : []
  }

  func children(of i: Int, _ relation: DependencyRelation) -> [Int] {
    children(of: i).filter { deprel($0) == relation }
  }

  func isVerb(_ i: Int) -> Bool { xpos(i).isVerb }

  func isPronoun(_ i: Int) -> Bool { xpos(i) == .prp || xpos(i) == .wp }

  /// Whether verb `i` names its object something (`called the envoy a liar`): a noun or
  /// adjective complement after the object, not a call made to someone.
  func isNaming(_ i: Int) -> Bool {
    guard ["call", "name", "label", "brand", "dub", "term"].contains(lemma(i)) else {
      return false
    }
    let objects = children(of: i, .obj)
    let complements = children(of: i, .xcomp)
    if !objects.isEmpty && complements.contains(where: { isNoun($0) || xpos($0) == .jj }) {
      return true
    }
    // `a group called the Sea Org`, read as a participle with the name as its object, or as
    // a verb with the name as its complement and no object, which no call to someone is.
    let names =
      (deprel(i) == .acl && children(of: i, .nsubj).isEmpty ? objects : [])
      + (objects.isEmpty ? complements : [])
    return names.contains { [.nnp, .nnps].contains(xpos($0)) }
  }

  /// Whether token `i` is an adjective said of a subject (`the agency is skeptical`), which
  /// the lexicon's verb rules may code as a comment (012, 013).
  func isPredicateAdjective(_ i: Int) -> Bool {
    xpos(i) == .jj && !children(of: i, .cop).isEmpty && !children(of: i, .nsubj).isEmpty
  }

  func isPunctuation(_ i: Int) -> Bool { doc.tokens[i].kind == .punctuation }

  func isNoun(_ i: Int) -> Bool { xpos(i).isCommonNoun }

  /// The preposition or subordinator marking token `i` (`to` in `to North Korea`).
  func marker(of i: Int) -> String? {
    children(of: i).first { deprel($0) == .case || deprel($0) == .mark }.map(lemma)
  }

  /// Whether token `i` is negated: by a word of its own or by a subject that is no one.
  func isNegated(_ i: Int) -> Bool {
    isNegatedByWord(i) || hasNegativeSubject(i)
  }

  /// Whether token `i` has `not`, `n't`, `never`, `no` or `no longer` of its own.
  func isNegatedByWord(_ i: Int) -> Bool {
    children(of: i).contains {
      let word = lemma($0)
      if text($0).lowercased() == "longer" && deprel($0) == .advmod {
        return children(of: $0).contains { lemma($0) == "no" }
      }
      return (word == "not" || word == "n't" || word == "never" || word == "no")
        && [.advmod, .det].contains(deprel($0))
    }
  }

  /// Whether the subject of token `i` is no one (`no one will be refused`, `nobody was hurt`,
  /// `no country sent troops`).
  func hasNegativeSubject(_ i: Int) -> Bool {
    children(of: i).contains { subject in
      [.nsubj, .nsubjPass].contains(deprel(subject))
        && (["nobody", "none", "nothing", "noone"].contains(lemma(subject))
          || children(of: subject).contains { lemma($0) == "no" && deprel($0) == .det })
    }
  }

  // MARK: Conditions

  /// The lemmas of what token `i` acts on: a verb's objects (and their conjuncts) and
  /// open complements (`declined to comment`), a noun's `of` complements and compounds.
  func objectLemmas(of i: Int) -> [String] {
    let objects = objectTokens(of: i)
    // `attack on X`-style objects: a compound inside the object (`artillery shells`).
    var lemmas = objects.map(lemma)
    for object in objects {
      // A plural the lemmatizer left (`troops`), and `@place` for a place or country
      // (`captured Aleppo`).
      let word = text(object).lowercased()
      if word.count > 3 && word.hasSuffix("s") { lemmas.append(String(word.dropLast())) }
      if word.count > 4 && word.hasSuffix("ies") { lemmas.append(String(word.dropLast(3)) + "y") }
      if isPlace(object) { lemmas.append("@place") }
    }
    for object in objects {
      lemmas.append(contentsOf: children(of: object, .compound).map(lemma))
      // `a new round of talks`, `a wave of arrests`: what the round or wave is of.
      if Self.partitives.contains(lemma(object)) {
        for part in children(of: object)
        where deprel(part).base == .nmod && marker(of: part) == "of" {
          lemmas.append(lemma(part))
        }
      }
    }
    // `obj=*`: any object at all (`obj=@someone` is ``actsOnSomeone(_:)``).
    if !objects.isEmpty { lemmas.append("*") }
    return lemmas
  }

  /// Whether what token `i` acts on is someone (`obj=@someone`): `held the journalists`,
  /// not `held a copy`.
  func actsOnSomeone(_ i: Int) -> Bool { objectTokens(of: i).contains(where: isSomeone) }

  /// Nouns that stand for a quantity or a part of what their `of` phrase names.
  static let partitives: Set<String> = [
    "round", "series", "wave", "number", "string", "spate", "raft", "batch", "lot",
    "package", "kind", "type", "form", "new", "couple", "pair", "dozen", "hundred", "thousand",
    "message", "letter", "expression", "gesture", "show", "statement", "state",
  ]

  /// The first actor, in text order, in the phrases and clauses verb `i` governs after it
  /// (objects, prepositional phrases, complements, and what they govern), other than
  /// `sources`: PETRARCH's target when no rule places one.
  func firstActor(after i: Int, excluding sources: [EventActor]) -> [EventActor] {
    let governed: Set<DependencyRelation> = [.obj, .iobj, .xcomp, .ccomp, .obl, .nmod]
    var tokens: [Int] = []
    var stack = children(of: i).filter { child in
      child > i
        && governed.contains(deprel(child).base)
    }
    while let next = stack.popLast() {
      tokens.append(next)
      stack.append(contentsOf: children(of: next))
    }
    for token in tokens.sorted() where mentionAt[token] >= 0 {
      let found = actors(at: token, owners: false).filter { actor in
        !sources.contains { $0.mention == actor.mention || $0.code == actor.code }
      }
      if !found.isEmpty { return found }
    }
    return []
  }

  /// Whether the words after verb `i` in its sentence name a claim or accusation (`denied U.S.
  /// claims`, `rejected the allegations of Ukraine`).
  func mentionsClaim(after i: Int) -> Bool {
    let claims: Set<String> = ["claim", "accusation", "allegation", "charge"]
    var j = i + 1
    while j < range.upperBound && j <= i + 6 {
      if claims.contains(lemma(j)) && isNoun(j) { return true }
      let word = text(j)
      if word == "," || word == ";" || word == "." { return false }
      j += 1
    }
    return false
  }

  /// The words just before token `i` (at most six, not across a comma or semicolon), as
  /// lemmas and lower-case forms: what PETRARCH's patterns test before the verb.
  func wordsBefore(_ i: Int) -> Set<String> {
    var words: Set<String> = []
    var j = i - 1
    while j >= range.lowerBound && j >= i - 6 {
      let word = text(j).lowercased()
      if word == "," || word == ";" { break }
      words.insert(word)
      words.insert(lemma(j))
      j -= 1
    }
    return words
  }

  /// The words before an object of token `i` whose lemma is one of `heads`, in its phrase
  /// (`improved economic` in `improved economic relations`), as lemmas and lower-case forms.
  func objectModifiers(of i: Int, heads: Set<String>) -> Set<String> {
    var words: Set<String> = []
    for object in objectTokens(of: i) {
      let word = text(object).lowercased()
      guard
        heads.contains(lemma(object)) || heads.contains(word)
          || (word.hasSuffix("s") && heads.contains(String(word.dropLast())))
      else { continue }
      var stack = children(of: object).filter { $0 < object }
      while let next = stack.popLast() {
        words.insert(lemma(next))
        words.insert(text(next).lowercased())
        stack.append(contentsOf: children(of: next))
      }
    }
    return words
  }

  /// What token `i` acts on: see ``objectLemmas(of:)``.
  func objectTokens(of i: Int) -> [Int] {
    var objects: [Int] = []
    for child in children(of: i) {
      let relation = deprel(child)
      if isNoun(i) {
        if relation == .compound || relation == .amod
          || (relation.base == .nmod && marker(of: child) == "of")
          || (relation == .acl && marker(of: child) == "of")
        {
          objects.append(child)
        }
      } else if relation == .obj || relation == .xcomp || relation == .iobj {
        objects.append(child)
      } else if isBareObject(child, of: i) {
        objects.append(child)
      } else if relation == .nsubjPass {
        // What a passive verb acts on; a relative pronoun stands for its noun (`a treaty ...,
        // which was replaced`).
        objects.append(antecedent(of: child))
      }
    }
    for object in objects { objects.append(contentsOf: children(of: object, .conj)) }
    return objects
  }

  /// Whether `child` is a bare noun after verb `i` that the parser took for an adverbial
  /// rather than its object (`carried out more than two dozen air strikes`): no preposition,
  /// not a time (`this year`), and the verb has no object.
  func isBareObject(_ child: Int, of i: Int) -> Bool {
    !isNoun(i) && deprel(child) == .obl && child > i && isNoun(child) && marker(of: child) == nil
      && !Self.notActors.contains(lemma(child)) && children(of: i, .obj).isEmpty
  }

  /// The direct objects of verb `i`, with a bare noun the parser misread (``isBareObject(_:of:)``).
  func directObjects(of i: Int) -> [Int] {
    let own = children(of: i).filter { deprel($0) == .obj || isBareObject($0, of: i) }
    guard own.isEmpty, isVerb(i), children(of: i, .nsubjPass).isEmpty else { return own }
    // `arrested and questioned the student`: the object of the verb joined after it, when
    // that verb has no subject of its own.
    for verb in children(of: i, .conj)
    where verb > i && isVerb(verb) && children(of: verb, .nsubj).isEmpty {
      let shared = children(of: verb, .obj)
      if !shared.isEmpty { return shared }
    }
    return []
  }

  /// Whether verb `i` has `particle`: a particle (`carry out`), a preposition on one of its
  /// dependents (`call on X`), or a stranded preposition.
  func hasParticle(_ particle: String, _ i: Int) -> Bool {
    // Right after the verb as a particle or adverb, wherever the parser hung it (`handed over
    // 20 ambulances`, `over` read as modifying the number).
    if range.contains(i + 1), lemma(i + 1) == particle, [.rp, .rb, .jj].contains(xpos(i + 1)) {
      return true
    }
    // A phrase of time is no particle (`called the president on Saturday` is no call on him).
    return children(of: i).contains { child in
      (lemma(child) == particle && deprel(child) != .mark)
        || ([.obl, .obj, .nmod].contains(deprel(child)) && marker(of: child) == particle
          && !Self.notActors.contains(lemma(child)) && deprel(child) != .oblTmod)
    }
  }

  /// Whether noun `i` is a bare plural that names a kind of people, no one in particular
  /// (`Muslims`, `people`): no determiner, number or possessor, and typed only by its noun.
  func isKindOfPeople(_ i: Int) -> Bool {
    guard [.nns, .nnps].contains(xpos(i)),
      !children(of: i).contains(where: {
        [.det, .nummod, .nmodPoss].contains(deprel($0)) || xpos($0) == .cd
      })
    else { return false }
    let index = mentionAt[i]
    return index >= 0 && mentions[index].code.hasPrefix("---")
  }

  /// Whether token `i` stands inside quotation marks of its sentence (an odd number of them
  /// before it).
  func isQuoted(_ i: Int) -> Bool {
    var marks = 0
    for token in range.lowerBound..<i where isPunctuation(token) {
      if ["\"", "“", "”", "``", "''"].contains(text(token)) { marks += 1 }
    }
    return marks % 2 == 1
  }

  /// Whether token `i` is a verb with the `to` of an infinitive (`to destroy`), which is no
  /// preposition.
  func isInfinitive(_ i: Int) -> Bool {
    isVerb(i) && children(of: i, .mark).contains { lemma($0) == "to" }
  }

  /// The dependents of token `i` introduced by `preposition` (`against` in `warn against
  /// X`); `found` is also true for a stranded preposition (`a move that Putin warned
  /// against`), with no tokens.
  func prepositionObjects(of i: Int, _ preposition: String) -> (found: Bool, tokens: [Int]) {
    var found = false
    var tokens: [Int] = []
    for child in children(of: i) {
      let relation = deprel(child)
      // (Not the `to` of an infinitive: `choices to go that way` goes to no one.)
      if lemma(child) == preposition && relation.base != .nmod && relation.base != .obl
        && relation != .mark
      {
        found = true
      } else if marker(of: child) == preposition && !isInfinitive(child) {
        found = true
        tokens.append(child)
        tokens.append(contentsOf: children(of: child, .conj))
      } else if relation == .advcl, preposition != "to",
        children(of: child, .mark).contains(where: { lemma($0) == preposition })
      {
        found = true
      }
    }
    // A phrase on what the verb acts on (`welcomed memos from X`), or, where the parser hung
    // it on a noun inside it, on that noun (`returned a statue of a goddess to Greece`).
    if !found && !isNoun(i) {
      var frontier = objectTokens(of: i)
      for _ in 0..<3 where !found && !frontier.isEmpty {
        var next: [Int] = []
        for object in frontier {
          for child in children(of: object) where deprel(child).base == .nmod {
            if marker(of: child) == preposition {
              found = true
              tokens.append(child)
              tokens.append(contentsOf: children(of: child, .conj))
            } else {
              next.append(child)
            }
          }
        }
        frontier = next
      }
    }
    return (found, tokens)
  }

  // MARK: Actors

  /// The actors at token `i`: its mention and those of its conjuncts and appositions; a
  /// relative pronoun stands for the noun its clause modifies.
  func actors(at i: Int) -> [EventActor] { actors(at: i, owners: true) }

  /// The actors at token `i`; with `owners`, a head outside any mention stands for its
  /// possessor or modifier (`the troops of Russia`, `Russia's military`), as subjects and
  /// objects may, but not the object of a preposition (`in retaliation to NATO's support`).
  func actors(at i: Int, owners: Bool) -> [EventActor] {
    var tokens = [i]
    if ["which", "that", "who", "whom"].contains(lemma(i)), let verb = head(i),
      deprel(verb).base == .acl, let noun = head(verb)
    {
      tokens = [noun]
    }
    for token in tokens {
      tokens.append(contentsOf: children(of: token, .conj))
      tokens.append(contentsOf: children(of: token, .appos))
      // `North and South Korea`, parsed with `North` as a compound of `Korea`: a name of
      // its own, coordinated.
      tokens.append(
        contentsOf: children(of: token, .compound).filter {
          range.contains($0) && mentionAt[$0] >= 0 && mentionAt[$0] != mentionAt[token]
            && !children(of: $0, .conj).isEmpty
        })
    }
    var result: [EventActor] = []
    for token in tokens {
      var index = range.contains(token) ? mentionAt[token] : -1
      // A head outside the mention (`troops` in `the troops of Russia`): its possessor.
      if index < 0 && owners {
        for child in children(of: token)
        where [.nmodPoss, .compound, .amod].contains(deprel(child)) && mentionAt[child] >= 0 {
          index = mentionAt[child]
          break
        }
      }
      if index < 0, range.contains(token), let pair = statesReferred(by: token) {
        result.append(
          contentsOf: pair.filter { actor in !result.contains { $0.code == actor.code } })
        continue
      }
      guard index >= 0, !result.contains(where: { $0.mention == index }) else { continue }
      let mention = mentions[index]
      if mention.kind == "agent" && mention.code.hasPrefix("---") {
        result.append(contentsOf: agentActors(token, mention: index, after: result))
        continue
      }
      result.append(
        EventActor(
          code: mention.code.isEmpty ? mention.country ?? "" : mention.code,
          country: mention.country, tokens: mention.tokens, mention: index))
    }
    return result
  }

  /// The two states that `both countries`, `both sides` or `the two nations` at token `i`
  /// refer to: the last two named before it in the document, with the words that refer to
  /// them; `nil` for any other word.
  private func statesReferred(by i: Int) -> [EventActor]? {
    guard ["country", "nation", "side", "state"].contains(lemma(i)), xpos(i) == .nns,
      children(of: i).contains(where: { ["both", "two"].contains(lemma($0)) })
    else { return nil }
    let words = (children(of: i).filter { $0 < i }.min() ?? i)..<(i + 1)
    var found: [EventActor] = []
    var index = mentionAt[..<i].lastIndex { $0 >= 0 }.map { mentionAt[$0] } ?? -1
    while index >= 0 && found.count < 2 {
      let mention = mentions[index]
      if mention.type == .country, mention.code.count == 3,
        !found.contains(where: { $0.code == mention.code })
      {
        found.append(
          EventActor(code: mention.code, country: mention.country, tokens: words, mention: index))
      }
      index -= 1
    }
    return found.count == 2 ? found.reversed() : nil
  }

  /// The actors of a sector named without its country (`officials`, `lawmakers`): of the
  /// actors it governs (`lawmakers in Gondor`, `the soldiers of Mordor`), else of the
  /// conjunct before it (`Danish media and government`), else of no known country (`---GOV`).
  private func agentActors(_ token: Int, mention index: Int, after found: [EventActor])
    -> [EventActor]
  {
    let mention = mentions[index]
    let sector = mention.code.dropFirst(3)
    var owners: [EventActor] = []
    for child in children(of: token) {
      let relation = deprel(child)
      let owns =
        [.nmodPoss, .compound, .amod].contains(relation)
        || (relation == .nmod && ["in", "of", "from", "for"].contains(marker(of: child) ?? ""))
      // Not another agent of no country (`officials of the ministry`).
      guard owns, mentionAt[child] >= 0,
        mentions[mentionAt[child]].kind != "agent"
          || !mentions[mentionAt[child]].code.hasPrefix("---")
      else {
        continue
      }
      owners.append(contentsOf: actors(at: child, owners: false))
    }
    if owners.isEmpty, let first = found.first, !first.code.hasPrefix("---") {
      owners = [first]
    }
    guard !owners.isEmpty else {
      return [
        EventActor(code: mention.code, country: nil, tokens: mention.tokens, mention: index)
      ]
    }
    return owners.map { owner in
      // An organisation of no country keeps its code (`NATO ambassadors` are IGOWSTNAT, not
      // IGOGOV); a country's takes the sector (`Danish media`, DNKMED).
      let organisation = owner.country == nil && owner.code.utf8.count > 3
      let code = organisation ? owner.code : String(owner.code.prefix(3)) + sector
      return EventActor(
        code: code, country: owner.country,
        tokens: min(
          mention.tokens.lowerBound, owner.tokens.lowerBound)..<max(
            mention.tokens.upperBound, owner.tokens.upperBound), mention: owner.mention)
    }
  }

  /// Verbs whose object is who does what an open complement says (`urged Y to attack`).
  private static let objectControl: Set<String> = [
    "urge", "ask", "force", "persuade", "order", "call", "encourage", "pressure", "press",
    "allow", "help", "invite", "push", "tell", "warn",
  ]

  /// Verbs whose object did what the clause after `of` or `for` says (`accused X of
  /// violating`), and whose target is that clause's subject when the parse has no object.
  static let accusing: Set<String> = [
    "accuse", "blame", "charge", "suspect", "criticize", "criticise", "condemn",
  ]

  /// The noun a relative pronoun stands for, or token `i` itself.
  func antecedent(of i: Int) -> Int {
    if ["which", "that", "who", "whom"].contains(lemma(i)), let verb = head(i),
      deprel(verb).base == .acl, let noun = head(verb), range.contains(noun)
    {
      return noun
    }
    return i
  }

  /// The parties of an agreement a verb acts on (`the treaty between X and Y was replaced`,
  /// `ratified the pact between X and Y`): the nouns with `between` among its passive subject
  /// and objects.
  func parties(actedOnBy i: Int) -> [EventActor] {
    guard !isNoun(i) else { return [] }
    for child in children(of: i) where [.nsubjPass, .obj].contains(deprel(child)) {
      let noun = antecedent(of: child)
      let found = children(of: noun).filter { marker(of: $0) == "between" }.flatMap(actors)
      if found.count >= 2 { return found }
    }
    return []
  }

  /// Who does what token `i` says: its subject, or the subject of the clause that governs it.
  func sources(of i: Int) -> [EventActor] {
    var found: [EventActor] = []
    if !isNoun(i), children(of: i, .nsubj).isEmpty {
      let parties = parties(actedOnBy: i)
      if !parties.isEmpty { return [parties[0]] }
    }
    if isNoun(i) {
      for child in children(of: i) {
        let relation = deprel(child)
        if relation == .nmodPoss || relation == .amod || relation == .compound
          || (relation.base == .nmod
            && ["by", "between", "among"].contains(marker(of: child) ?? ""))
        {
          // An adjective or compound that only names a sector (`military assistance`,
          // `police violence`) says what kind of thing the noun is, not who acts.
          found.append(
            contentsOf: actors(at: child).filter {
              relation == .nmodPoss || relation.base == .nmod || !$0.code.hasPrefix("---")
            })
        }
      }
      if !found.isEmpty { return Array(found.prefix(relationBetween(i) ? 1 : found.count)) }
    } else {
      let subjects = children(of: i, .nsubj)
      for child in subjects { found.append(contentsOf: actors(at: child)) }
      // A coordinated subject no dictionary knows acts beside the known one (`India and
      // MERCOSUR agreed`).
      if !found.isEmpty {
        for conjunct in subjects.flatMap({ children(of: $0, .conj) })
        where actors(at: conjunct).isEmpty && canActUntyped(conjunct) {
          if let actor = untypedActor(at: conjunct) { found.append(actor) }
        }
      }
      // A subject that is not an actor and not a pronoun (`Negotiators from Armenia and
      // Azerbaijan met`): the actors it names after `from` or `of`, and no one else's.
      let pronouns: Set<String> = ["it", "they", "he", "she", "we", "i", "which", "that", "who"]
      // (`its troops` refers through its possessor, as a pronoun does.)
      func refers(_ subject: Int) -> Bool {
        pronouns.contains(lemma(subject))
          || children(of: subject, .nmodPoss).contains {
            ["its", "their", "his", "her"].contains(lemma($0))
          }
      }
      if found.isEmpty, !subjects.isEmpty, !subjects.contains(where: refers) {
        return subjects.flatMap { subject in
          children(of: subject).filter {
            deprel($0).base == .nmod && ["from", "of"].contains(marker(of: $0) ?? "")
          }.flatMap(actors)
        }
      }
      if children(of: i, .nsubjPass).count > 0 {
        found.append(contentsOf: agents(of: i).flatMap(actors))
      }
      if !found.isEmpty { return found }
    }
    // A noun acts through the verb it is the object of only when that verb is light
    // (`mentioned the provision of weapons`, `launched an attack`), not in `denied claims` or
    // `in return for transfers`.
    if isNoun(i) {
      // ... or when it says when the verb's subject acted (`said during a visit to Kyiv`,
      // `would scale back after talks with Ukraine`): the subject took part in it.
      if deprel(i).base == .obl, let marker = marker(of: i), Self.occasionMarkers.contains(marker),
        let governor = head(i), !isNoun(governor), range.contains(governor)
      {
        return sources(of: governor)
      }
      guard [.obj, .nsubjPass].contains(deprel(i)), let governor = head(i),
        Self.lightVerbs.contains(lemma(governor))
      else { return [] }
    }
    // A participle that modifies a noun acts for that noun (`the parade supporting Gondor`)
    // or, passive, for its `by` phrase (`the pact signed by X`), not for the clause's subject.
    // A bare participle only: a clause with its own subject, auxiliary or marker (`claims
    // that it had bombed`, `the possibility of supplying`) is not one.
    if !isNoun(i), deprel(i) == .acl, let noun = head(i), [.vbg, .vbn].contains(xpos(i)),
      !children(of: i).contains(where: {
        [.nsubj, .nsubjPass, .aux, .auxPass, .mark, .case].contains(deprel($0))
      })
    {
      // A sentence with no other verb was misread (`Chile's president, Soto, resigned on
      // Monday` as a noun phrase): the noun is the subject.
      if xpos(i) == .vbg || deprel(noun) == .root { return actors(at: noun) }
      return agents(of: i).flatMap(actors)
    }
    // Its agent, if any, was read above.
    if isPassiveOfNoOneElse(i) { return [] }
    // No subject of its own: the subject (or, after urge, ask, ..., the object) of the
    // clause that governs it.
    var current = i
    for _ in 0..<4 {
      guard let governor = head(current), range.contains(governor) else { break }
      let relation = deprel(current)
      // `the necessity for North Korean troops to fight`: the `for` phrase is the subject.
      if relation == .acl || relation == .xcomp {
        let forSubjects = children(of: governor).filter {
          deprel($0).base == .nmod && marker(of: $0) == "for"
        }.flatMap(actors)
        if !forSubjects.isEmpty { return forSubjects }
      }
      guard
        [.xcomp, .conj, .advcl, .acl, .obj, .obl, .ccomp, .nmod, .aclRelcl]
          .contains(relation)
      else { break }
      // `blamed Russia for attacking`: Russia attacked. An accused thing acts for no one
      // (`the atmosphere that critics blame for denying them entry`), nor do the accusers.
      if [.advcl, .acl, .obl].contains(relation), Self.accusing.contains(lemma(governor)) {
        let accused = children(of: governor, .obj)
        if !accused.isEmpty { return accused.flatMap(actors) }
      }
      // `was interrogated by an attorney and arrested`: the agent of the passive it is joined
      // to, if any; its subject is who the verbs act on.
      if relation == .conj, isPassive(governor), children(of: current, .nsubj).isEmpty {
        return agents(of: governor).flatMap(actors)
      }
      if relation == .xcomp || relation == .advcl, Self.objectControl.contains(lemma(governor)) {
        let objects = children(of: governor, .obj).flatMap(actors)
        if !objects.isEmpty { return objects }
      }
      // `the newspapers were ordered to suspend publication`: the newspapers suspend it; no
      // one else does (but `was summoned to protest`: a summons to be protested to).
      if relation == .xcomp || relation == .advcl, isPassive(governor),
        lemma(governor) != "summon"
      {
        return children(of: governor, .nsubjPass).flatMap(actors)
      }
      let subjects = children(of: governor, .nsubj).flatMap(actors)
      if !subjects.isEmpty { return subjects }
      current = governor
    }
    return []
  }

  /// Prepositions of a noun that says on what occasion a verb's subject acted.
  private static let occasionMarkers: Set<String> = ["during", "after", "following", "at"]

  /// Verbs through which a nominal event has its subject's actor.
  private static let lightVerbs: Set<String> = [
    "make", "hold", "launch", "conduct", "carry", "announce", "mention", "propose", "offer",
    "sign", "give", "stage", "pledge", "promise", "begin", "start", "continue", "plan",
    "consider", "seek", "order", "approve", "authorize", "authorise", "pursue", "resume", "step",
    "intensify", "expand", "impose", "issue", "mount", "undertake", "complete", "finalize",
    "finalise", "reach", "deliver", "extend", "send", "provide", "pay", "exclude", "rule",
  ]

  /// Whether noun `i` names its parties with `between` (`a treaty between X and Y`): the
  /// first is the source, the others targets.
  private func relationBetween(_ i: Int) -> Bool {
    children(of: i).contains { deprel($0).base == .nmod && marker(of: $0) == "between" }
  }

  /// Prepositions that introduce a target.
  private static let targetPrepositions: Set<String> = [
    "to", "with", "against", "on", "at", "toward", "towards", "into", "over", "for", "from",
    "between",
  ]

  /// Who token `i` acts on, other than its `sources`.
  func targets(of i: Int, rule: EventRule, sources found: [EventActor]) -> [EventActor] {
    let sources = Set(found.map(\.mention))
    func keep(_ actors: [EventActor]) -> [EventActor] {
      actors.filter { !sources.contains($0.mention) }
    }
    let parties = children(of: i, .nsubj).isEmpty ? parties(actedOnBy: i) : []
    if parties.count >= 2 { return keep(Array(parties.dropFirst())) }
    switch rule.target {
    case .none: return []
    case .clause:
      return keep(
        modalClauses(of: i, modals: rule.clauseModals).flatMap { children(of: $0, .nsubj) }
          .flatMap(actors))
    case .object: return keep(directObjects(of: i).flatMap(actors))
    case .preposition:
      guard let preposition = rule.preposition else { return [] }
      let found = prepositionObjects(of: i, preposition)
      let direct = keep(found.tokens.flatMap(actors))
      if !direct.isEmpty { return direct }
      return keep(strandedTarget(of: i))
    case .auto: break
    }
    if isNoun(i) {
      if relationBetween(i) {
        let parties = children(of: i).filter { marker(of: $0) == "between" }.flatMap(actors)
        return Array(parties.dropFirst())
      }
      // `sanctions on arms supplies to North Korea`, `provision of weapons to North Korea`:
      // a prepositional actor of the noun or of its complement.
      var phrases = children(of: i).filter { deprel($0).base == .nmod }
      phrases.append(
        contentsOf: phrases.flatMap { children(of: $0) }.filter { deprel($0).base == .nmod })
      let found = phrases.filter { Self.targetPrepositions.contains(marker(of: $0) ?? "") }
        .flatMap { actors(at: $0, owners: false) }
      if !found.isEmpty { return keep(found) }
      // `claims that Pyongyang has provided ...`: the subject of the claim.
      let clauses = children(of: i).filter { deprel($0) == .acl || deprel($0) == .ccomp }
      return keep(clauses.flatMap { children(of: $0, .nsubj) }.flatMap(actors))
    }
    let objects = directObjects(of: i) + children(of: i, .iobj)
    let objectActors = keep(objects.flatMap(actors))
    // Objects that only name a sector without a country (`provided artillery to Russia`)
    // are the target only when no actor with a country is found after them.
    let sectorsOnly = !objectActors.isEmpty && objectActors.allSatisfy { $0.code.hasPrefix("---") }
    if !objectActors.isEmpty && !sectorsOnly { return objectActors }
    let found = laterTargets(of: i, rule: rule, objects: objects, keep: keep)
    // Forces or a body sent, mobilized or set up are the source's own (`deployed troops`,
    // `set up field hospitals`): they are not acted on.
    if found.isEmpty && sectorsOnly && (rule.reciprocal || Self.deployingVerbs.contains(lemma(i))) {
      return []
    }
    return found.isEmpty ? objectActors : found
  }

  /// Whether `actor` is the possessor of `object` (`the army's assault`), not a word that
  /// says its kind.
  private func namesOwner(_ actor: EventActor, of object: Int) -> Bool {
    children(of: object, .nmodPoss).contains { actor.tokens.contains($0) }
  }

  /// Verbs whose object, when it only names a sector (troops, police, hospitals), is what
  /// the source sends, mobilizes or sets up rather than whom it acts on.
  private static let deployingVerbs: Set<String> = [
    "deploy", "send", "dispatch", "mobilize", "mobilise", "station", "intensify", "strengthen",
    "reinforce", "place", "move", "withdraw", "pull", "put", "amass", "mass", "bolster", "boost",
    "increase", "establish", "set", "form", "create", "build", "provide", "give", "offer",
    "contribute", "supply", "join", "muster", "raise", "recruit", "fire", "launch", "use",
    "order",
  ]

  /// The targets of verb `i` after its direct objects: see ``targets(of:rule:sources:)``.
  private func laterTargets(
    of i: Int, rule: EventRule, objects: [Int], keep: ([EventActor]) -> [EventActor]
  ) -> [EventActor] {
    // `accused China of hacking`, parsed with China as the subject of `hacking`.
    if objects.isEmpty, Self.accusing.contains(lemma(i)) {
      let clauses = children(of: i).filter { [.advcl, .ccomp, .xcomp].contains(deprel($0)) }
      let subjects = keep(clauses.flatMap { children(of: $0, .nsubj) }.flatMap(actors))
      if !subjects.isEmpty { return subjects }
    }
    // The owner of what is acted on (`denied U.S. claims`), then a prepositional target of
    // the verb (`talks with`), then one of the object (`weapons to North Korea`).
    // A word that only names a sector says what kind the thing is, not whose (`military aid`,
    // `a military platoon`).
    for object in objects {
      let owners = keep(
        children(of: object).filter { [.nmodPoss, .compound, .amod].contains(deprel($0)) }
          .flatMap(actors)
      ).filter { !$0.code.hasPrefix("---") || namesOwner($0, of: object) }
      if !owners.isEmpty { return owners }
    }
    var candidates = children(of: i).filter {
      deprel($0).base == .obl && Self.targetPrepositions.contains(marker(of: $0) ?? "")
    }
    for object in objects {
      candidates.append(
        contentsOf: children(of: object).filter {
          deprel($0).base == .nmod && Self.targetPrepositions.contains(marker(of: $0) ?? "")
        })
    }
    if let preposition = rule.preposition {
      let found = prepositionObjects(of: i, preposition)
      let direct = keep(found.tokens.flatMap { actors(at: $0, owners: false) })
      if !direct.isEmpty { return direct }
      let stranded = keep(strandedTarget(of: i))
      if found.found && !stranded.isEmpty { return stranded }
    }
    let direct2 = keep(candidates.flatMap { actors(at: $0, owners: false) })
    if !direct2.isEmpty { return direct2 }
    // Deeper in what is acted on: `welcomed the resumption of ties with Osgiliath`, `called
    // for sanctions against Gondor`.
    var frontier = objects + candidates
    for _ in 0..<3 {
      frontier = frontier.flatMap { children(of: $0) }.filter { deprel($0).base == .nmod }
      let deep = keep(
        frontier.filter { Self.targetPrepositions.contains(marker(of: $0) ?? "") }
          .flatMap { actors(at: $0, owners: false) })
      if !deep.isEmpty { return deep }
    }
    // `munitions for Russia's war`: the owner of the prepositional object.
    return keep(candidates.flatMap { actors(at: $0, owners: true) })
  }

  /// The target of a relative clause with a stranded preposition (`a move that Putin warned
  /// against`): the noun it modifies, or the subject of the clause that noun belongs to.
  private func strandedTarget(of i: Int) -> [EventActor] {
    guard deprel(i).base == .acl, let noun = head(i) else { return [] }
    let direct = actors(at: noun)
    if !direct.isEmpty { return direct }
    guard let clause = head(noun), range.contains(clause) else { return [] }
    return sources(of: clause)
  }

  /// The clauses verb `i` governs that say what someone must or should do (`said that Y must
  /// leave`, `says Y has to pay`): complements whose verb has one of `modals` as auxiliary,
  /// or is one of them (`have`, `need`) with a `to` complement.
  func modalClauses(of i: Int, modals: Set<String>) -> [Int] {
    children(of: i).filter { clause in
      guard [.ccomp, .parataxis].contains(deprel(clause)) else { return false }
      // `has agreed` is no obligation: `have` and `need` count only as the verb itself.
      if children(of: clause, .aux).contains(where: {
        modals.contains(lemma($0)) && !["have", "need"].contains(lemma($0))
      }) {
        return true
      }
      // `need to leave`, not `need this government to act`.
      return ["have", "need"].contains(lemma(clause)) && modals.contains(lemma(clause))
        && children(of: clause, .obj).isEmpty
        && children(of: clause, .xcomp).contains { child in
          children(of: child, .mark).contains { lemma($0) == "to" }
        }
    }
  }

  /// Personal pronouns that a clause's subject may stand for (`Chile said it would ...`).
  private static let referringPronouns: Set<String> = [
    "he", "she", "they", "it", "we", "him", "her", "them",
  ]

  /// The actors with each personal pronoun replaced by whom it stands for in the sentence:
  /// the subject of the clause that governs the pronoun's clause (`President Lula said he
  /// would meet ...` is Lula), when it agrees with what the pronoun was resolved to.
  func resolvingPronouns(_ found: [EventActor]) -> [EventActor] {
    found.map { actor in
      guard actor.tokens.count == 1,
        Self.referringPronouns.contains(lemma(actor.tokens.lowerBound)),
        var clause = head(actor.tokens.lowerBound), range.contains(clause)
      else { return actor }
      for _ in 0..<3 {
        guard [.ccomp, .xcomp, .conj, .parataxis].contains(deprel(clause)),
          let governor = head(clause), range.contains(governor)
        else { return actor }
        let subjects = children(of: governor, .nsubj).filter { !($0 == actor.tokens.lowerBound) }
        if let subject = subjects.first {
          if let known = actors(at: subject).first {
            // `he` and `she` are people, never a state by its name.
            let person = ["he", "she", "him", "her"].contains(lemma(actor.tokens.lowerBound))
            guard !(person && namesState(known)) else { return actor }
            return actor.code.isEmpty || known.code == actor.code ? known : actor
          }
          if actor.code.isEmpty, canActUntyped(subject), !isPronoun(subject),
            let untyped = untypedActor(at: subject)
          {
            return untyped
          }
          return actor
        }
        clause = governor
      }
      return actor
    }
  }

  /// Whether two actors no dictionary knows are written with the same words (`Moxon ...
  /// Moxon`): one actor.
  func sameWords(_ a: EventActor, _ b: EventActor) -> Bool {
    guard a.code.isEmpty, b.code.isEmpty, a.tokens.count == b.tokens.count else { return false }
    return zip(a.tokens, b.tokens).allSatisfy { text($0).lowercased() == text($1).lowercased() }
  }

  /// Whether verb `i` is a passive infinitive or participle of another verb (`to avoid being
  /// sent away`): with no agent of its own, it names no one who acts, not those who avoid it.
  func isPassiveComplement(_ i: Int) -> Bool {
    guard isPassive(i), [.xcomp, .advcl].contains(deprel(i)), let governor = head(i) else {
      return false
    }
    return !isNoun(governor)
  }

  /// The agents of verb `i`: its `by` phrases (`was attacked by Russia`).
  func agents(of i: Int) -> [Int] {
    children(of: i).filter {
      deprel($0) == .oblAgent || (deprel($0) == .obl && marker(of: $0) == "by")
    }
  }

  /// Whether passive verb `i` names no one who acts but its own agent, not the subject of
  /// the clause that governs it: a passive complement (`to avoid being sent away`), a
  /// passive joined to another clause (`made the trip and were turned down`, `noticed the
  /// boat and a warship was sent`), or one quoted from someone (`"Commanders were
  /// dispatched", added KCNA`: the reporter reports it).
  func isPassiveOfNoOneElse(_ i: Int) -> Bool {
    isPassiveComplement(i) || (isPassive(i) && (deprel(i) == .conj || isQuoted(i)))
  }

  /// Whether verb `i` is passive (`was supported by`): a passive auxiliary or subject.
  func isPassive(_ i: Int) -> Bool {
    !isNoun(i) && !children(of: i).filter { [.auxPass, .nsubjPass].contains(deprel($0)) }.isEmpty
  }

  /// The place a measure is laid on (`declared a state of siege in Pando`, `imposed a curfew
  /// in parts of the province`): the object of an `in` phrase of the verb or of its object
  /// that names a place, or a part of one.
  func placeActedOn(by i: Int) -> [EventActor] {
    var phrases = children(of: i).filter { deprel($0).base == .obl && marker(of: $0) == "in" }
    // ... or of its object, or of what that is of (`a state of siege in Katanga`).
    let objects = objectTokens(of: i)
    for object in objects + objects.flatMap({ children(of: $0) }).filter({ marker(of: $0) == "of" })
    {
      phrases += children(of: object).filter {
        deprel($0).base == .nmod && marker(of: $0) == "in"
      }
    }
    for phrase in phrases {
      // `in parts of the province`: the province.
      let place =
        Self.partitives.contains(lemma(phrase))
          || ["part", "area", "region"].contains(lemma(phrase))
        ? children(of: phrase).first { marker(of: $0) == "of" } ?? phrase : phrase
      if let known = actors(at: place, owners: false).first { return [known] }
      if xpos(place) == .nnp || xpos(place) == .nnps, let actor = untypedActor(at: place) {
        return [actor]
      }
    }
    return []
  }

  /// The place a thing acted on is in (`fired rounds aimed at a loudspeaker in South Korea`):
  /// the first place or country, in text order, after an `in` or `inside` within three steps
  /// of the verb's objects and phrases (not a time or an occasion of the verb itself).
  func placeOfThingActedOn(by i: Int) -> [EventActor] {
    var frontier = children(of: i).filter { child in
      child > i && ([.obj, .nsubjPass].contains(deprel(child)) || deprel(child).base == .obl)
    }
    for _ in 0..<3 {
      frontier = frontier.flatMap { children(of: $0) }.filter {
        [.nmod, .acl, .obl].contains(deprel($0).base)
      }.sorted()
      for phrase in frontier where ["in", "inside"].contains(marker(of: phrase) ?? "") {
        if let known = actors(at: phrase, owners: false).first, isPlace(phrase) {
          return [known]
        }
      }
    }
    return []
  }

  /// The actors of a passive subject (`Ukraine was attacked`), or `nil`.
  func passiveSubjects(of i: Int) -> [EventActor]? {
    let found = children(of: i, .nsubjPass).flatMap(actors)
    return found.isEmpty ? nil : found
  }
}

// MARK: Actors without a code

extension SentenceView {
  /// Words that name a time or an amount, never an actor (`on Monday`, `this week`).
  static let notActors: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "tomorrow", "day", "week", "month", "year", "time", "hour", "minute", "weekend",
    "morning", "evening", "night", "afternoon", "percent", "%", "decade", "century", "season",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "sep.", "oct.", "nov.",
    "dec.", "jan", "feb", "aug", "sept", "oct", "nov", "dec",
  ]

  /// An actor for the noun phrase headed by token `i` when no dictionary knows it (`the
  /// final appeal`, `two ex-ministers`): its text and span, no code; `nil` for a word that is
  /// no noun, a time, or a relative pronoun.
  func untypedActor(at i: Int) -> EventActor? {
    let i = antecedent(of: i)
    guard range.contains(i), xpos(i).isNoun || xpos(i) == .cd || isPronoun(i),
      !Self.notActors.contains(lemma(i)), deprel(i) != .oblTmod,
      !["which", "that", "who", "whom", "what"].contains(lemma(i))
    else { return nil }
    // The phrase: the head with the words before it that modify it (determiners, adjectives,
    // compounds, numbers, possessors) and the rest of a name (`flat`).
    var low = i
    var high = i + 1
    var stack = children(of: i).filter { child in
      (child < i
        && [.det, .amod, .compound, .nummod, .nmodPoss, .detPredet, .advmod].contains(
          deprel(child)))
        || (child > i && [.flat, .compound].contains(deprel(child)))
    }
    while let next = stack.popLast() {
      low = min(low, next)
      high = max(high, next + 1)
      stack.append(contentsOf: children(of: next).filter { $0 != i })
    }
    // Not past the trigger or out of the sentence.
    low = max(low, range.lowerBound)
    high = min(high, range.upperBound)
    return EventActor(code: "", country: nil, tokens: low..<high, mention: -(i + 2))
  }

  /// Whether `actor` is a state named by its name, capital or adjective (not a person or
  /// body of it, such as `Istanbul's mayor`).
  func namesState(_ actor: EventActor) -> Bool {
    guard mentions.indices.contains(actor.mention) else { return false }
    let mention = mentions[actor.mention]
    return mention.type == .country && mention.tokens == actor.tokens
  }

  /// Pronouns that stand for people or groups of them.
  private static let personalPronouns: Set<String> = ["he", "she", "they", "we", "i", "it"]

  /// Common nouns that name people, groups or bodies that act (when no dictionary types
  /// them): the head of an unknown source must be one of these, a name or a pronoun.
  private static let groupNouns: Set<String> = [
    "party", "group", "team", "city", "town", "village", "member", "critic", "researcher",
    "municipality", "court", "council", "committee", "company", "firm", "union", "association",
    "authority", "resident", "villager", "protester", "student", "worker", "activist", "leader",
    "people", "person", "family", "farmer", "fighter", "supporter", "opponent", "lawyer", "doctor",
    "community", "organisation", "organization", "agency", "ministry", "department", "board",
    "commission", "coalition", "alliance", "movement", "network", "bank", "club", "school",
    "university", "hospital", "delegation", "panel", "tribunal", "administration", "regime",
    "camp", "faction", "side", "country", "nation", "state", "province", "region", "man", "woman",
    "men", "women", "child", "official", "expert", "analyst", "investor", "candidate", "voter",
    "citizen", "crowd", "mob", "gang", "militia", "clan", "tribe", "observer", "monitor",
    "prisoner", "detainee", "hostage", "captive", "soldier", "troop", "police", "officer", "agent",
    "journalist", "reporter", "civilian", "refugee", "migrant", "rebel", "insurgent", "militant",
    "gunman", "employee", "staff", "judge", "prosecutor", "minister", "president", "governor",
    "mayor", "spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador", "diplomat",
    "negotiator", "representative", "lawmaker", "legislator", "senator", "politician", "chief",
    "commander", "general", "king", "queen", "prince", "ruler", "owner", "victim", "suspect",
    "defendant", "survivor", "demonstrator", "striker", "force", "army", "navy", "government",
    "parliament", "assembly", "cabinet", "embassy", "opposition", "ally", "partner", "neighbour",
    "neighbor", "rival", "enemy", "donor", "institution", "bloc", "newspaper", "chairman",
    "chairwoman", "chairperson", "chair", "head", "director", "secretary", "premier", "chancellor",
    "emir", "sheikh", "cleric", "bishop", "pope", "imam", "priest", "attorney", "counsel",
    "barrister", "solicitor", "commissioner", "inspector", "auditor", "ombudsman", "speaker",
    "deputy", "mp", "congressman", "congresswoman", "delegate", "emissary", "host", "guest",
    "visitor", "pilgrim", "settler", "occupier", "invader", "bomber", "attacker", "assailant",
    "kidnapper", "captor", "sniper", "hacker", "smuggler", "trafficker", "terrorist", "jihadist",
    "extremist", "islamist", "guerrilla", "paramilitary", "mercenary", "veteran", "marine",
    "sailor", "pilot", "guard", "trooper", "peacekeeper", "investigator", "regulator", "watchdog",
    "heir", "successor", "predecessor", "founder", "counterpart", "colleague", "aide", "adviser",
    "advisor", "consul", "attaché", "banker", "trader", "businessman", "businesswoman",
    "executive", "manager", "shareholder", "teacher", "nurse", "miner", "driver", "fisherman",
    "musician", "artist", "writer", "singer", "scientist", "academic", "scholar",
  ]

  /// Nouns of a number of people (`tens of thousands of people`, `dozens of bankers`).
  private static let quantities: Set<String> = [
    "ten", "dozen", "hundred", "thousand", "million", "score", "number", "majority", "handful",
    "couple", "lot", "some", "many", "most", "all", "several", "few",
  ]

  /// Whether token `i` can be an actor that no dictionary knows and that acts: a proper
  /// name, a personal pronoun or a noun for people or a body (`Zelmora Holdings`, `they`,
  /// `the critics`), not another common noun (`the report`, `strong winds`).
  func canActUntyped(_ i: Int) -> Bool {
    let i = antecedent(of: i)
    var word = lemma(i)
    // `ex-members`, `co-founders`: the people they were or are.
    if let hyphen = word.firstIndex(of: "-") { word = String(word[word.index(after: hyphen)...]) }
    // `Tens of thousands of people`: as many as what they are of.
    if Self.quantities.contains(word),
      let part = children(of: i).first(where: {
        deprel($0).base == .nmod && marker(of: $0) == "of"
      })
    {
      return canActUntyped(part)
    }
    // An acronym the tagger took for a common noun (`the ELN`) is a name.
    let acronym = xpos(i).isNoun && text(i).count >= 2 && text(i).allSatisfy(\.isUppercase)
    return xpos(i) == .nnp || xpos(i) == .nnps || acronym || Self.personalPronouns.contains(word)
      || Self.groupNouns.contains(word)
  }

  /// Whether token `i` is an actor, known to a dictionary or one that can act untyped (not
  /// a thing of one: `the tanker's release`).
  func isSomeone(_ i: Int) -> Bool { !actors(at: i, owners: false).isEmpty || canActUntyped(i) }

  /// The tokens with their conjuncts (`Chile and Peru`).
  private func withConjuncts(_ tokens: [Int]) -> [Int] {
    tokens.flatMap { [$0] + children(of: $0, .conj) }
  }

  /// The actors, known or not, of the tokens and of their conjuncts.
  func untypedActors(at tokens: [Int]) -> [EventActor] {
    withConjuncts(tokens).compactMap { token in
      let known = actors(at: token)
      return known.isEmpty ? untypedActor(at: token) : known.first
    }
  }

  /// Prepositions that say what a feeling is about (`concern about`, `anger over`).
  private static let feelingMarkers: Set<String> = [
    "about", "over", "regarding", "concerning", "at",
  ]

  /// Nouns of a feeling expressed about something (`expressed concern about`).
  private static let feelings: Set<String> = [
    "concern", "surprise", "pessimism", "optimism", "regret", "hope", "confidence", "outrage",
    "dismay", "anger", "disappointment", "frustration", "satisfaction", "worry", "fear", "doubt",
    "skepticism", "scepticism", "shock", "alarm", "displeasure", "unease", "sorrow",
  ]

  /// Prepositions whose object is who a thing belongs to or comes from (`the call of the
  /// parliament`, `a protest by farmers`, `a meeting with the governor`).
  private static let ownerMarkers: Set<String> = [
    "of", "by", "from", "with", "for", "against", "to", "on", "into",
  ]

  /// The actors a target that is a thing stands for.
  ///
  /// A request, a protest or a ban points at who made it or whom it concerns (`rejected the
  /// call of the parliament`, `condemned a protest by farmers`, `lifted its blockade of the
  /// island`): the possessor or such a complement when it can act; else the thing itself
  /// (`vetoed the resolution`).
  func untypedTargetActors(at tokens: [Int], excluding excluded: Set<Int>) -> [EventActor] {
    withConjuncts(tokens).compactMap { token in
      let known = actors(at: token).filter { !excluded.contains($0.mention) }
      if let first = known.first { return first }
      if !isNoun(token) || canActUntyped(token) { return untypedActor(at: token) }
      // A feeling expressed is about something (`expressed pessimism about the mission`,
      // `surprise that the Post published ...`): that is the target, whatever it is.
      if Self.feelings.contains(lemma(token)) {
        for child in children(of: token) {
          // On the noun itself, also `with` and `on` (`satisfaction with`, `concern on`).
          if deprel(child).base == .nmod, let marker = marker(of: child),
            Self.feelingMarkers.contains(marker) || marker == "with" || marker == "on"
          {
            return untypedTargetActors(at: [child], excluding: excluded).first
          }
          if [.acl, .ccomp].contains(deprel(child)),
            let subject = children(of: child, .nsubj).first
          {
            return untypedTargetActors(at: [subject], excluding: excluded).first
          }
        }
        return nil
      }
      let owners = children(of: token).filter { child in
        child > token && deprel(child).base == .nmod
          && Self.ownerMarkers.contains(marker(of: child) ?? "")
      }
      // ... and who made it or whom it was laid on (`an appeal lodged by the activists`,
      // `sanctions imposed on India`).
      let makers = children(of: token).filter { deprel($0).base == .acl }.flatMap { clause in
        children(of: clause).filter {
          deprel($0) == .oblAgent
            || (deprel($0) == .obl && ["by", "on", "against", "to"].contains(marker(of: $0) ?? ""))
        }
      }
      // Not the source again (`homeguards held captive by them`).
      func isSource(_ owner: Int) -> Bool {
        let word = antecedent(of: owner)
        return excluded.contains(-(word + 2))
          || (range.contains(word) && mentionAt[word] >= 0 && excluded.contains(mentionAt[word]))
      }
      // ... or, one step further, of what it concerns (`a ban on imports of British beef`).
      let further = owners.flatMap { owner in
        children(of: owner).filter { child in
          child > owner && deprel(child).base == .nmod
            && Self.ownerMarkers.contains(marker(of: child) ?? "")
        }
      }
      for owner in owners + makers + further where !isSource(owner) {
        if let first = actors(at: owner).first(where: { !excluded.contains($0.mention) }) {
          return first
        }
        // What a thing is against is its target, whatever it is (`strikes against the valley`).
        if canActUntyped(owner) || marker(of: owner) == "against",
          let actor = untypedActor(at: owner)
        {
          return actor
        }
      }
      for owner in children(of: token, .nmodPoss) where canActUntyped(owner) && !isSource(owner) {
        if let actor = untypedActor(at: owner) { return actor }
      }
      return untypedActor(at: token)
    }
  }

  /// Who does what token `i` says when no known actor does: its subject, the agent of a
  /// passive, the possessor of a noun, or the subject of the clause that governs it.
  func untypedSources(of i: Int) -> [EventActor] {
    if isNoun(i) {
      return untypedActors(at: children(of: i, .nmodPoss).filter(canActUntyped))
    }
    var current = i
    for _ in 0..<4 {
      let subjects = children(of: current, .nsubj)
      if !subjects.isEmpty { return untypedActors(at: subjects.filter(canActUntyped)) }
      let byPhrases = agents(of: current)
      if !byPhrases.isEmpty { return untypedActors(at: byPhrases.filter(canActUntyped)) }
      if isPassiveOfNoOneElse(current) { return [] }
      guard let governor = head(current), range.contains(governor),
        [.xcomp, .conj, .advcl, .ccomp].contains(deprel(current))
      else { break }
      // (As for known sources: an accused thing, a passive joined to.)
      if deprel(current) == .advcl, Self.accusing.contains(lemma(governor)),
        !children(of: governor, .obj).isEmpty
      {
        return untypedActors(at: children(of: governor, .obj).filter(canActUntyped))
      }
      if deprel(current) == .conj, isPassive(governor) {
        return untypedActors(at: agents(of: governor).filter(canActUntyped))
      }
      current = governor
    }
    return []
  }

  /// Prepositions of a verb's phrase that name whom it acts on when its object is a thing.
  private static let actedOnMarkers: Set<String> = [
    "against", "into", "on", "upon", "to", "at", "over", "toward", "towards", "with", "for",
  ]

  /// Who token `i` acts on when no known actor is: what the rule points at, else the direct
  /// object, a passive subject, or a noun's complement (`an investigation into the deaths`).
  func untypedTargets(of i: Int, rule: EventRule, sources: [EventActor]) -> [EventActor] {
    let excluded = Set(sources.map(\.mention))
    func keep(_ actors: [EventActor]) -> [EventActor] {
      actors.filter { !excluded.contains($0.mention) }
    }
    // Each candidate is a thing or who it stands for (``untypedTargetActors(at:excluding:)``).
    func candidates(_ tokens: [Int]) -> [EventActor] {
      keep(untypedTargetActors(at: tokens, excluding: excluded))
    }
    switch rule.target {
    case .none: return []
    case .clause:
      return keep(
        untypedActors(
          at: modalClauses(of: i, modals: rule.clauseModals).flatMap { children(of: $0, .nsubj) }
            .filter { canActUntyped($0) && !isPronoun($0) }))
    // (A passive subject is what the verb acts on: `was arrested by police`.)
    case .object: return candidates(directObjects(of: i) + children(of: i, .nsubjPass))
    case .preposition:
      guard let preposition = rule.preposition else { return [] }
      return candidates(prepositionObjects(of: i, preposition).tokens)
    case .auto: break
    }
    if isNoun(i) {
      let phrases = children(of: i).filter {
        deprel($0).base == .nmod
          && (["of", "into", "on", "against", "to", "with", "over", "for"].contains(
            marker(of: $0) ?? ""))
      }
      return candidates(phrases)
    }
    // A phrase whose noun the rule names is part of the event (`went on strike`), no target.
    if let preposition = rule.preposition, rule.prepositionObjects.isEmpty {
      let found = candidates(prepositionObjects(of: i, preposition).tokens)
      if !found.isEmpty { return found }
    }
    // What is given or agreed (`sent arms`, `signed a pact`) is no target: who receives it or
    // signs with the source is (the indirect object, a `to` or `with` phrase).
    let given = rule.reciprocal || rule.code.hasPrefix("07")
    // An object that is a thing, not someone (`sent rifles`), is what is given; forces sent
    // or mobilized are the source's own (`put its military on alert`).
    let deployed = Self.deployingVerbs.contains(lemma(i))
    let objects = directObjects(of: i).filter { object in
      let found = actors(at: object)
      if deployed && !found.isEmpty && found.allSatisfy({ $0.code.hasPrefix("---") }) {
        return false
      }
      return !given || isSomeone(object)
    }
    let indirect = children(of: i, .iobj)
    if given && objects.isEmpty {
      let recipients = children(of: i).filter {
        deprel($0).base == .obl && ["to", "with", "for"].contains(marker(of: $0) ?? "")
      }
      return candidates(indirect.isEmpty ? recipients : indirect)
    }
    if !objects.isEmpty || !indirect.isEmpty {
      let found = candidates(objects + indirect)
      // Objects that are things and stand for no one (`launched air strikes against the
      // valley`, `opened an inquiry into the guards`): who the verb's phrase names instead.
      let things = Set((objects + indirect).map { -(antecedent(of: $0) + 2) })
      guard found.allSatisfy({ things.contains($0.mention) }) else { return found }
      // A feeling expressed is about what the verb's phrase names, whatever it is.
      let feeling = (objects + indirect).contains { Self.feelings.contains(lemma($0)) }
      let named = children(of: i).filter { phrase in
        guard deprel(phrase).base == .obl, let marker = marker(of: phrase) else { return false }
        if feeling && Self.feelingMarkers.contains(marker) {
          return true
        }
        guard Self.actedOnMarkers.contains(marker) else { return false }
        return marker == "against" || isSomeone(phrase)
      }
      var instead = candidates(named)
      // ... or the subject of what it says (`expressed surprise that the Post published`).
      if instead.isEmpty && feeling {
        let clauses =
          children(of: i, .ccomp) + (objects + indirect).flatMap { children(of: $0, .acl) }
        instead = candidates(clauses.compactMap { children(of: $0, .nsubj).last })
      }
      return instead.isEmpty ? found : instead
    }
    let passive = children(of: i, .nsubjPass)
    if !passive.isEmpty { return candidates(passive) }
    // No object: someone a phrase of the verb names (`agreed with the NCAA`).
    return candidates(
      children(of: i).filter { phrase in
        deprel(phrase).base == .obl && Self.actedOnMarkers.contains(marker(of: phrase) ?? "")
          && isSomeone(phrase)
      })
  }
}
