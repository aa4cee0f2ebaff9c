import Foundation

/// Where an event's target comes from.
public enum TargetSource: String, Sendable {
  /// The direct object if it is an actor, else the first actor after a target preposition.
  case auto
  /// The direct object only.
  case object = "obj"
  /// The object of the rule's preposition only.
  case preposition = "prep"
  /// The subject of the clause the rule's `clause=` condition found (`said Y must leave`).
  case clause
  /// No target (`declined to comment`).
  case none
}

/// One rule of the event lexicon: a trigger word with conditions, and the CAMEO code it gives.
public struct EventRule: Sendable, Equatable {
  /// The code of a rule that codes nothing (`--- lead prep=to`: a cause, no event).
  public static let noEvent = "---"

  /// The CAMEO code, or ``noEvent``.
  public var code: String
  /// The trigger's lemma, lower case.
  public var lemma: String
  /// A particle the verb must have (`carry out`, `call off`), or for a noun the compound it
  /// must have (`hunger strike`).
  public var particle: String?
  /// Whether the trigger is a noun (`visit/n`) rather than a verb.
  public var isNoun = false
  /// Lemmas one of which the object must have (for a noun: its `of` complement or compound).
  public var objects: Set<String> = []
  /// Words before the object in its phrase, one of each set (PETRARCH's `{NEW PROTOCOL}`
  /// needs `new` before `protocol`).
  public var objectModifiers: [Set<String>] = []
  /// Words before the trigger, one of each set, within a few words of it (PETRARCH patterns
  /// with words before `*`: `- RECENTLY * [025]`).
  public var wordsBefore: [Set<String>] = []
  /// A preposition the trigger must govern (`warn against`).
  public var preposition: String?
  /// Lemmas one of which the preposition's object must have.
  public var prepositionObjects: Set<String> = []
  /// Modals one of which a clause the trigger governs must have (`said that Y must leave`:
  /// `must`; `has to`, `needs to`: `have`, `need`).
  public var clauseModals: Set<String> = []
  /// Where the target comes from.
  public var target = TargetSource.auto
  /// Whether the event goes both ways between coordinated actors (`X and Y signed`).
  public var reciprocal = false
  /// The code when the event is only intended, if not the ontology's default.
  public var intentCode: String?
  /// Whether the trigger must be negated, the negation being the event itself (`has not
  /// commented` is declining to comment).
  public var negated = false
  /// For PETRARCH's paired codes (`[043:042]`), the code of the reverse event, target to
  /// source.
  public var pairedCode: String?
  /// Whether the subject is who is acted on and the target who acts (`received weapons from
  /// X` is X providing them).
  public var reverse = false
  /// Whether the rule codes only between actors a dictionary knows: a verb's code in a
  /// PETRARCH dictionary with no pattern (`TAKE [171]`, `DIE [190]`), which PETRARCH applies
  /// only between coded actors and which says nothing of what `people take` or `she died`.
  public var needsKnownActors = false
  /// Whether the rule codes only with a source a dictionary knows: a PETRARCH pattern, which
  /// PETRARCH applies between coded actors (`we came to the United States` is no meeting).
  public var needsKnownSource = false
  /// The file and line the rule comes from, for explanations.
  public var origin: String

  /// How many conditions the rule has: the most specific rule that matches wins.
  var specificity: Int {
    (objects.isEmpty ? 0 : 2) + objectModifiers.count + 2 * wordsBefore.count
      + (preposition == nil ? 0 : 2)
      + (prepositionObjects.isEmpty ? 0 : 1)
      + (particle == nil ? 0 : 2) + (negated ? 2 : 0) + (clauseModals.isEmpty ? 0 : 2)
  }
}

/// Entente's event lexicon: rules keyed by trigger lemma, in the format of docs/events.md.
public struct EventLexicon: Sendable {
  /// Rules by trigger lemma, verbs.
  public private(set) var verbRules: [String: [EventRule]] = [:]
  /// Rules by trigger lemma, nouns.
  public private(set) var nounRules: [String: [EventRule]] = [:]
  /// The number of lines read as rules.
  public private(set) var ruleCount = 0
  /// Rules heard only when none of a trigger's own rules matches: another lexicon's, for
  /// triggers this one also has (see ``merged(beneath:)``).
  public private(set) var fallbackVerbRules: [String: [EventRule]] = [:]
  /// The same for nouns.
  public private(set) var fallbackNounRules: [String: [EventRule]] = [:]

  /// Creates an empty lexicon.
  public init() {}

  /// Every rule, verbs then nouns.
  public var rules: [EventRule] {
    verbRules.values.flatMap { $0 } + nounRules.values.flatMap { $0 }
  }

  /// This lexicon with `other`'s rules added.
  public func merged(with other: EventLexicon) -> EventLexicon {
    EventLexicon(rules: rules + other.rules)
  }

  /// This lexicon with `other`'s rules beneath it.
  ///
  /// For a verb or noun this lexicon has no rules for, `other`'s; for one it has, `other`'s
  /// rules are heard only when none of this one's matches. Where both speak, this one is
  /// heard.
  public func merged(beneath other: EventLexicon) -> EventLexicon {
    var result = self
    for (lemma, rules) in other.verbRules {
      if result.verbRules[lemma] == nil {
        result.verbRules[lemma] = rules
      } else {
        result.fallbackVerbRules[lemma, default: []] += rules
      }
      result.ruleCount += rules.count
    }
    for (lemma, rules) in other.nounRules {
      if result.nounRules[lemma] == nil {
        result.nounRules[lemma] = rules
      } else {
        result.fallbackNounRules[lemma, default: []] += rules
      }
      result.ruleCount += rules.count
    }
    return result
  }

  /// A lexicon of the given rules (read from another format, such as PETRARCH's).
  public init(rules: [EventRule]) {
    for rule in rules {
      if rule.isNoun {
        nounRules[rule.lemma, default: []].append(rule)
      } else {
        verbRules[rule.lemma, default: []].append(rule)
      }
    }
    ruleCount = rules.count
  }

  /// Parses lexicon text: `CODE  TRIGGER  [CONDITIONS]` lines.
  ///
  /// - Parameters:
  ///   - text: The lexicon.
  ///   - path: The file name, for messages and rule origins.
  ///   - ontology: The codes rules may use.
  /// - Returns: The lexicon and the lines that could not be read (each is skipped).
  public static func parse(_ text: String, path: String, ontology: EventOntology) -> (
    EventLexicon, [DictionaryIssue]
  ) {
    var lexicon = EventLexicon()
    var issues: [DictionaryIssue] = []
    let name = (path as NSString).lastPathComponent
    for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
      guard !fields.isEmpty else { continue }
      do throws(DictionaryIssue) {
        let rules = try parseRule(
          fields, origin: "\(name):\(number + 1)", ontology: ontology, path: path, line: number + 1)
        for rule in rules {
          if rule.isNoun {
            lexicon.nounRules[rule.lemma, default: []].append(rule)
          } else {
            lexicon.verbRules[rule.lemma, default: []].append(rule)
          }
        }
        lexicon.ruleCount += 1
      } catch {
        issues.append(error)
      }
    }
    return (lexicon, issues)
  }

  private static func parseRule(
    _ fields: [String], origin: String, ontology: EventOntology, path: String, line: Int
  ) throws(DictionaryIssue) -> [EventRule] {
    func fail(_ message: String) -> DictionaryIssue {
      DictionaryIssue(path: path, line: line, message)
    }
    guard fields.count >= 2 else { throw fail("expected a CAMEO code and a trigger") }
    // `---` codes nothing: a phrase that is no event, whatever other rules say of its words.
    guard fields[0] == EventRule.noEvent || ontology[fields[0]] != nil else {
      throw fail("unknown CAMEO code '\(fields[0])'")
    }
    var trigger = fields[1].lowercased()
    // `visit/n` or `visit/n|trip/n`: nouns; every lemma of a rule is of one kind.
    let isNoun = trigger.hasSuffix("/n")
    if isNoun {
      let pieces = trigger.split(separator: "|")
      guard pieces.allSatisfy({ $0.hasSuffix("/n") }) else {
        throw fail("mixed nouns and verbs in '\(fields[1])': write /n on every lemma or none")
      }
      trigger = pieces.map { String($0.dropLast(2)) }.joined(separator: "|")
    }
    // Each lemma may have its own particle: `appeal|call+on|urge`.
    var lemmas: [(lemma: String, particle: String?)] = []
    for piece in trigger.split(separator: "|", omittingEmptySubsequences: false) {
      let parts = piece.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
      guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && !$0.contains("/") })
      else { throw fail("malformed trigger '\(fields[1])'") }
      lemmas.append((parts[0], parts.count == 2 ? parts[1] : nil))
    }
    var template = EventRule(code: fields[0], lemma: "", origin: origin)
    template.isNoun = isNoun
    for condition in fields.dropFirst(2) {
      let parts = condition.split(separator: "=", maxSplits: 1).map(String.init)
      let key = parts[0]
      let value = parts.count > 1 ? parts[1].lowercased() : nil
      func words() throws(DictionaryIssue) -> Set<String> {
        guard let value, !value.isEmpty else { throw fail("'\(key)=' needs words") }
        return Set(value.split(separator: "|").map(String.init))
      }
      switch key {
      case "obj": template.objects = try words()
      case "prep":
        guard let value, !value.isEmpty, !value.contains("|") else {
          throw fail("'prep=' needs one preposition")
        }
        template.preposition = value
      case "pobj": template.prepositionObjects = try words()
      case "clause": template.clauseModals = try words()
      case "target":
        guard let value, let target = TargetSource(rawValue: value) else {
          throw fail("'target=' must be auto, obj, prep, clause or none")
        }
        template.target = target
      case "reciprocal":
        guard value == nil else { throw fail("'reciprocal' takes no value") }
        template.reciprocal = true
      case "neg":
        guard value == nil else { throw fail("'neg' takes no value") }
        template.negated = true
      case "reverse":
        guard value == nil else { throw fail("'reverse' takes no value") }
        template.reverse = true
      case "intent":
        guard let value, ontology[value] != nil else {
          throw fail("'intent=' needs a known CAMEO code")
        }
        template.intentCode = value
      default:
        throw fail(
          "unknown condition '\(condition)' (obj=, prep=, pobj=, clause=, target=, reciprocal, neg, intent=)"
        )
      }
    }
    if !template.prepositionObjects.isEmpty && template.preposition == nil {
      throw fail("'pobj=' needs 'prep='")
    }
    if template.target == .preposition && template.preposition == nil {
      throw fail("'target=prep' needs 'prep='")
    }
    if template.target == .clause && template.clauseModals.isEmpty {
      throw fail("'target=clause' needs 'clause='")
    }
    return lemmas.map { piece in
      var rule = template
      if isNoun, let head = piece.particle {
        // A noun written `hunger+strike/n` is the noun `strike` with the compound `hunger`.
        rule.lemma = head
        rule.particle = piece.lemma
      } else {
        rule.lemma = piece.lemma
        rule.particle = piece.particle
      }
      return rule
    }
  }

  /// The lexicon shipped with Entente.
  ///
  /// - Returns: The lexicon and the lines that could not be read.
  /// - Throws: ``DictionaryIssue`` when the file is missing.
  public static func bundled(ontology: EventOntology) throws(DictionaryIssue) -> (
    EventLexicon, [DictionaryIssue]
  ) {
    guard
      let path = Bundle.module.path(forResource: "events", ofType: "tsv", inDirectory: "Lexicon"),
      let data = FileManager.default.contents(atPath: path)
    else { throw DictionaryIssue(path: "Lexicon/events.tsv", line: 0, "is not installed") }
    return parse(String(decoding: data, as: UTF8.self), path: path, ontology: ontology)
  }

  /// Reads a lexicon file.
  ///
  /// - Throws: ``DictionaryIssue`` when the file cannot be read at all.
  public static func read(path: String, ontology: EventOntology) throws(DictionaryIssue) -> (
    EventLexicon, [DictionaryIssue]
  ) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DictionaryIssue(path: path, line: 0, "cannot be read")
    }
    return parse(String(decoding: data, as: UTF8.self), path: path, ontology: ontology)
  }
}
