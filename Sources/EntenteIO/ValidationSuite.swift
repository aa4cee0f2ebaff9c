public import EntenteCoding
import EntenteNLP
import Foundation

/// One record of a PETRARCH validation file: a sentence and the events it must give.
public struct ValidationRecord: Sendable, Equatable {
  /// The record id (`DEMO-00`).
  public var id: String
  /// The category (`DEMO`, `SYNSET`, `DATE`, ...).
  public var category: String
  /// The document date.
  public var date: DayDate?
  /// The sentence.
  public var text: String
  /// The events expected, as `SOURCE>TARGET CODE`.
  public var expected: [String]
  /// Whether the record is to be run (PETRARCH's suite switches some off).
  public var active = true
  /// PETRARCH's `require_dyad` option: events need a source and a target to be counted.
  public var requiresDyad = true
}

/// What a validation file names besides its records: the dictionaries to code with.
public struct ValidationEnvironment: Sendable, Equatable {
  /// Actor dictionaries (paths resolved against the file's directory).
  public var actors: [String] = []
  /// Agent dictionaries.
  public var agents: [String] = []
  /// The verb dictionary PETRARCH would use (Entente codes with its own lexicon).
  public var verbs: String?
  /// The discard list.
  public var discards: String?
}

/// Reads PETRARCH validation records: the XML of `PETR.UnitTest.records.xml` or JSON Lines
/// with `id`, `date`, `category`, `text`, `expected` (`{source, target, code}`), `active`.
public enum ValidationReader {
  /// Reads a validation file.
  ///
  /// - Throws: ``InputError`` when the file cannot be read or has no records.
  public static func read(path: String) throws(InputError) -> (
    [ValidationRecord], ValidationEnvironment
  ) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw InputError(.unreadable, path: path, "cannot be read")
    }
    let text = String(decoding: data, as: UTF8.self)
    let directory = (path as NSString).deletingLastPathComponent
    let (records, environment) =
      path.hasSuffix(".jsonl") ? parseJSONLines(text) : parseXML(text, directory: directory)
    guard !records.isEmpty else {
      throw InputError(.missingField, path: path, "has no validation records")
    }
    var resolved = environment
    if path.hasSuffix(".jsonl") {
      // JSON Lines carry no environment: the suite's dictionaries beside the file, if any.
      for (name, isActor) in [
        ("PETR.Validate.actors.txt", true), ("PETR.Validate.agents.txt", false),
      ] {
        let candidate = (directory as NSString).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: candidate) else { continue }
        if isActor { resolved.actors.append(candidate) } else { resolved.agents.append(candidate) }
      }
      let discards = (directory as NSString).appendingPathComponent("PETR.Validate.discards.txt")
      if FileManager.default.fileExists(atPath: discards) { resolved.discards = discards }
    }
    return (records, resolved)
  }

  /// Parses the XML records format.
  static func parseXML(_ text: String, directory: String) -> (
    [ValidationRecord], ValidationEnvironment
  ) {
    var environment = ValidationEnvironment()
    func resolve(_ name: String) -> String {
      name.hasPrefix("/") ? name : (directory as NSString).appendingPathComponent(name)
    }
    if let verbs = element("Verbfile", in: text[...]) { environment.verbs = resolve(verbs) }
    if let actors = element("Actorfile", in: text[...]) { environment.actors = [resolve(actors)] }
    if let agents = element("Agentfile", in: text[...]) { environment.agents = [resolve(agents)] }
    if let discards = element("Discardfile", in: text[...]) {
      environment.discards = resolve(discards)
    }
    // Comments hold prose and commented-out elements (`<!--Stop></Stop-->`): drop them.
    var uncommented = ""
    var scan = text[...]
    while let open = scan.range(of: "<!--") {
      uncommented += scan[..<open.lowerBound]
      guard let close = scan.range(of: "-->", range: open.upperBound..<scan.endIndex) else {
        scan = scan[scan.endIndex...]
        break
      }
      scan = scan[close.upperBound...]
    }
    uncommented += scan
    // `<Include>` names the categories to run; `valid` keeps only sentence="true" records.
    let include = Set(
      (element("Include", in: uncommented[...]) ?? "").split(whereSeparator: \.isWhitespace).map(
        String.init))
    let exclude = Set(
      (element("Exclude", in: uncommented[...]) ?? "").split(whereSeparator: \.isWhitespace).map(
        String.init))
    var records: [ValidationRecord] = []
    // `<Stop>` ends the run.
    var rest = uncommented[...]
    if let stop = uncommented.range(of: "<Stop>") { rest = uncommented[..<stop.lowerBound] }
    // `<Config option="require_dyad" value="false">` holds for the records after it.
    var requiresDyad = true
    while let open = rest.range(of: "<Sentence ") {
      for config in Self.configs(in: rest[..<open.lowerBound]) where config.option == "require_dyad"
      {
        requiresDyad = config.value.lowercased() != "false"
      }
      guard let close = rest.range(of: "</Sentence>", range: open.upperBound..<rest.endIndex)
      else { break }
      let body = rest[open.lowerBound..<close.upperBound]
      rest = rest[close.upperBound...]
      guard let tagEnd = body.firstIndex(of: ">") else { continue }
      let attributes = Self.attributes(body[body.startIndex..<tagEnd])
      guard let id = attributes["id"], let sentence = element("Text", in: body) else { continue }
      var expected: [String] = []
      var scan = body
      while let coding = scan.range(of: "<EventCoding") {
        guard let end = scan[coding.upperBound...].firstIndex(of: ">") else { break }
        let fields = Self.attributes(scan[coding.upperBound..<end])
        if let source = fields["sourcecode"], let code = fields["eventcode"] {
          expected.append("\(source)>\(fields["targetcode"] ?? "---") \(code)")
        }
        scan = scan[end...]
      }
      let category = attributes["category"] ?? ""
      let active =
        (include.isEmpty || include.contains(category)) && !exclude.contains(category)
        && (!include.contains("valid") || attributes["sentence"] == "true")
        && !body.contains("<Skip")
      records.append(
        ValidationRecord(
          id: id, category: category,
          date: attributes["date"].flatMap { DayDate(petrarch: $0[...]) },
          text: unescape(sentence.split(whereSeparator: \.isNewline).joined(separator: " ")),
          expected: expected, active: active, requiresDyad: requiresDyad))
    }
    return (records, environment)
  }

  /// The `<Config option="..." value="...">` elements of a stretch of XML, in order.
  private static func configs(in text: Substring) -> [(option: String, value: String)] {
    var result: [(option: String, value: String)] = []
    var scan = text
    while let open = scan.range(of: "<Config ") {
      guard let end = scan[open.upperBound...].firstIndex(of: ">") else { break }
      let fields = attributes(scan[open.upperBound..<end])
      if let option = fields["option"], let value = fields["value"] {
        result.append((option, value))
      }
      scan = scan[end...]
    }
    return result
  }

  /// Parses the JSON Lines records format; malformed lines are skipped.
  static func parseJSONLines(_ text: String) -> ([ValidationRecord], ValidationEnvironment) {
    var records: [ValidationRecord] = []
    for line in text.split(separator: "\n") {
      guard
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let id = object["id"] as? String, let sentence = object["text"] as? String
      else { continue }
      let expected = (object["expected"] as? [[String: Any]] ?? []).compactMap {
        event -> String? in
        guard let source = event["source"] as? String, let code = event["code"] as? String else {
          return nil
        }
        return "\(source)>\(event["target"] as? String ?? "---") \(code)"
      }
      records.append(
        ValidationRecord(
          id: id, category: object["category"] as? String ?? "",
          date: (object["date"] as? String).flatMap { DayDate(petrarch: $0[...]) }, text: sentence,
          expected: expected, active: object["active"] as? Bool ?? true,
          requiresDyad: ((object["config"] as? [String: Any])?["require_dyad"] as? String)?
            .lowercased() != "false"))
    }
    return (records, ValidationEnvironment())
  }

  /// The text of the first `<name>...</name>` in `text`, trimmed.
  private static func element(_ name: String, in text: Substring) -> String? {
    guard let open = text.range(of: "<\(name)>"),
      let close = text.range(of: "</\(name)>", range: open.upperBound..<text.endIndex)
    else { return nil }
    return text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// The `name="value"` attributes of a tag.
  private static func attributes(_ tag: Substring) -> [String: String] {
    var result: [String: String] = [:]
    var rest = tag
    while let equals = rest.firstIndex(of: "=") {
      let name =
        rest[..<equals].split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        .last.map(String.init) ?? ""
      // `id ="X"` and `date = "Y"` occur: skip spaces after `=`.
      var afterEquals = rest.index(after: equals)
      while afterEquals < rest.endIndex, rest[afterEquals] == " " {
        afterEquals = rest.index(after: afterEquals)
      }
      guard afterEquals < rest.endIndex, rest[afterEquals] == "\"",
        let close = rest[rest.index(after: afterEquals)...].firstIndex(of: "\"")
      else { break }
      result[name] = String(rest[rest.index(after: afterEquals)..<close])
      rest = rest[rest.index(after: close)...]
    }
    return result
  }

  private static func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
      .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&apos;", with: "'")
  }
}

/// Runs validation records through the pipeline, the actor matcher and the event coder.
public struct ValidationRunner {
  /// The verdict on one record.
  public struct Verdict: Sendable {
    /// The record.
    public var record: ValidationRecord
    /// The asserted events found, as `SOURCE>TARGET CODE`.
    public var found: [String]
    /// Whether they are exactly the expected ones.
    public var passed: Bool
  }

  private let coder: DocumentCoder
  private let modes: Set<EventMode>

  /// Creates a runner.
  ///
  /// - Parameters:
  ///   - coder: The coder, with the dictionaries of the records' environment.
  ///   - modes: The modes of the events compared with the expected ones: `asserted` for
  ///     Entente's lexicon; PETRARCH, which has no modes, codes what is intended or possible
  ///     too.
  public init(coder: DocumentCoder, modes: Set<EventMode> = [.asserted]) {
    self.coder = coder
    self.modes = modes
  }

  /// The verdict on `record`: it passes when the asserted events, as source, target and
  /// code, are exactly the expected ones (none for a record that expects none).
  public func run(_ record: ValidationRecord) -> Verdict {
    let events = (coder.code(text: record.text, date: record.date).events ?? [])
      .filter { modes.contains($0.mode) }
      // PETRARCH's `require_dyad`: no event without a source and a target.
      .filter { event in
        !record.requiresDyad
          || (!["", "---"].contains(event.source.code)
            && event.target.map { !["", "---"].contains($0.code) } ?? false)
      }
    // Compared as multisets of (source, target, code), as PETRARCH's validator does.
    let found = events.map { "\($0.source.code)>\($0.target?.code ?? "---") \($0.type.code)" }
      .sorted()
    return Verdict(record: record, found: found, passed: found == record.expected.sorted())
  }
}
