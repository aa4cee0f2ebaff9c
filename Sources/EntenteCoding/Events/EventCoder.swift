public import EntenteNLP

/// Codes events from parsed sentences and their actor mentions with Entente's lexicon.
///
/// For each verb or noun whose lemma has rules, the most specific rule whose conditions hold
/// gives the CAMEO code. The source is the subject (the agent of a passive, the possessor or
/// adjective of a noun: `Putin's visit`, `Russian attack`), or the subject of the clause
/// that governs the trigger; the target is the object, or an actor after a preposition. Each
/// coordinated actor makes its own event. The mode comes from negation, modals, conditions
/// and the words that govern the trigger (consider, promise, deny, claims that, potential).
/// The date comes from years, days and relative dates attached to the trigger, else the
/// document date. See docs/events.md.
public struct EventCoder: Sendable {
  /// The CAMEO codes.
  public let ontology: EventOntology
  /// The rules.
  public let lexicon: EventLexicon

  /// Whether an intended event keeps its rule's code rather than CAMEO's intent code, as
  /// PETRARCH dictionaries expect (their codes already say what they mean).
  public var keepsCodes = false

  /// Whether a source or target that no dictionary knows is kept with its words and no code
  /// (`the court rejected the appeal`); without it such events are not coded.
  public var codesUnknownActors = true

  /// PETRARCH discard phrases: sentences that contain one (or every sentence, for a
  /// story-level phrase) code no events.
  public var discards = DiscardList()

  /// Creates a coder.
  public init(ontology: EventOntology, lexicon: EventLexicon) {
    self.ontology = ontology
    self.lexicon = lexicon
  }

  /// The coder shipped with Entente: the bundled ontology and lexicon.
  ///
  /// - Throws: ``DictionaryIssue`` when either is missing or a lexicon line is malformed.
  public static func bundled() throws(DictionaryIssue) -> EventCoder {
    let ontology = try EventOntology.bundled()
    let (lexicon, issues) = try EventLexicon.bundled(ontology: ontology)
    if let issue = issues.first { throw issue }
    return EventCoder(ontology: ontology, lexicon: lexicon)
  }

  /// The events of a parsed document.
  ///
  /// - Parameters:
  ///   - doc: A document through the `parse` stage.
  ///   - mentions: Its actor mentions.
  ///   - date: The document date.
  /// - Returns: The events in text order; none when the document is not parsed.
  public func events(in doc: Doc, mentions: [ActorMention], date: DayDate?) -> [Event] {
    guard let parsed = ParsedDocument(doc: doc, mentions: mentions) else { return [] }
    return events(in: parsed, date: date)
  }

  /// The events of a parsed document read once for every finder.
  func events(in parsed: ParsedDocument, date: DayDate?) -> [Event] {
    let doc = parsed.doc
    let discarded = discards.verdict(for: doc)
    guard !discarded.story else { return [] }
    var reader = SentenceView(parsed)
    var result: [Event] = []
    // The sentences that report a match, read once. A story with two or more is a match
    // report: what its players and coaches say anywhere in it is no political statement (an
    // official of a state who speaks in it still makes one).
    var sports: [Bool] = []
    if !keepsCodes {
      for sentence in doc.sentences.indices {
        reader.load(sentence: sentence)
        sports.append(reader.isSportsReport())
      }
    }
    let matchReport = sports.filter { $0 }.count >= 2
    for sentence in doc.sentences.indices where !discarded.sentences.contains(sentence) {
      reader.load(sentence: sentence)
      var found: [Event] = []
      for token in reader.range {
        found.append(contentsOf: events(at: token, reader: reader, date: date))
      }
      if !keepsCodes && !found.isEmpty {
        Self.dropContests(&found, sports: sports[sentence], reader: reader)
      }
      if matchReport { found.removeAll { $0.isStatement && $0.source.country == nil } }
      result.append(contentsOf: Self.prune(found, reader: reader, keepsStatements: keepsCodes))
    }
    return result
  }

  /// Drops the meetings and uses of force of a sporting contest (teams that face, beat or
  /// attack each other: `Belgium defeated Panama 3 – 0`) and of a vote (a candidate who
  /// defeats another by so many votes).
  private static func dropContests(
    _ events: inout [Event], sports: Bool, reader: SentenceView
  ) {
    let force: Set<String> = ["17", "18", "19", "20"]
    if sports {
      // ... and what its players and coaches say is no political statement.
      events.removeAll {
        force.contains($0.type.root) || ["03", "04"].contains($0.type.root) || $0.isStatement
      }
    } else if reader.isElectionReport() {
      events.removeAll {
        force.contains($0.type.root) && SentenceView.contestVerbs.contains(reader.lemma($0.trigger))
      }
    }
  }

  /// Drops events that say again what another event of the sentence says: the same event
  /// twice, a noun that is an argument of another event's verb (`signed an agreement`,
  /// `held talks`), and a verb without target whose complement is the event (`threatened to
  /// attack Y`).
  ///
  /// - Parameter keepsStatements: Whether a statement stays beside what it reports, as
  ///   PETRARCH codes it (its validation records expect both).
  private static func prune(_ events: [Event], reader: SentenceView, keepsStatements: Bool)
    -> [Event]
  {
    let triggers = Set(events.map(\.trigger))
    var seen = Set<String>()
    return events.filter { event in
      let key =
        "\(event.type.code) \(event.source.mention) \(event.target?.mention ?? -1) \(event.mode) \(event.date ?? "")"
      guard seen.insert(key).inserted else { return false }
      // `John Kerry, the Secretary of State, contacted ...`: one contact, by whichever name
      // has a country (the first when both or neither do). Names of two countries are two
      // actors (`(CNN) Italian police`).
      if events.contains(where: { other in
        other.trigger == event.trigger && other.type.code == event.type.code
          && other.target?.mention == event.target?.mention
          && Self.yieldsName(event.source, to: other.source, reader: reader)
      }) {
        return false
      }
      // A noun under another event's verb with the same source, or its object with the same
      // root, is part of that event (`signed an agreement`, `took Israeli hostages`); other
      // nouns keep their own event (`condemned Turkey's airstrikes`).
      if reader.isNoun(event.trigger), let head = reader.head(event.trigger),
        head != event.trigger, triggers.contains(head),
        events.contains(where: { other in
          let isObject = [.obj, .xcomp].contains(reader.deprel(event.trigger))
          return other.trigger == head && !other.isStatement
            && ((other.source.code == event.source.code && (isObject || other.mode == event.mode))
              || (other.type.root == event.type.root && isObject))
        })
      {
        return false
      }
      // `declined to comment`: the declining (011) says it; the comment not made goes.
      if event.mode == .negated, let head = reader.head(event.trigger),
        events.contains(where: { other in
          other.trigger == head && other.source.code == event.source.code
            && other.type.code == "011"
        })
      {
        return false
      }
      // A statement (`said`, `mentioned`: 010) says less than what it reports: it goes when
      // an event of another kind stands in what it governs. Not saying something says
      // nothing (`officials have not said why`; declining to comment is 011, coded by its own
      // rules), and an attribution in a participle (`citing privacy rules, ...`, `according
      // to Yonhap, quoting KCNA`) is no statement.
      if event.isStatement, !keepsStatements,
        event.mode == .negated
          || (reader.xpos(event.trigger) == .vbg
            && ["quote", "cite"].contains(reader.lemma(event.trigger))
            && [.advcl, .acl, .xcomp].contains(reader.deprel(event.trigger)))
          || events.contains(where: { other in
            !other.isStatement && reader.governs(event.trigger, other.trigger)
          })
      {
        return false
      }
      // ... or whose target is the complement's too (`India and China agreed to resume
      // talks`).
      if events.contains(where: { other in
        (event.target == nil || other.target?.mention == event.target?.mention)
          && other.trigger != event.trigger && reader.head(other.trigger) == event.trigger
          && [.xcomp, .ccomp].contains(reader.deprel(other.trigger))
          && other.source.code == event.source.code
          && (other.mode == .intended
            || (other.type.root == "12" && event.type.root == "12")
            // `decided to lift the sanctions`: the lifting, not a decision besides it.
            || (reader.deprel(other.trigger) == .xcomp && other.mode == .asserted
              && event.type.root != other.type.root))
      }) {
        return false
      }
      return true
    }
  }

  // MARK: Rules

  private func events(at token: Int, reader: SentenceView, date: DayDate?) -> [Event] {
    var rules: [EventRule]
    var fallback: [EventRule]
    if reader.isVerb(token) || reader.isPredicateAdjective(token) {
      let candidates = lemmaCandidates(token, reader: reader)
      guard let lemma = candidates.first(where: { lexicon.verbRules[$0] != nil }) else {
        return []
      }
      // An adjective said of a subject is a comment or a criticism (`is skeptical`, 012; `is
      // critical of`, 111), not the verb it is spelled as (`were welcome to visit` is no
      // welcome).
      // (Filtered only for an adjective: a verb's rules are shared, not copied.)
      let said = { (rule: EventRule) in rule.code.hasPrefix("01") || rule.code.hasPrefix("11") }
      rules = lexicon.verbRules[lemma] ?? []
      fallback = lexicon.fallbackVerbRules[lemma] ?? []
      if !reader.isVerb(token) {
        rules = rules.filter(said)
        fallback = fallback.filter(said)
      }
    } else if reader.isNoun(token) {
      guard let found = lexicon.nounRules[reader.lemma(token)] else { return [] }
      rules = found
      fallback = lexicon.fallbackNounRules[reader.lemma(token)] ?? []
    } else {
      return []
    }
    // `called the envoy a liar` names the envoy: no call, no meeting.
    if reader.isNaming(token) { return [] }
    let negated = reader.isNegated(token)
    // What the conditions look at, read once for all the trigger's rules.
    let needsObjects =
      rules.contains { !$0.objects.isEmpty } || fallback.contains { !$0.objects.isEmpty }
    var objects = needsObjects ? Set(reader.objectLemmas(of: token)) : []
    let needsSomeone =
      rules.contains { $0.objects.contains("@someone") }
      || fallback.contains { $0.objects.contains("@someone") }
    if needsSomeone && reader.actsOnSomeone(token) { objects.insert("@someone") }
    let needsWords =
      rules.contains { !$0.wordsBefore.isEmpty } || fallback.contains { !$0.wordsBefore.isEmpty }
    let words = needsWords ? reader.wordsBefore(token) : []
    func best(_ rules: [EventRule]) -> EventRule? {
      rules.filter({
        matches(
          $0, at: token, negated: negated, objects: objects, wordsBefore: words, reader: reader)
      })
      .max(by: { $0.specificity < $1.specificity })
    }
    guard let rule = best(rules) ?? best(fallback), rule.code != EventRule.noEvent else {
      return []
    }
    // Force against an idea, a film or a sentence is a figure of speech (`attacked the
    // mentality`, `shoot a video`, `execute the sentence`).
    // ... and what a player concedes, wins or scores is a game's (`conceded a penalty`); a
    // wrong done is no cooperation (`committed suicide`).
    if reader.objectTokens(of: token).contains(where: { object in
      (reader.isNoun(object) && Self.gameObjects.contains(reader.lemma(object)))
        || (Self.cooperationRoots.contains(rule.code.prefix(2))
          && Self.wrongs.contains(reader.lemma(object)))
        || (Self.forceRoots.contains(rule.code.prefix(2))
          && Self.figurativeObjects.contains(reader.lemma(object)))
    }) {
      return []
    }
    // A participle that only says what kind of people a plural is (`policies on Muslims
    // traveling to the United States`, `boats of people seeking asylum`): no one acts.
    if reader.deprel(token) == .acl, reader.xpos(token) == .vbg, let noun = reader.head(token),
      reader.isKindOfPeople(noun)
    {
      return []
    }
    // A person sent somewhere is no aid (`she was sent to the ship`, `sent him to Lima`).
    if rule.code.hasPrefix("07"), reader.lemma(token) == "send",
      reader.objectTokens(of: token).contains(where: reader.isPerson)
    {
      return []
    }
    // `as promised`, `as agreed`, `if needed`: a manner or condition of what the clause
    // says, no event of its own.
    if reader.xpos(token) == .vbn,
      ["as", "if", "when", "unless"].contains(reader.marker(of: token)),
      reader.children(of: token, .nsubj).isEmpty, reader.children(of: token, .nsubjPass).isEmpty
    {
      return []
    }
    var sources = reader.sources(of: token)
    // A subject no dictionary knows still acts (`the court freed ...`), without a code.
    if sources.isEmpty && codesUnknownActors && !rule.needsKnownActors {
      sources = reader.untypedSources(of: token)
    }
    // PETRARCH's patterns code between named actors: a pronoun that stands for no one known
    // is not one (`we came to the United States`, `I needed to disconnect from her`).
    if codesUnknownActors && rule.needsKnownSource {
      sources.removeAll { $0.code.isEmpty && reader.isPronoun($0.tokens.lowerBound) }
    }
    guard !sources.isEmpty else { return [] }
    // `Lula said he would meet ...`: Lula, not `he`; an `it` that stands for no one named in
    // the sentence is most often a thing (`it rained`), no source.
    // A first person that stands for no one named is the writer or an unnamed speaker (`I
    // visited the festival`, `we came to the United States`): no actor of politics.
    sources = reader.resolvingPronouns(sources).filter { source in
      !(source.code.isEmpty && source.tokens.count == 1
        && (reader.lemma(source.tokens.lowerBound) == "it"
          || (reader.isPronoun(source.tokens.lowerBound)
            && ["i", "we"].contains(reader.text(source.tokens.lowerBound).lowercased()))))
    }
    guard !sources.isEmpty else { return [] }
    var targets =
      rule.target == .none ? [] : reader.targets(of: token, rule: rule, sources: sources)
    // A passive subject is the target when the rule found none (`was attacked by`).
    if targets.isEmpty, rule.target != .none, let passive = reader.passiveSubjects(of: token) {
      targets = passive
    }
    // PETRARCH takes the first actor in what the verb governs after it (`criticized the
    // closure of guest houses in Bree`); Entente's lexicon says where its targets are.
    if targets.isEmpty, keepsCodes, rule.target != .none, !reader.isNoun(token) {
      targets = reader.firstActor(after: token, excluding: sources)
    }
    // What the event acts on, known to no dictionary (`rejected the appeal`): its words.
    // Not for coordinated actors that act on each other (`X and Y signed a pact`).
    // Failing to agree takes two as agreeing does (`X and Y failed to reach agreement`).
    let mutualLemma = { (word: Int) in
      Self.mutualVerbs.contains(reader.lemma(word))
        || (reader.lemma(word) == "reach"
          && reader.objectLemmas(of: word).contains {
            ["agreement", "deal", "accord"].contains($0)
          })
    }
    let mutual =
      rule.reciprocal
      || (!keepsCodes && !reader.isPassive(token)
        && (Self.mutualRoots.contains(rule.code.prefix(2)) || mutualLemma(token)
          || (reader.lemma(token) == "fail"
            && reader.children(of: token, .xcomp).contains(where: mutualLemma))))
    if targets.isEmpty, rule.target != .none, codesUnknownActors, !rule.needsKnownActors,
      !(mutual && sources.count >= 2)
    {
      targets = reader.untypedTargets(of: token, rule: rule, sources: sources)
    }
    // Aid goes to someone: a PETRARCH pattern of aid with no target is none (`provided
    // safeguards by installing walls`).
    if rule.needsKnownSource && codesUnknownActors && targets.isEmpty
      && rule.code.hasPrefix("07")
    {
      return []
    }
    // A verb's bare PETRARCH code speaks only between actors a dictionary knows, and a
    // source that only names a sector (`people`, `researchers`) only when it acts on one
    // (`people take`, `troops attacked the town` do not code; `troops attacked Kherson` does).
    if rule.needsKnownActors && codesUnknownActors {
      targets = targets.filter { !$0.code.isEmpty }
      // A person the text names, or a pronoun that stands for one, is known too when acted
      // on (`a lawyer interrogated him`; not one given something: `gave Mohamed the option`).
      if targets.isEmpty && rule.target != .none {
        targets = reader.untypedTargets(of: token, rule: rule, sources: sources).filter {
          reader.namesPerson($0) && reader.deprel($0.tokens.lowerBound) != .iobj
        }
      }
      // With no target, the source must be a state or a body of its politics, not a firm,
      // a university or a citizen (`the university analysed`, `the woman claims`).
      sources = sources.filter {
        !$0.code.isEmpty
          && (!targets.isEmpty || !Self.privateSectors.contains(String($0.code.suffix(3))))
      }
      // Cooperation takes a partner: without one, `Taliban control`, `the court rules`,
      // `Texas inspires` are no meeting, support or aid.
      if sources.isEmpty || (targets.isEmpty && Self.partnerRoots.contains(rule.code.prefix(2))) {
        return []
      }
      // Between two actors typed only by their head nouns (`the director took them to
      // hospital`, `people need this government`), a bare code has no one named to speak of;
      // yielding and force are what they are between anyone (`fighters surrendered to the
      // government`).
      if !Self.plainRoots.contains(rule.code.prefix(2)), !targets.isEmpty,
        sources.allSatisfy({ $0.code.hasPrefix("---") })
          && targets.allSatisfy({ $0.code.hasPrefix("---") })
      {
        return []
      }
    }
    targets = reader.resolvingPronouns(targets)
    // An attack on a website or by hackers is no force of arms (`hackers attacked the site`).
    if Self.forceRoots.contains(rule.code.prefix(2)),
      (sources + targets).contains(where: {
        Self.networkWords.contains(reader.lemma($0.tokens.upperBound - 1))
      })
    {
      return []
    }
    // A curfew, a siege or an easing of them is laid on a place (`a curfew in Bangkok`).
    if !keepsCodes, targets.allSatisfy({ $0.code.isEmpty }),
      Self.placeMeasures.contains(where: { rule.code.hasPrefix($0) })
    {
      let place = reader.placeActedOn(by: token)
      if !place.isEmpty { targets = place }
    }
    // Force used on a thing in a place is used on that place (`fired rounds aimed at a
    // loudspeaker in South Korea`, `shelled a village in Syria`), when no one else is named.
    if !keepsCodes, Self.forceRoots.contains(rule.code.prefix(2)),
      targets.allSatisfy({
        $0.code.isEmpty && !reader.canActUntyped($0.tokens.upperBound - 1)
      })
    {
      // (Not the source's own country: `Iranian police tortured an inmate in Iran`.)
      let place = reader.placeOfThingActedOn(by: token).filter { place in
        !sources.contains {
          $0.code == place.code || ($0.country != nil && $0.country == place.country)
        }
      }
      if !place.isEmpty { targets = place }
    }
    // What one says one must do oneself is no demand (`Chile says it must defend ...`).
    if rule.target == .clause
      && targets.allSatisfy({ target in
        sources.contains { $0.mention == target.mention }
      })
    {
      return []
    }
    // A journey is a visit when a state, a body of its politics, a named actor or people
    // crossing into a country make it, not a team, pilgrims or a traveller no dictionary
    // knows (`pilgrims arrive in Mecca`); a meeting or talk needs such an actor on one side
    // (`she met her future husband`, `reporters spoke to donors` are none).
    let isPrivate = { (actor: EventActor) in
      actor.code.isEmpty
        || (actor.code.hasPrefix("---") && !actor.code.hasSuffix("CVL")
          && Self.privateSectors.contains(String(actor.code.suffix(3))))
    }
    if codesUnknownActors, rule.code.hasPrefix("04"),
      rule.code.hasPrefix("042")
        ? sources.allSatisfy(isPrivate) : (sources + targets).allSatisfy(isPrivate)
    {
      return []
    }
    // `Ukraine received jets from Denmark`: Denmark provides, Ukraine receives.
    if rule.reverse {
      // What is received is no one who gives it (`received the invitation`).
      let received = reader.objectTokens(of: token)
      targets.removeAll { target in received.contains { target.tokens.contains($0) } }
      guard !targets.isEmpty else { return [] }
      swap(&sources, &targets)
    }
    var mode = rule.negated ? EventMode.asserted : reader.mode(of: token)
    if mode == .hypothetical && reader.isCommitment(token) { mode = .intended }
    var code = rule.code
    // `refused to meet`, `will not end the strike`: a refusal, which happened.
    var refused = false
    if mode == .negated, !keepsCodes, !rule.negated, reader.isRefusal(token),
      let refusal = EventOntology.refusalCode(for: code)
    {
      code = refusal
      mode = .asserted
      refused = true
    }
    if mode == .intended && !keepsCodes {
      code = rule.intentCode ?? EventOntology.intentCode(for: code)
    }
    if rule.negated { mode = reader.mode(of: token, ignoringOwnNegation: true) }
    // Codes outside CAMEO come only from PETRARCH dictionaries (their WEIS and test codes).
    let type = ontology[code] ?? ontology[rule.code] ?? Self.foreignType(rule.code)
    let (eventDate, dateText) = reader.date(of: token, documentDate: date)
    var pairs: [(EventActor, EventActor?)] = []
    // An event goes both ways when it happened or both intend it; a refusal to negotiate or
    // a possible agreement is one-sided.
    // PETRARCH pairs the actors of a coordinated subject when there is no target (`Gondor and
    // Osgiliath renewed ties`), whatever the verb.
    // Entente pairs them for the kinds of events that take two (`Chile and Peru agreed`,
    // `... met`, `... cooperate`).
    let reciprocal =
      (rule.reciprocal || (targets.isEmpty && (keepsCodes || mutual)))
      && (mode == .asserted || mode == .intended) && !refused
    if targets.isEmpty {
      if reciprocal && sources.count >= 2 {
        for a in sources { for b in sources where b.mention != a.mention { pairs.append((a, b)) } }
      } else {
        pairs = sources.map { ($0, nil) }
      }
    } else {
      for source in sources {
        // Not a state acting on itself under another name (`North Korea ... with Pyongyang`).
        for target in targets
        where target.mention != source.mention && !reader.sameWords(source, target)
          && !(target.code == source.code && reader.namesState(source)
            && reader.namesState(target))
        {
          pairs.append((source, target))
          // What no dictionary knows is acted on; it does not act back.
          if reciprocal && !target.code.isEmpty { pairs.append((target, source)) }
        }
      }
    }
    var result = events(
      pairs, type: type, token: token, mode: mode, date: eventDate, dateText: dateText,
      rule: rule, reader: reader)
    // A denial of someone's claims says they accused the denier (`Russia denied U.S. claims
    // that ...`: the U.S. accused Russia), as the paired code of the denial.
    if !keepsCodes, code == "016", mode == .asserted, let accuse = ontology["112"],
      reader.mentionsClaim(after: token)
    {
      let accusations = pairs.compactMap { pair in
        pair.1.flatMap { $0.code.isEmpty || pair.0.code.isEmpty ? nil : ($0, Optional(pair.0)) }
      }
      result += events(
        accusations, type: accuse, token: token, mode: .asserted, date: eventDate,
        dateText: dateText, rule: rule, reader: reader)
    }
    // A paired code makes the reverse event too (`host` 043, and 042 for the visitor).
    if let paired = rule.pairedCode {
      let reversed = pairs.compactMap { pair in pair.1.map { ($0, Optional(pair.0)) } }
      result += events(
        reversed, type: ontology[paired] ?? Self.foreignType(paired), token: token, mode: mode,
        date: eventDate, dateText: dateText, rule: rule, reader: reader)
    }
    return result
  }

  /// Whether `source` and `other` are two names for one actor in apposition and `other` is
  /// the one to keep: the one with a country, else the first.
  private static func yieldsName(
    _ source: EventActor, to other: EventActor, reader: SentenceView
  ) -> Bool {
    guard source.mention != other.mention else { return false }
    let appended = reader.isApposition(source.tokens, to: other.tokens)
    guard appended || reader.isApposition(other.tokens, to: source.tokens) else { return false }
    switch (source.country, other.country) {
    case (let a?, let b?): return a == b && appended
    case (nil, .some): return true
    case (.some, nil): return false
    case (nil, nil): return appended
    }
  }

  /// The CAMEO roots of events that coordinated actors do with each other when no one else
  /// is named: consulting and cooperating (`Chile and Peru met`).
  private static let mutualRoots: Set<Substring> = ["04", "06"]

  /// Verbs of other roots that coordinated actors do with each other when no one else is
  /// named (`Chile and Peru agreed`, not `Chile and Peru promised` or `backed`).
  private static let mutualVerbs: Set<String> = [
    "agree", "sign", "establish", "restore", "normalize", "normalise", "reconcile", "resume",
    "clash", "fight", "skirmish",
  ]

  /// The codes of measures laid on a place: coercion (17), easing restrictions (081), and
  /// blockades (191).
  private static let placeMeasures = ["17", "081", "191"]

  /// The roots of cooperation, verbal and material (03 to 08).
  private static let cooperationRoots: Set<Substring> = ["03", "04", "05", "06", "07", "08"]

  /// The roots of the use of force.
  private static let forceRoots: Set<Substring> = ["18", "19", "20"]

  /// Objects that force is used on only figuratively (those of a game, for any event, are
  /// ``gameObjects``).
  private static let figurativeObjects: Set<String> = [
    "mentality", "idea", "notion", "policy", "proposal", "plan", "decision", "sentence",
    "order", "law", "bill", "record", "competition", "price", "rate", "market", "video", "film",
    "movie", "photo", "picture", "footage", "scene", "episode", "ball", "shot", "puck", "putt",
    "trend", "problem", "issue", "question", "argument", "claim",
    "statement", "report", "budget", "deficit", "inflation", "poverty", "corruption",
    "disease", "virus", "pandemic", "epidemic", "strategy", "contract", "deal", "agreement",
    "task", "project", "outfit", "costume", "ad", "advert", "commercial",
  ]

  /// Objects of a game, which no political event acts on.
  private static let gameObjects: Set<String> = [
    "penalty", "goal", "corner", "free-kick", "touchdown", "wicket", "trophy", "medal",
    "title", "match", "game", "tournament", "championship", "lap",
  ]

  /// Sectors outside politics: a bare PETRARCH code with no target does not code for them.
  private static let privateSectors: Set<String> = [
    "BUS", "MED", "EDU", "HLH", "CVL", "AGR", "REL", "SCI", "ENV", "LAB", "MNC",
  ]

  /// Wrongs done, which no cooperation is (`committed suicide`, `committed atrocities`).
  private static let wrongs: Set<String> = [
    "suicide", "crime", "atrocity", "genocide", "fraud", "murder", "offence", "offense",
    "error", "mistake", "sin", "blunder", "foul", "massacre", "abuse", "violation", "perjury",
  ]

  /// The roots of cooperation (03 to 07), which a verb's bare PETRARCH code gives only with
  /// a target.
  private static let partnerRoots: Set<Substring> = ["03", "04", "05", "06", "07"]

  /// Computers, networks and those who break into them: force against them is no force of
  /// arms.
  private static let networkWords: Set<String> = [
    "website", "homepage", "webpage", "server", "computer", "hacker", "email", "database",
    "internet", "blog",
  ]

  /// Roots whose verbs say what they do between anyone: yielding and force.
  private static let plainRoots: Set<Substring> = ["08", "18", "19", "20"]

  /// A type for a code the ontology lacks: no name, Goldstein score or quad class.
  private static func foreignType(_ code: String) -> EventType {
    EventType(code: code, name: "", goldstein: .nan, quadClass: 0, plover: "")
  }

  private func events(
    _ pairs: [(EventActor, EventActor?)], type: EventType, token: Int, mode: EventMode,
    date eventDate: String?, dateText: String?, rule: EventRule, reader: SentenceView
  ) -> [Event] {
    var seen = Set<String>()
    var result: [Event] = []
    for (source, target) in pairs {
      let key = "\(source.mention)>\(target?.mention ?? -1)"
      guard seen.insert(key).inserted else { continue }
      var low = min(token, source.tokens.lowerBound)
      var high = max(token + 1, source.tokens.upperBound)
      if let target {
        low = min(low, target.tokens.lowerBound)
        high = max(high, target.tokens.upperBound)
      }
      result.append(
        Event(
          sentence: reader.sentence, type: type, trigger: token, source: source, target: target,
          mode: mode, date: eventDate, dateText: dateText, evidence: low..<high, rule: rule.origin))
    }
    return result
  }

  /// The lemma of a verb, then forms that repair what the lemmatizer may miss: a doubled
  /// final consonant (`expell` -> `expel`) and an `-ed` it left (`vetoed` -> `veto`).
  private func lemmaCandidates(_ token: Int, reader: SentenceView) -> [String] {
    let lemma = reader.lemma(token)
    // Most verbs are found by their lemma: the repairs are built only for the others.
    if lexicon.verbRules[lemma] != nil { return [lemma] }
    var candidates = [lemma]
    let letters = Array(lemma)
    if letters.count > 3, letters[letters.count - 1] == letters[letters.count - 2] {
      candidates.append(String(letters.dropLast()))
    }
    if lemma.hasSuffix("ed") && lemma.count > 4 {
      candidates.append(String(lemma.dropLast(2)))
      candidates.append(String(lemma.dropLast(1)))
    }
    // `bombed` -> `bombe`: the word without its ending.
    let word = reader.text(token).lowercased()
    for ending in ["ed", "d", "ing", "s"]
    where word.hasSuffix(ending) && word.count > ending.count + 2 {
      candidates.append(String(word.dropLast(ending.count)))
    }
    return candidates
  }

  /// Whether `rule` holds at `token`, given the lemmas of what the token acts on and of the
  /// words before it.
  private func matches(
    _ rule: EventRule, at token: Int, negated: Bool, objects: Set<String>,
    wordsBefore words: Set<String>, reader: SentenceView
  ) -> Bool {
    if rule.negated && !negated { return false }
    if !rule.wordsBefore.isEmpty {
      guard rule.wordsBefore.allSatisfy({ !$0.isDisjoint(with: words) }) else { return false }
    }
    if let particle = rule.particle {
      if rule.isNoun {
        guard reader.children(of: token).contains(where: { reader.lemma($0) == particle }) else {
          return false
        }
      } else if !reader.hasParticle(particle, token) {
        return false
      }
    }
    if !rule.objects.isEmpty {
      guard !rule.objects.isDisjoint(with: objects) else {
        return false
      }
      if !rule.objectModifiers.isEmpty {
        let words = reader.objectModifiers(of: token, heads: rule.objects)
        guard rule.objectModifiers.allSatisfy({ !$0.isDisjoint(with: words) }) else {
          return false
        }
      }
    }
    if !rule.clauseModals.isEmpty,
      reader.modalClauses(of: token, modals: rule.clauseModals).isEmpty
    {
      return false
    }
    if let preposition = rule.preposition {
      let objects = reader.prepositionObjects(of: token, preposition)
      guard objects.found else { return false }
      if !rule.prepositionObjects.isEmpty {
        guard
          objects.tokens.contains(where: {
            rule.prepositionObjects.contains(reader.lemma($0))
              || (rule.prepositionObjects.contains("@place") && reader.isPlace($0))
          })
        else { return false }
      }
    }
    return true
  }
}

extension Event {
  /// Whether it only says that something was said (CAMEO 010, make a statement).
  var isStatement: Bool { type.code == "010" }
}
