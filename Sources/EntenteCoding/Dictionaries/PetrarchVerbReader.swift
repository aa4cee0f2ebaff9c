import Foundation

/// Reads PETRARCH verb dictionaries into an ``EventLexicon``, for PETRARCH compatibility:
/// PETRARCH-2's CAMEO.2.0 syntax (docs/petrarch-formats.md §2) and the PETRARCH-1 (TABARI)
/// syntax of `PETR.Validate.verbs.txt`, told apart by the `####### VERB PATTERNS` line that
/// only the first has.
///
/// What is read: synonym sets (`&NAME` / `+member`, anywhere in a PETRARCH-1 file), verb
/// blocks (`--- NAME [CODE] ---`) with their verbs (`WORD {FORMS} [CODE]`, `+CALL_OFF` with a
/// particle) and patterns. After `*`, a pattern's first noun becomes an object condition
/// (with the words before it in `{NEW PROTOCOL}` as modifiers), its first preposition a
/// preposition condition with the noun after it, and `+` or `$` after a preposition says
/// the target or the source is there. Words before `*` must occur just before the verb; a
/// negation among them makes the negation the event (`- NOT * POSITION`), and a `+` alone
/// before `*` with a `$` after it makes the subject the target. Paired codes (`[043:042]`)
/// give the second code to the reverse event. Not read: `%` (compound) markers and
/// transformations (`~`); each skipped pattern is counted.
public enum PetrarchVerbReader {
  /// What was read.
  public struct Summary: Sendable, Equatable {
    /// Verb lemmas with a code.
    public var verbs = 0
    /// Patterns turned into rules.
    public var patterns = 0
    /// Patterns not read (subject side, markers, unknown synonym sets).
    public var skipped = 0
  }

  /// Reads a verb dictionary file.
  ///
  /// - Throws: ``DictionaryIssue`` when the file cannot be read or has no verb blocks.
  public static func read(path: String) throws(DictionaryIssue) -> (EventLexicon, Summary) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DictionaryIssue(path: path, line: 0, "cannot be read")
    }
    let (lexicon, summary) = parse(
      String(decoding: data, as: UTF8.self), name: (path as NSString).lastPathComponent)
    guard summary.verbs > 0 else {
      throw DictionaryIssue(
        path: path, line: 0,
        "has no verb blocks ('--- NAME [CODE] ---' lines, each followed by its verbs and patterns)"
      )
    }
    return (lexicon, summary)
  }

  /// Parses verb dictionary text.
  public static func parse(_ text: String, name: String) -> (EventLexicon, Summary) {
    var synsets: [String: [String]] = [:]
    var currentSet: String?
    // PETRARCH-1 files have no section line: patterns start with the first verb block, and
    // synonym sets may come between blocks.
    let sectioned = text.contains("####### VERB PATTERNS")
    var inPatterns = false
    var summary = Summary()
    var rules: [EventRule] = []
    var blockCode: String?
    var blockVerbs: [(lemma: String, particle: String?, code: String?)] = []
    var blockPatterns: [EventRule] = []

    func flush() {
      for verb in blockVerbs {
        if let code = verb.code ?? blockCode, !code.hasPrefix("---") {
          var rule = EventRule(code: code, lemma: verb.lemma, origin: "\(name) \(verb.lemma)")
          rule.particle = verb.particle
          rule.needsKnownActors = true
          Self.split(&rule)
          rules.append(rule)
        }
        for pattern in blockPatterns {
          var rule = pattern
          rule.lemma = verb.lemma
          rule.particle = verb.particle
          rules.append(rule)
        }
      }
      blockVerbs = []
      blockPatterns = []
    }

    // Lines end in LF or CRLF (Swift reads CRLF as one character, which `isNewline` sees).
    for (number, rawLine) in text.split(
      omittingEmptySubsequences: false, whereSeparator: \.isNewline
    )
    .enumerated() {
      let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
        .trimmingCharacters(in: .whitespaces)
      if rawLine.hasPrefix("####### VERB PATTERNS") {
        inPatterns = true
        continue
      }
      if !sectioned && line.hasPrefix("---") { inPatterns = true }
      guard !line.isEmpty, !line.hasPrefix("<!") else {
        currentSet = nil
        continue
      }
      if line.hasPrefix("&") && (!inPatterns || !sectioned) {
        currentSet = String(line.split(separator: " ")[0])
        synsets[currentSet ?? "", default: []] = []
        continue
      }
      if line.hasPrefix("+"), let set = currentSet {
        // Multi-word members (`CEASE_FIRE`, `DID N'T`) keep their last word, the head.
        let member = line.dropFirst().replacingOccurrences(of: " ", with: "_")
        let head = member.split(separator: "_").last.map(String.init) ?? ""
        if !head.isEmpty { synsets[set, default: []].append(head.lowercased()) }
        continue
      }
      currentSet = nil
      guard inPatterns else { continue }
      if line.hasPrefix("~") { continue }
      if line.hasPrefix("---") {
        flush()
        let fields = line.split(whereSeparator: \.isWhitespace)
        let code = fields.first { $0.hasPrefix("[") }.map {
          String($0.dropFirst().prefix { $0 != "]" })
        }
        blockCode = code == "---" ? nil : code
        continue
      }
      if line.hasPrefix("-") {
        // `[---]` codes nothing.
        guard let rule = pattern(line, synsets: synsets, origin: "\(name):\(number + 1)"),
          rule.allSatisfy({ !$0.code.hasPrefix("---") })
        else {
          summary.skipped += 1
          continue
        }
        blockPatterns.append(contentsOf: rule)
        summary.patterns += 1
        continue
      }
      // A verb line: `WORD {FORMS} [CODE]`, `+CALL_OFF`, `KLM_NOP_+RST [002]`.
      let fields = line.split(whereSeparator: \.isWhitespace)
      guard let word = fields.first else { continue }
      var lemma = String(word).lowercased()
      var particle: String?
      if lemma.contains("_") {
        let parts = lemma.split(separator: "_").map(String.init)
        // `_` alone, or underscores only: no verb.
        guard !parts.isEmpty else { continue }
        let verbIndex = parts.firstIndex { $0.hasPrefix("+") } ?? 0
        lemma = String(parts[verbIndex].drop { $0 == "+" })
        if verbIndex + 1 < parts.count { particle = parts[verbIndex + 1] }
      }
      lemma = String(lemma.drop { $0 == "+" })
      let code = fields.first { $0.hasPrefix("[") }.map {
        String($0.dropFirst().prefix { $0 != "]" })
      }
      guard !lemma.isEmpty else { continue }
      blockVerbs.append((lemma, particle, code))
      summary.verbs += 1
    }
    flush()
    return (EventLexicon(rules: rules), summary)
  }

  /// Splits a paired code (`043:042`) into the code and the reverse event's code.
  ///
  /// A code with only its reverse (`[:026]` after `received an invitation`) makes only the
  /// reverse event: the target invited the subject.
  private static func split(_ rule: inout EventRule) {
    let parts = rule.code.split(separator: ":", omittingEmptySubsequences: false).map(
      String.init)
    if parts.count > 1, parts[0].isEmpty {
      rule.code = parts[1]
      rule.reverse = true
      return
    }
    rule.code = parts.first ?? rule.code
    if parts.count > 1, parts[1] != "---" { rule.pairedCode = parts[1] }
  }

  /// Prepositions, which start a prepositional condition in an unbracketed pattern.
  private static let prepositions: Set<String> = [
    "about", "across", "after", "against", "among", "at", "before", "between", "by", "during",
    "for", "from", "in", "into", "of", "on", "over", "through", "to", "toward", "towards", "under",
    "upon", "with", "within", "without",
  ]

  /// Words before `*` that make the negation the event.
  private static let negations: Set<String> = ["not", "n't", "never", "no", "neither"]

  /// The rules of one pattern line, or `nil` when it cannot be read.
  private static func pattern(_ line: String, synsets: [String: [String]], origin: String)
    -> [EventRule]?
  {
    // `- WORDS * WORDS [CODE]`: the star after the leading dash and before the code.
    guard let star = line.firstIndex(of: "*"), star > line.startIndex,
      let open = line.lastIndex(of: "["), star < open,
      let close = line.lastIndex(of: "]"), open < close
    else { return nil }
    var rule = EventRule(
      code: String(line[line.index(after: open)..<close]), lemma: "", origin: origin)
    rule.needsKnownSource = true
    split(&rule)
    // Before `*`: words that must come just before the verb, or `+` (the subject is the
    // target, with `$` after the verb).
    let pre = line[line.index(after: line.startIndex)..<star]
      .split(whereSeparator: { $0.isWhitespace || $0 == "_" })
    var subjectIsTarget = false
    for word in pre {
      switch word {
      case "+": subjectIsTarget = true
      case "$", "^": continue
      case "%": return nil
      default:
        guard let words = expand(String(word), synsets: synsets, plural: false) else {
          return nil
        }
        if !Set(words).isDisjoint(with: negations) {
          rule.negated = true
        } else {
          rule.wordsBefore.append(Set(words))
        }
      }
    }
    // After `*`: WORD, WORD_WORD, {MOD HEAD}, (PREP NOUN ...), &SET, ^, $, +.
    var elements: [Substring] = []
    var rest = line[line.index(after: star)..<open]
    while let first = rest.first(where: { !$0.isWhitespace }) {
      rest = rest.drop { $0.isWhitespace }
      if first == "(" || first == "{" {
        guard let end = rest.firstIndex(of: first == "(" ? ")" : "}") else { return nil }
        elements.append(rest[...end])
        rest = rest[rest.index(after: end)...]
      } else {
        let word = rest.prefix { !$0.isWhitespace }
        rest = rest.dropFirst(word.count)
        elements.append(contentsOf: word.split(separator: "_"))
      }
    }
    var objects: [String] = []
    var index = 0
    while index < elements.count {
      let element = elements[index]
      index += 1
      if element.hasPrefix("(") {
        let words = element.dropFirst().dropLast().split(whereSeparator: \.isWhitespace)
        guard rule.preposition == nil, let preposition = words.first else { continue }
        rule.preposition = preposition.lowercased()
        if words.count > 1 {
          guard let nouns = expand(String(words[words.count - 1]), synsets: synsets) else {
            return nil
          }
          rule.prepositionObjects = Set(nouns)
        }
      } else if element.hasPrefix("{") {
        let words = element.dropFirst().dropLast().split(whereSeparator: \.isWhitespace)
        guard objects.isEmpty, let head = words.last else { continue }
        guard let nouns = expand(String(head), synsets: synsets) else { return nil }
        objects = nouns
        for modifier in words.dropLast() {
          guard let alternatives = expand(String(modifier), synsets: synsets, plural: false) else {
            return nil
          }
          rule.objectModifiers.append(Set(alternatives))
        }
      } else if element == "%" {
        return nil
      } else if element == "^" {
        continue
      } else if element == "+" || element == "$" {
        // Right after the verb, `+` is its object; after a preposition, that phrase.
        if element == "$" {
          guard subjectIsTarget, rule.preposition != nil else { return nil }
          rule.reverse = true
        }
        rule.target = rule.preposition == nil ? .object : .preposition
      } else if prepositions.contains(element.lowercased()), rule.preposition == nil {
        rule.preposition = element.lowercased()
        // The noun after it, skipping `^`, is the preposition's object.
        while index < elements.count && elements[index] == "^" { index += 1 }
        if index < elements.count, !["+", "$", "%"].contains(elements[index]),
          !elements[index].hasPrefix("("), !elements[index].hasPrefix("{")
        {
          guard let nouns = expand(String(elements[index]), synsets: synsets) else { return nil }
          rule.prepositionObjects = Set(nouns)
          index += 1
        }
      } else if objects.isEmpty, rule.preposition == nil {
        guard let nouns = expand(String(element), synsets: synsets) else { return nil }
        objects = nouns
      }
    }
    if subjectIsTarget && !rule.reverse { return nil }
    rule.objects = Set(objects)
    return [rule]
  }

  /// A pattern word as lemmas: a synonym set's members, or the word and its singular.
  private static func expand(_ word: String, synsets: [String: [String]], plural: Bool = true)
    -> [String]?
  {
    if word.hasPrefix("&") {
      guard let members = synsets[word] else { return nil }
      return members
    }
    let lower = word.lowercased()
    guard !lower.contains("_") else { return nil }
    return plural && lower.hasSuffix("s") && lower.count > 3
      ? [lower, String(lower.dropLast())] : [lower]
  }
}
