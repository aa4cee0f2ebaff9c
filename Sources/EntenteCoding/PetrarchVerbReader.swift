import Foundation

/// Reads PETRARCH-2 verb dictionaries (CAMEO.2.0 syntax, docs/petrarch-formats.md §2) into
/// an ``EventLexicon``, for PETRARCH compatibility.
///
/// What is read: synonym sets (`&NAME` / `+member`), verb blocks (`--- NAME [CODE] ---`) with
/// their verbs (`WORD {FORMS} [CODE]`, `+CALL_OFF` with a particle) and patterns whose
/// subject side is empty (`- * POST [CODE]`). A pattern's first noun becomes an object
/// condition and its first prepositional phrase a preposition condition; a synonym set
/// becomes several nouns. Paired codes (`[043:042]`) give the second code to the reverse
/// event. Not read: patterns with words before `*` (they test the subject), `$`, `+` and `%`
/// markers, and transformations (`~`); each skipped pattern is counted.
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
        "has no verb blocks in CAMEO.2.0 syntax (a '####### VERB PATTERNS' line, then '--- NAME [CODE] ---' blocks)"
      )
    }
    return (lexicon, summary)
  }

  /// Parses verb dictionary text.
  public static func parse(_ text: String, name: String) -> (EventLexicon, Summary) {
    var synsets: [String: [String]] = [:]
    var currentSet: String?
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
      guard !line.isEmpty, !line.hasPrefix("<!") else { continue }
      if !inPatterns {
        if line.hasPrefix("&") {
          currentSet = String(line.split(separator: " ")[0])
          synsets[currentSet ?? "", default: []] = []
        } else if line.hasPrefix("+"), let set = currentSet {
          let member = line.dropFirst().split(separator: " ")[0]
          // Multi-word members (`CEASE_FIRE`) keep their last word, the head.
          let head = member.split(separator: "_").last.map(String.init) ?? ""
          if !head.isEmpty { synsets[set, default: []].append(head.lowercased()) }
        }
        continue
      }
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
  private static func split(_ rule: inout EventRule) {
    let parts = rule.code.split(separator: ":").map(String.init)
    rule.code = parts.first ?? rule.code
    if parts.count > 1, parts[1] != "---" { rule.pairedCode = parts[1] }
  }

  /// The rules of one pattern line, or `nil` when it cannot be read.
  private static func pattern(_ line: String, synsets: [String: [String]], origin: String)
    -> [EventRule]?
  {
    guard let star = line.firstIndex(of: "*"), let open = line.lastIndex(of: "["),
      let close = line.lastIndex(of: "]"), open < close
    else { return nil }
    let pre = line[line.index(after: line.startIndex)..<star].trimmingCharacters(in: .whitespaces)
    guard pre.isEmpty else { return nil }
    let post = String(line[line.index(after: star)..<open])
    guard !post.contains("$"), !post.contains("+"), !post.contains("%") else { return nil }
    var rule = EventRule(
      code: String(line[line.index(after: open)..<close]), lemma: "", origin: origin)
    split(&rule)
    // Elements: WORD, {MOD HEAD}, (PREP NOUN ...), &SET, ^.
    var objects: [String] = []
    var rest = Substring(post)
    while let first = rest.first(where: { !$0.isWhitespace }) {
      rest = rest.drop { $0.isWhitespace }
      if first == "(" {
        guard let end = rest.firstIndex(of: ")") else { return nil }
        let words = rest[rest.index(after: rest.startIndex)..<end].split(
          whereSeparator: \.isWhitespace)
        rest = rest[rest.index(after: end)...]
        guard rule.preposition == nil, let preposition = words.first else { continue }
        rule.preposition = preposition.lowercased()
        if words.count > 1 {
          guard let nouns = expand(String(words[words.count - 1]), synsets: synsets) else {
            return nil
          }
          rule.prepositionObjects = Set(nouns)
        }
      } else if first == "{" {
        guard let end = rest.firstIndex(of: "}") else { return nil }
        let words = rest[rest.index(after: rest.startIndex)..<end].split(
          whereSeparator: \.isWhitespace)
        rest = rest[rest.index(after: end)...]
        guard objects.isEmpty, let head = words.last else { continue }
        guard let nouns = expand(String(head), synsets: synsets) else { return nil }
        objects = nouns
        for modifier in words.dropLast() {
          guard let alternatives = expand(String(modifier), synsets: synsets, plural: false) else {
            return nil
          }
          rule.objectModifiers.append(Set(alternatives))
        }
      } else {
        let word = rest.prefix { !$0.isWhitespace }
        rest = rest.dropFirst(word.count)
        guard word != "^", objects.isEmpty else { continue }
        guard let nouns = expand(String(word), synsets: synsets) else { return nil }
        objects = nouns
      }
    }
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
