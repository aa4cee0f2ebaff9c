public import EntenteNLP

/// Finds agreements and relations between actors in a parsed document (docs/agreements.md).
public struct AgreementFinder: Sendable {
  static let heads: Set<String> = [
    "treaty", "pact", "accord", "deal", "agreement", "pledge", "convention", "protocol",
    "memorandum", "armistice",
  ]
  static let obligationWords: [(obligation: Obligation, words: [String])] = [
    (
      .defence,
      [
        "mutual assistance", "mutual military assistance", "mutual defence", "mutual defense",
        "defend each other", "come to the aid", "military assistance if", "collective defence",
        "collective defense", "defence pact", "defense pact", "assistance if either",
      ]
    ),
    (.offence, ["joint offensive", "offensive alliance", "attack together"]),
    (.neutrality, ["neutrality", "remain neutral", "stay neutral"]),
    (.nonAggression, ["non-aggression", "nonaggression", "not to attack"]),
    (.consultation, ["consult", "consultation", "consultations"]),
  ]

  /// Creates a finder.
  public init() {}

  /// The agreements of a document, in the order they are first named, and the relations
  /// between actors it states.
  public func find(in doc: Doc, mentions: [ActorMention], date documentDate: DayDate?)
    -> (agreements: [Agreement], relations: [ActorRelation])
  {
    guard let parsed = ParsedDocument(doc: doc, mentions: mentions) else { return ([], []) }
    return find(in: parsed, date: documentDate)
  }

  /// The agreements and relations of a parsed document read once for every finder.
  func find(in parsed: ParsedDocument, date documentDate: DayDate?)
    -> (agreements: [Agreement], relations: [ActorRelation])
  {
    let doc = parsed.doc
    var reader = SentenceView(parsed)
    var agreements: [Agreement] = []
    var relations: [ActorRelation] = []
    // Where each agreement was last named, for references.
    var lastNamed: [Int: Int] = [:]
    let year = documentDate.map { String($0.description.prefix(4)) }
    for sentence in doc.sentences.indices {
      reader.load(sentence: sentence)
      // Each agreement named in the sentence, with the words that may state its terms.
      var inSentence: [(index: Int, scope: String)] = []
      for token in reader.range where reader.isNoun(token) || reader.xpos(token) == .nnp {
        let lemma = reader.lemma(token)
        let isOne = lemma == "one" && Self.replacementTarget(token, reader: reader)
        guard Self.heads.contains(lemma) || isOne else { continue }
        if let index = reference(
          token, reader: reader, agreements: agreements, lastNamed: lastNamed, year: year)
        {
          agreements[index].references.append(Self.phrase(token, reader: reader))
          inSentence.append((index, Self.scope(token, reader: reader)))
          if let status = Self.status(token, reader: reader) { agreements[index].status = status }
          lastNamed[index] = token
          continue
        }
        var agreement = Agreement(
          sentence: sentence, tokens: Self.phrase(token, reader: reader),
          parties: Self.parties(token, reader: reader), name: Self.name(token, reader: reader),
          obligations: [], date: nil, dateText: nil, status: Self.status(token, reader: reader),
          replaces: nil, replacedBy: nil, references: [])
        if let (date, words) = Self.year(token, reader: reader) {
          agreement.date = date
          agreement.dateText = words
        } else if agreement.status == .signed, let documentDate {
          agreement.date = documentDate.description
        }
        agreements.append(agreement)
        inSentence.append((agreements.count - 1, Self.scope(token, reader: reader)))
        lastNamed[agreements.count - 1] = token
        // `a 1961 treaty ..., which was replaced with a weaker one in 2000`.
        if isOne, let replaced = Self.replaced(by: token, reader: reader, agreements: agreements) {
          agreements[agreements.count - 1].replaces = replaced
          agreements[replaced].replacedBy = agreements.count - 1
          agreements[replaced].status = .replaced
          if agreements[agreements.count - 1].parties.isEmpty {
            agreements[agreements.count - 1].parties = agreements[replaced].parties
          }
        }
      }
      // Obligations stated where an agreement is named are its.
      for (index, scope) in inSentence {
        for (obligation, words) in Self.obligationWords
        where words.contains(where: { scope.contains(" \($0) ") || scope.contains(" \($0)") })
          && !agreements[index].obligations.contains(obligation)
        {
          agreements[index].obligations.append(obligation)
        }
        agreements[index].obligations.sort {
          Self.obligationOrder($0) < Self.obligationOrder($1)
        }
      }
      relations += Self.relations(reader: reader)
    }
    return (agreements, relations)
  }

  static func obligationOrder(_ obligation: Obligation) -> Int {
    obligationWords.firstIndex { $0.obligation == obligation } ?? 99
  }

  /// An agreement named before that `token` refers to: `the pact`, `the new agreement`,
  /// `the mutual assistance pledge` (a definite phrase with no parties or year of its own).
  private func reference(
    _ token: Int, reader: SentenceView, agreements: [Agreement], lastNamed: [Int: Int],
    year: String?
  ) -> Int? {
    guard !agreements.isEmpty else { return nil }
    let children = reader.children(of: token)
    let definite = children.contains {
      ["the", "this", "that", "its", "their"].contains(reader.lemma($0))
    }
    // A named treaty (`the Intermediate-Range Nuclear Forces Treaty`) is one of its own.
    guard definite, Self.parties(token, reader: reader).isEmpty,
      Self.year(token, reader: reader) == nil, Self.name(token, reader: reader) == nil
    else { return nil }
    // The one most recently named; `the new agreement`, the most recently named of those in
    // force now (not replaced, not dated in an earlier year).
    var candidates = Array(agreements.indices)
    if children.contains(where: {
      ["new", "current", "latest", "recent"].contains(reader.lemma($0))
    }) {
      let current = candidates.filter { index in
        agreements[index].status != .replaced
          && (agreements[index].date == nil || year == nil
            || agreements[index].date?.hasPrefix(year ?? "") == true)
      }
      if !current.isEmpty { candidates = current }
    }
    return candidates.max { (lastNamed[$0] ?? -1) < (lastNamed[$1] ?? -1) }
  }

  /// The noun phrase of `token`, without relative clauses and what follows a comma.
  static func phrase(_ token: Int, reader: SentenceView) -> Range<Int> {
    var words: Set<Int> = [token]
    var stack = [token]
    while let next = stack.popLast() {
      // The noun's own conjuncts, appositions, clauses and preposition are not its phrase;
      // deeper, only relative clauses are left out.
      let excluded: Set<DependencyRelation> =
        next == token
        ? [.aclRelcl, .acl, .punct, .appos, .conj, .cc, .case, .parataxis]
        : [.aclRelcl, .punct]
      for child in reader.children(of: next) where !excluded.contains(reader.deprel(child)) {
        if words.insert(child).inserted { stack.append(child) }
      }
    }
    return QuoteFinder.span(words, reader: reader)
  }

  /// The words where an agreement's terms may be stated: its phrase, and the clause it is
  /// the subject of (`The agreement includes mutual military assistance ...`).
  static func scope(_ token: Int, reader: SentenceView) -> String {
    var words = Set(phrase(token, reader: reader))
    // What it is to do (`an agreement to hold regular consultations`).
    for child in reader.children(of: token) where reader.deprel(child).base == .acl {
      words.formUnion(QuoteFinder.subtree(of: child, reader: reader))
    }
    // The clause it is the subject of, or that it is a circumstance of (`agreed to consult
    // under the agreement`).
    let relation = reader.deprel(token)
    if relation.base == .nsubj || relation.base == .obl, let verb = reader.head(token),
      reader.range.contains(verb), reader.isVerb(verb)
    {
      words.formUnion(QuoteFinder.subtree(of: verb, reader: reader))
    }
    return " " + words.sorted().map { reader.text($0).lowercased() }.joined(separator: " ") + " "
  }

  /// The parties: `between X and Y`, the actors before the noun (`the Russia-North Korea
  /// pact`, `Russia's treaty`), or the signers (`X and Y signed the pact`).
  static func parties(_ token: Int, reader: SentenceView) -> [EventActor] {
    var found: [EventActor] = []
    for child in reader.children(of: token) {
      let relation = reader.deprel(child)
      if relation.base == .nmod,
        ["between", "with", "among"].contains(reader.marker(of: child) ?? "")
      {
        found += reader.actors(at: child, owners: false)
      } else if [.nmodPoss, .compound, .amod].contains(relation) {
        found += reader.actors(at: child, owners: false)
      }
    }
    // Who signs, agrees to or proposes it (`X and Y signed a pact`, `X agreed to a deal`,
    // `X proposed an agreement with Y`).
    if let verb = reader.head(token), reader.range.contains(verb),
      ["sign", "ink", "conclude", "ratify", "agree", "propose", "negotiate", "reach"].contains(
        reader.lemma(verb)),
      reader.deprel(token) == .obj || reader.deprel(token).base == .obl,
      found.isEmpty || ["propose", "negotiate"].contains(reader.lemma(verb))
    {
      found = reader.sources(of: verb) + found
      for child in reader.children(of: verb)
      where reader.deprel(child).base == .obl && reader.marker(of: child) == "with" {
        found += reader.actors(at: child, owners: false)
      }
    }
    var seen = Set<String>()
    return found.filter { seen.insert($0.code).inserted }
  }

  /// A capitalised name that holds the noun (`the Treaty of Friendship`, `the Comprehensive
  /// Strategic Partnership Treaty`).
  static func name(_ token: Int, reader: SentenceView) -> Range<Int>? {
    guard reader.xpos(token) == .nnp || reader.text(token).first?.isUppercase == true else {
      return nil
    }
    // The capitalised words before it in its phrase (`the Intermediate-Range Nuclear Forces
    // Treaty`).
    let phrase = Set(phrase(token, reader: reader))
    var low = token
    while low > reader.range.lowerBound, phrase.contains(low - 1),
      reader.text(low - 1).first?.isUppercase == true, reader.lemma(low - 1) != "the"
    {
      low -= 1
    }
    var high = token + 1
    // `Treaty of Friendship and Cooperation`.
    if high < reader.range.upperBound, ["of", "on"].contains(reader.lemma(high)) {
      var next = high + 1
      while next < reader.range.upperBound,
        reader.text(next).first?.isUppercase == true
          || ["and", "of", "the"].contains(reader.lemma(next))
      {
        next += 1
      }
      if next > high + 1 { high = next }
    }
    return low..<high
  }

  /// A year that dates the noun: `a 1961 treaty`, `the 2000 treaty`.
  static func year(_ token: Int, reader: SentenceView) -> (String, String)? {
    for child in reader.children(of: token) {
      let word = reader.text(child)
      if word.count == 4, word.allSatisfy(\.isNumber), let year = Int(word),
        (1600...2100).contains(year)
      {
        return (word, word)
      }
    }
    // `replaced with a weaker one in 2000`: the year of the phrase that names it.
    for child in reader.children(of: token) where reader.marker(of: child) == "in" {
      let word = reader.text(child)
      if word.count == 4, word.allSatisfy(\.isNumber) { return (word, "in \(word)") }
    }
    // The year of its signing (`signed a pact in 1939`, `a treaty signed in 1961`) or of its
    // making (`replaced with one in 2000`), not of a withdrawal.
    let making = [
      "sign", "ink", "conclude", "seal", "agree", "replace", "supersede", "reach", "ratify",
    ]
    var verbs = reader.children(of: token).filter {
      reader.deprel($0).base == .acl && making.contains(reader.lemma($0))
    }
    if let verb = reader.head(token), reader.range.contains(verb),
      making.contains(reader.lemma(verb))
    {
      verbs.append(verb)
    }
    for verb in verbs {
      for child in reader.children(of: verb) where reader.marker(of: child) == "in" {
        let word = reader.text(child)
        if word.count == 4, word.allSatisfy(\.isNumber) { return (word, "in \(word)") }
      }
    }
    return nil
  }

  /// What the words around the noun say of its state.
  static func status(_ token: Int, reader: SentenceView) -> AgreementStatus? {
    var words = reader.children(of: token).map { reader.lemma($0) }
    if let verb = reader.head(token), reader.range.contains(verb) {
      words.append(reader.lemma(verb))
      // `remains in force`, `took effect`.
      words += reader.children(of: verb).filter {
        reader.deprel($0).base == .obl || reader.deprel($0) == .obj
      }
      .map(reader.lemma)
    }
    for child in reader.children(of: token) {
      words += reader.children(of: child).map(reader.lemma)
    }
    if words.contains(where: { ["violate", "breach"].contains($0) }) { return .violated }
    if words.contains(where: {
      ["terminate", "scrap", "abandon", "withdraw", "expire", "collapse", "cancel"].contains($0)
    }) {
      return .terminated
    }
    if words.contains(where: { ["ratify", "force", "effect", "renew", "extend"].contains($0) }) {
      return .inForce
    }
    if words.contains(where: { ["sign", "ink", "conclude", "seal"].contains($0) }) {
      return .signed
    }
    if words.contains(where: { ["propose", "draft", "negotiate", "discuss"].contains($0) }) {
      return .proposed
    }
    return nil
  }

  /// Whether `one` is what an agreement was replaced with (`replaced with a weaker one`).
  static func replacementTarget(_ token: Int, reader: SentenceView) -> Bool {
    guard let verb = reader.head(token), reader.range.contains(verb) else { return false }
    return ["replace", "supersede"].contains(reader.lemma(verb))
  }

  /// The agreement that `token` (the new one) replaced: the verb's passive subject or its
  /// relative pronoun's noun.
  static func replaced(by token: Int, reader: SentenceView, agreements: [Agreement]) -> Int? {
    guard let verb = reader.head(token), reader.range.contains(verb) else { return nil }
    for child in reader.children(of: verb)
    where [.nsubjPass, .obj, .nsubj].contains(reader.deprel(child)) {
      let noun = reader.antecedent(of: child)
      if let index = agreements.indices.dropLast().last(where: {
        agreements[$0].tokens.contains(noun)
          || agreements[$0].references.contains { $0.contains(noun) }
      }) {
        return index
      }
    }
    // The relative clause's noun (`a 1961 treaty ..., which was replaced with ...`).
    if reader.deprel(verb).base == .acl, let noun = reader.head(verb) {
      return agreements.indices.dropLast().last { agreements[$0].tokens.contains(noun) }
    }
    return nil
  }

  // MARK: Relations

  static let relationNouns: [String: RelationKind] = [
    "ally": .ally, "alliance": .alliance, "partner": .partner, "rival": .rival,
    "adversary": .rival, "enemy": .rival, "foe": .rival, "dependence": .dependence,
    "dependency": .dependence, "reliance": .dependence,
  ]

  /// Relations stated in the current sentence: `China, North Korea's primary ally`; `X's
  /// rival Y`; `X's dependence on Y`; `relations ... to an alliance level` between X and Y.
  static func relations(reader: SentenceView) -> [ActorRelation] {
    var result: [ActorRelation] = []
    for token in reader.range {
      guard let kind = relationNouns[reader.lemma(token)] else { continue }
      // Whose it is: `North Korea's ally`, `an ally of the United States`.
      let owners = reader.children(of: token).filter {
        reader.deprel($0) == .nmodPoss || reader.deprel($0) == .compound
          || (reader.deprel($0).base == .nmod && reader.marker(of: $0) == "of")
      }.flatMap { reader.actors(at: $0, owners: false) }
      // Who it is: the apposition's head (`China, North Korea's ally`) or the noun's own
      // apposition (`North Korea's ally China`).
      var holders: [EventActor] = []
      if [.appos, .compound].contains(reader.deprel(token)), let head = reader.head(token) {
        holders = reader.actors(at: head, owners: false)
      }
      for child in reader.children(of: token)
      where reader.deprel(child) == .appos || reader.deprel(child) == .flat {
        holders += reader.actors(at: child, owners: false)
      }
      if kind == .dependence {
        // `Russia's dependence on China`: the owner depends on the `on` phrase.
        let on = reader.children(of: token).filter { reader.marker(of: $0) == "on" }.flatMap {
          reader.actors(at: $0, owners: false)
        }
        for source in owners {
          for target in on { result.append(relation(source, target, kind, token, reader)) }
        }
        continue
      }
      if kind == .alliance {
        // `relations between X and Y ... to an alliance level`, `an alliance between X and Y`.
        var members = reader.children(of: token).filter {
          ["between", "of"].contains(reader.marker(of: $0) ?? "")
        }.flatMap { reader.actors(at: $0, owners: false) }
        if members.count < 2 {
          members = reader.range.filter { reader.lemma($0) == "between" }.compactMap {
            reader.head($0)
          }
          .flatMap { reader.actors(at: $0, owners: false) }
        }
        if members.count >= 2 {
          result.append(relation(members[0], members[1], .alliance, token, reader))
        }
        continue
      }
      for holder in holders {
        for owner in owners where owner.code != holder.code {
          result.append(relation(holder, owner, kind, token, reader))
        }
      }
    }
    return result
  }

  static func relation(
    _ source: EventActor, _ target: EventActor, _ kind: RelationKind, _ token: Int,
    _ reader: SentenceView
  ) -> ActorRelation {
    let low = min(source.tokens.lowerBound, target.tokens.lowerBound, token)
    let high = max(source.tokens.upperBound, target.tokens.upperBound, token + 1)
    return ActorRelation(
      source: source, target: target, kind: kind, evidence: low..<high, sentence: reader.sentence)
  }
}
