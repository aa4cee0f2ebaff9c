import EntenteNLP

extension SentenceView {
  private static let hypotheticalModals: Set<String> = ["could", "would", "might", "may", "should"]
  private static let futureModals: Set<String> = ["will", "shall", "'ll"]
  private static let conditionals: Set<String> = ["if", "unless", "whether"]
  private static let hypotheticalAdjectives: Set<String> = [
    "potential", "possible", "hypothetical", "prospective", "eventual", "likely",
  ]
  private static let intentAdjectives: Set<String> = [
    "planned", "proposed", "intended", "promised",
  ]
  /// Words that make what they govern a plan, a promise or a threat.
  private static let intentWords: Set<String> = [
    "plan", "intend", "consider", "promise", "pledge", "vow", "threaten", "seek", "want", "aim",
    "agree",
    "prepare", "hope", "offer", "propose", "mull", "weigh", "contemplate", "expect",
    "intention", "intent", "readiness", "willingness", "threat", "proposal", "option", "plot",
    "determination", "ready", "willing", "prepared", "envision", "envisage",
  ]
  /// Words that ask someone else to do what they govern (`urged Y to agree`): a request,
  /// not a fact.
  private static let appealWords: Set<String> = [
    "urge", "ask", "call", "press", "pressure", "encourage", "invite", "request", "demand",
    "appeal", "implore", "push",
  ]

  /// Words that make what they govern possible only.
  private static let hypotheticalWords: Set<String> = [
    "possibility", "prospect", "risk", "chance", "potential", "scenario", "fear", "concern",
  ]
  /// Adjectives that allow what they govern, which is then only possible.
  private static let permissionAdjectives: Set<String> = [
    "welcome", "free", "eligible", "entitled", "allowed", "permitted",
  ]
  /// Words that deny what they govern: a claim.
  private static let denyWords: Set<String> = ["deny", "refute", "denial"]
  /// Words that say what they govern does not or will not happen.
  private static let negatingWords: Set<String> = [
    "dismiss", "reject", "refuse", "exclude", "rule", "oppose", "decline", "avoid", "fail",
    "dissuade", "prevent", "deter", "stop", "forbid", "prohibit",
  ]
  /// Words that make what they govern a claim.
  private static let claimWords: Set<String> = [
    "claim", "allege", "allegation", "accusation", "report", "rumor", "rumour", "accuse",
    "suspect", "suspicion", "pretext",
  ]
  /// Verbs of saying, which report an event without changing its mode.
  private static let reportingWords: Set<String> = [
    "say", "tell", "note", "add", "state", "announce", "declare", "explain", "stress",
    "emphasize", "emphasise", "mention", "write", "confirm",
  ]

  /// The mode of the event at token `i`.
  ///
  /// - Parameter ignoringOwnNegation: Whether the trigger's own negation is the event
  ///   (`has not commented`) rather than its mode.
  func mode(of i: Int, ignoringOwnNegation: Bool = false) -> EventMode {
    if !ignoringOwnNegation && isNegated(i) { return .negated }
    if let own = localMode(of: i) { return own }
    // A noun event takes the mode of the clause only when that clause acts on it (`mentioned
    // the provision of`); elsewhere it stands on its own (`in retaliation to NATO's support`).
    if xpos(i).isNoun, ![.obj, .nsubjPass, .xcomp].contains(deprel(i)) {
      return .asserted
    }
    var claimed = false
    var current = i
    for _ in 0..<6 {
      guard let governor = head(current), range.contains(governor) else { break }
      let relation = deprel(current)
      let word = lemma(governor)
      // `considering all options, including sending arms`: an example of what the governor
      // takes, not a clause of its own.
      let example =
        relation == .conj
        && children(of: current).contains {
          [.mark, .case].contains(deprel($0))
            && ["include", "including", "like"].contains(lemma($0))
        }
      // (A verb joined to an infinitive with no subject of its own shares its mode: `welcome
      // to come and visit`.)
      let sharesInfinitive =
        relation == .conj && children(of: current, .nsubj).isEmpty && deprel(governor) == .xcomp
      if !example && !sharesInfinitive
        && (relation == .conj || relation == .parataxis || relation == .appos
          || relation == .aclRelcl)
      {
        // A coordinated clause has its own mode (`dismissed X but did not exclude Y`).
        break
      }
      if Self.denyWords.contains(word) { return .denied }
      if Self.negatingWords.contains(word) {
        // `did not exclude`, `did not rule out`: a possibility kept open.
        if isNegated(governor) { return .intended }
        return claimed ? .denied : .negated
      }
      if Self.claimWords.contains(word) && relation != .obj { claimed = true }
      // `is about to restore ties`: imminent, not yet done.
      if word == "about" && relation == .xcomp { return .intended }
      if Self.appealWords.contains(word), relation == .xcomp || relation == .advcl {
        return .hypothetical
      }
      if Self.intentWords.contains(word) {
        return isNegated(governor) ? .negated : .intended
      }
      // `the boy was welcome to come and tour`: allowed, not done.
      if relation == .xcomp && xpos(governor) == .jj && Self.permissionAdjectives.contains(word) {
        return .hypothetical
      }
      if Self.hypotheticalWords.contains(word) {
        // `did not exclude the possibility of supplying`: an intention.
        if let above = head(governor), lemma(above) == "exclude" || lemma(above) == "rule",
          isNegated(above)
        {
          return .intended
        }
        return .hypothetical
      }
      if let mode = localMode(of: governor), relation != .obj, relation != .nsubj {
        if mode == .hypothetical || relation == .xcomp { return mode }
      }
      // A passive participle says what a thing is (`a system backed by the Red Cross was
      // rejected`): what is later done to the thing does not undo it.
      // (A bare participle only: `claims that it had bombed` is a clause the noun governs.)
      if relation == .acl && xpos(current) == .vbn && isNoun(governor)
        && !children(of: current).contains(where: {
          [.nsubj, .nsubjPass, .aux, .mark].contains(deprel($0))
        })
      {
        break
      }
      if relation == .xcomp && isNegated(governor) { return .negated }
      if Self.reportingWords.contains(word) { break }
      current = governor
    }
    return claimed ? .claimed : .asserted
  }

  /// Nouns that only a report of a sporting contest uses.
  private static let sportsNouns: Set<String> = [
    "match", "tournament", "championship", "medal", "olympics", "olympic", "midfielder",
    "goalkeeper", "playoff", "semifinal", "semi-final", "quarterfinal", "quarter-final",
    "scoreline", "touchdown", "inning", "cup", "kickoff", "kick-off", "halftime", "half-time",
    "cricket", "rugby", "football", "soccer", "basketball", "baseball", "hockey", "tennis",
    "athlete", "stadium", "footballer", "referee", "teammate", "golf", "wicket",
    "sprinter", "marathon", "hat-trick", "equaliser", "equalizer",
  ]

  /// Whether the sentence reports a sporting contest (`Belgium defeated Panama 3 – 0`,
  /// `the striker scored in the cup final`): a team that defeats, faces or attacks another
  /// there is no state using force or meeting.
  func isSportsReport() -> Bool {
    var score = false
    for i in range {
      if Self.sportsNouns.contains(lemma(i)) && (xpos(i).isNoun || xpos(i) == .jj) { return true }
      guard !score, xpos(i) == .cd else { continue }
      // A score: two small numbers joined by a dash (`3 – 0`, `2-1`).
      let number = text(i)
      if i + 2 < range.upperBound, Self.dashes.contains(text(i + 1)), xpos(i + 2) == .cd,
        number.count <= 2, text(i + 2).count <= 2
      {
        score = true
      } else {
        let parts = number.split(separator: "-", omittingEmptySubsequences: false)
          .flatMap { $0.split(separator: "–", omittingEmptySubsequences: false) }
        score = parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.count <= 2 }
      }
    }
    return score && range.contains { Self.scoringVerbs.contains(lemma($0)) }
  }

  private static let dashes: Set<String> = ["–", "-", "—"]

  /// Verbs that go with a score (`won 2-1`, `drew 1 – 1`).
  private static let scoringVerbs: Set<String> = [
    "defeat", "beat", "win", "lose", "draw", "score", "lead", "face", "play", "meet", "host",
  ]

  /// Verbs of winning and losing a contest.
  static let contestVerbs: Set<String> = [
    "defeat", "beat", "win", "lose", "crush", "rout", "trounce", "edge", "overcome", "oust",
  ]

  /// Nouns of a vote.
  private static let electionNouns: Set<String> = [
    "election", "vote", "ballot", "candidate", "poll", "constituency", "runoff", "primary",
  ]

  /// Whether the sentence reports a vote: an election, ballots, votes or candidates.
  func isElectionReport() -> Bool {
    range.contains { Self.electionNouns.contains(lemma($0)) && xpos($0).isNoun }
  }

  /// Whether token `i` is refused rather than merely not done.
  ///
  /// Governed by `refuse`, `decline` or `reject` (`refused to meet`), or negated with `will`
  /// (`will not end the strike`). The refusal is then the event.
  func isRefusal(_ i: Int) -> Bool {
    // (`no one will be refused` refuses no one; it is no refusal either.)
    if hasNegativeSubject(i) { return false }
    if isNegatedByWord(i) {
      return children(of: i, .aux).contains { ["will", "wo"].contains(lemma($0)) }
    }
    guard deprel(i) == .xcomp, let governor = head(i), !isNegated(governor) else { return false }
    return ["refuse", "decline", "reject"].contains(lemma(governor))
  }

  /// Whether token `i` is what its speaker says they would or will do (`Russia said it
  /// would retaliate`): a commitment, not a mere possibility.
  func isCommitment(_ i: Int) -> Bool {
    guard deprel(i) == .ccomp, let verb = head(i),
      ["say", "warn", "announce", "vow", "declare", "insist", "tell", "state", "threaten"]
        .contains(lemma(verb))
    else { return false }
    let modal = children(of: i).contains {
      deprel($0) == .aux && ["would", "will", "'ll"].contains(lemma($0))
    }
    let subjects = children(of: i, .nsubj)
    let pronouns: Set<String> = ["it", "they", "we", "he", "she", "i"]
    let pronoun = subjects.allSatisfy { pronouns.contains(lemma($0)) }
    return modal && pronoun
  }

  /// The mode token `i` gets from its own dependents: modals, `if`, `potential`.
  private func localMode(of i: Int) -> EventMode? {
    for child in children(of: i) {
      let word = lemma(child)
      let relation = deprel(child)
      if relation == .aux && Self.hypotheticalModals.contains(word) { return .hypothetical }
      if relation == .mark && Self.conditionals.contains(word) { return .hypothetical }
      if relation == .amod && Self.hypotheticalAdjectives.contains(word) { return .hypothetical }
      if relation == .amod && Self.intentAdjectives.contains(word) { return .intended }
      if relation == .aux && Self.futureModals.contains(word) { return .intended }
    }
    // A relative clause of a possible thing is possible (`a potential exchange where ...`).
    if deprel(i) == .aclRelcl, let noun = head(i),
      children(of: noun, .amod).contains(where: { Self.hypotheticalAdjectives.contains(lemma($0)) }
      )
    {
      return .hypothetical
    }
    return nil
  }
}
