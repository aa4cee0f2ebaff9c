import Foundation

/// Reads the actor and agent dictionaries of PETRARCH and TABARI (format notes in
/// `../shared/docs/petrarch-formats.md`), so that users can bring the dictionaries they
/// already have.
///
/// Differences from PETRARCH-2, each a fix of behaviour its own files' comments describe
/// otherwise: the last entry of a file is kept; a code group written on the base line may
/// carry any date restriction (`NAME [X > 950101]`); an undated code is the default used
/// when no dated code applies; a single bare date means "from that day on". Every line that
/// cannot be read is reported with its file and line, and the rest of the file still loads.
public enum PetrarchDictionaryReader {
  /// The meaningful lines of a dictionary file, with their 1-based numbers: comments (`#` to
  /// the end of the line, `<!-- ... -->` on one or more lines) and blank lines removed.
  static func lines(of text: String) -> [(Int, Substring)] {
    var result: [(Int, Substring)] = []
    var inComment = false
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var line = raw.hasSuffix("\r") ? raw.dropLast() : raw
      if inComment {
        guard let close = line.range(of: "-->") else { continue }
        inComment = false
        line = line[close.upperBound...]
      }
      if let open = line.range(of: "<!--") {
        if let close = line[open.upperBound...].range(of: "-->") {
          line = line[..<open.lowerBound] + line[close.upperBound...]
        } else {
          inComment = true
          line = line[..<open.lowerBound]
        }
      }
      if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("<!") { continue }
      result.append((index + 1, Substring(trimmed)))
    }
    return result
  }

  /// The text of the file at `path`.
  static func text(at path: String) throws(DictionaryIssue) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DictionaryIssue(path: path, line: 0, "cannot be read")
    }
    return String(decoding: data, as: UTF8.self)
  }

  // MARK: Actors

  /// Reads an actor dictionary file.
  ///
  /// - Returns: The dictionary and the issues found (each entry with an issue is skipped or
  ///   loaded without the unreadable part).
  /// - Throws: ``DictionaryIssue`` only when the file cannot be read at all.
  public static func readActors(path: String) throws(DictionaryIssue) -> (
    ActorDictionary, [DictionaryIssue]
  ) {
    parseActors(try text(at: path), path: path)
  }

  /// Parses actor dictionary text.
  public static func parseActors(_ text: String, path: String) -> (
    ActorDictionary, [DictionaryIssue]
  ) {
    var dictionary = ActorDictionary()
    var issues: [DictionaryIssue] = []
    var phrases: [String] = []
    var groups: [CodeGroup] = []
    func flush() {
      if !phrases.isEmpty { dictionary.add(phrases: phrases, groups: groups) }
      phrases = []
      groups = []
    }
    for (number, line) in lines(of: text) {
      if line.hasPrefix("+") {
        guard !phrases.isEmpty else {
          issues.append(DictionaryIssue(path: path, line: number, "synonym before any actor"))
          continue
        }
        let phrase = ActorDictionary.normalize(line.dropFirst())
        if phrase.isEmpty {
          issues.append(DictionaryIssue(path: path, line: number, "empty synonym"))
        } else {
          phrases.append(phrase)
        }
      } else if line.hasPrefix("[") {
        guard !phrases.isEmpty else {
          issues.append(DictionaryIssue(path: path, line: number, "code before any actor"))
          continue
        }
        let (parsed, problem) = codeGroups(line)
        groups += parsed
        if let problem { issues.append(DictionaryIssue(path: path, line: number, problem.text)) }
      } else {
        flush()
        let phrasePart = line.firstIndex(of: "[").map { line[..<$0] } ?? line
        let phrase = ActorDictionary.normalize(phrasePart)
        guard !phrase.isEmpty else {
          issues.append(DictionaryIssue(path: path, line: number, "actor line without a phrase"))
          continue
        }
        phrases = [phrase]
        if let open = line.firstIndex(of: "[") {
          let (parsed, problem) = codeGroups(line[open...])
          groups = parsed
          if let problem { issues.append(DictionaryIssue(path: path, line: number, problem.text)) }
        }
      }
    }
    flush()
    return (dictionary, issues)
  }

  /// The `[CODE dates]` groups of `text`, which holds nothing else; text after the last
  /// group is reported but does not lose the codes before it.
  static func codeGroups(_ text: Substring) -> (
    groups: [CodeGroup], problem: DictionaryIssueMessage?
  ) {
    var groups: [CodeGroup] = []
    var rest = text[...]
    while let open = rest.firstIndex(of: "[") {
      guard rest[..<open].allSatisfy(\.isWhitespace) else {
        return (groups, DictionaryIssueMessage("unexpected text '\(rest[..<open])' before a code"))
      }
      guard let close = rest[open...].firstIndex(of: "]") else {
        return (groups, DictionaryIssueMessage("'[' without ']'"))
      }
      let inside = rest[rest.index(after: open)..<close]
      switch codeGroup(inside) {
      case .success(let group): groups.append(group)
      case .failure(let message): return (groups, message)
      }
      rest = rest[rest.index(after: close)...]
    }
    guard rest.allSatisfy(\.isWhitespace) else {
      return (
        groups,
        DictionaryIssueMessage("unexpected text '\(rest)' after the codes (the codes are kept)")
      )
    }
    return (groups, nil)
  }

  /// One group: `CODE`, `CODE <D`, `CODE >D`, `CODE D1-D2` or `CODE D`.
  static func codeGroup(_ inside: Substring) -> Result<CodeGroup, DictionaryIssueMessage> {
    let tokens = inside.split(whereSeparator: \.isWhitespace)
    guard let code = tokens.first else {
      return .failure(DictionaryIssueMessage("empty code '[]'"))
    }
    let spec = tokens.dropFirst().joined()
    if spec.isEmpty { return .success(CodeGroup(code: String(code))) }
    func date(_ text: Substring) -> DayDate? { DayDate(petrarch: text) }
    let restriction: DateRestriction?
    if spec.hasPrefix("<") {
      restriction = date(spec.dropFirst()[...]).map { .before($0) }
    } else if spec.hasPrefix(">") {
      restriction = date(spec.dropFirst()[...]).map { .from($0) }
    } else if let dash = spec.firstIndex(of: "-") {
      if let start = date(spec[..<dash]), let end = date(spec[spec.index(after: dash)...]) {
        restriction = .between(start, end)
      } else {
        restriction = nil
      }
    } else {
      restriction = date(spec[...]).map { .from($0) }
    }
    guard let restriction else {
      return .failure(
        DictionaryIssueMessage("cannot read the date restriction '\(spec)' of \(code)"))
    }
    return .success(CodeGroup(code: String(code), restriction: restriction))
  }

  // MARK: Agents

  /// Reads an agent dictionary file.
  ///
  /// - Returns: The dictionary and the issues found.
  /// - Throws: ``DictionaryIssue`` only when the file cannot be read at all.
  public static func readAgents(path: String) throws(DictionaryIssue) -> (
    AgentDictionary, [DictionaryIssue]
  ) {
    parseAgents(try text(at: path), path: path)
  }

  /// Parses agent dictionary text: `PHRASE [{PLURAL}] [CODE]` lines and `!NAME! = a, b`
  /// substitution sets.
  public static func parseAgents(_ text: String, path: String) -> (
    AgentDictionary, [DictionaryIssue]
  ) {
    var dictionary = AgentDictionary()
    var issues: [DictionaryIssue] = []
    var sets: [String: [String]] = [:]
    for (number, line) in lines(of: text) {
      if line.contains("!") && line.contains("="), !line.contains("[") {
        let parts = line.split(separator: "=", maxSplits: 1)
        let name = parts[0].trimmingCharacters(in: .whitespaces)
        guard parts.count == 2, name.hasPrefix("!"), name.hasSuffix("!"), name.count > 2 else {
          issues.append(DictionaryIssue(path: path, line: number, "malformed substitution set"))
          continue
        }
        sets[name] = parts[1].split(separator: ",").map { ActorDictionary.normalize($0) }.filter {
          !$0.isEmpty
        }
        continue
      }
      guard let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]"), open < close
      else {
        issues.append(DictionaryIssue(path: path, line: number, "agent line without a [code]"))
        continue
      }
      let rawCode = line[line.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
      let code: AgentCode
      if rawCode.hasPrefix("~"), rawCode.count > 1 {
        code = AgentCode(code: String(rawCode.dropFirst()))
      } else if rawCode.hasSuffix("~"), rawCode.count > 1 {
        code = AgentCode(code: String(rawCode.dropLast()), isPrefix: true)
      } else {
        issues.append(
          DictionaryIssue(path: path, line: number, "agent code '\(rawCode)' has no '~'"))
        continue
      }
      var head = line[..<open]
      var plural: String?? = .none
      if let braceOpen = head.firstIndex(of: "{") {
        guard let braceClose = head.firstIndex(of: "}"), braceOpen < braceClose else {
          issues.append(DictionaryIssue(path: path, line: number, "'{' without '}'"))
          continue
        }
        let form = ActorDictionary.normalize(head[head.index(after: braceOpen)..<braceClose])
        plural = .some(form.isEmpty ? nil : form)
        head = head[..<braceOpen]
      }
      let phrase = ActorDictionary.normalize(head)
      guard !phrase.isEmpty else {
        issues.append(DictionaryIssue(path: path, line: number, "agent line without a phrase"))
        continue
      }
      dictionary.countLine()
      if let marker = sets.keys.first(where: { phrase.contains($0) }), let values = sets[marker] {
        for value in values {
          dictionary.add(
            ActorDictionary.normalize(phrase.replacingOccurrences(of: marker, with: value)), code)
        }
        continue
      }
      if phrase.contains("!") {
        issues.append(
          DictionaryIssue(path: path, line: number, "unknown substitution set in '\(phrase)'"))
        continue
      }
      dictionary.add(phrase, code)
      switch plural {
      case .none: dictionary.add(Self.plural(of: phrase), code)
      case .some(.some(let form)): dictionary.add(form, code)
      case .some(.none): break
      }
    }
    return (dictionary, issues)
  }

  /// PETRARCH's automatic plural of a phrase: `…Y` -> `…IES`, `…S` -> `…SES`, else `…S`.
  static func plural(of phrase: String) -> String {
    if phrase.hasSuffix("Y") { return phrase.dropLast() + "IES" }
    if phrase.hasSuffix("S") { return phrase + "ES" }
    return phrase + "S"
  }
}

/// The message of a problem on one line, before the line is known.
struct DictionaryIssueMessage: Error, Sendable, Equatable {
  /// What is wrong.
  var text: String

  init(_ text: String) { self.text = text }
}
