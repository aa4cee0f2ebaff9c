public import EntenteNLP

/// Scores the mentions Entente finds against named entities annotated in CoNLL-U files in
/// the style of GUM (`Entity=(3-person-new-...-coref-Charles_Bolden` in column 10).
///
/// A gold mention counts when it is a person, organisation or place with an identity (a
/// Wikipedia name after `coref-` or `sgl-`): that is, a named entity. Entente's mentions
/// count when they name something (persons, organisations, places, countries by name or
/// capital), not when they refer (pronouns, roles) or qualify (adjectives, sectors). A found
/// mention matches a gold one when it covers a word of the gold minimal span and ends within
/// the gold span: GUM spans keep `the`, titles and modifiers that
/// Entente may leave out, and Entente keeps titles GUM may leave out.
public struct MentionEvaluation: Sendable {
  /// Counts for one entity type.
  public struct Counts: Sendable, Equatable {
    /// Gold named mentions.
    public var gold = 0
    /// Gold mentions found with a matching span.
    public var found = 0
    /// Gold mentions found with a matching span and type.
    public var typed = 0

    /// Creates zero counts.
    public init() {}

    /// `found / gold`.
    public var recall: Double { gold == 0 ? 0 : Double(found) / Double(gold) }
    /// `typed / gold`.
    public var typedRecall: Double { gold == 0 ? 0 : Double(typed) / Double(gold) }
  }

  /// Counts by gold type: `person`, `organization`, `place`.
  public private(set) var byType: [String: Counts] = [:]
  /// Entente's naming mentions.
  public private(set) var predicted = 0
  /// Entente's naming mentions that match any gold entity span, named or not.
  public private(set) var correct = 0
  /// Documents scored.
  public private(set) var documents = 0

  /// Gold named mentions not found (`type: text`), in file order.
  public private(set) var missed: [String] = []
  /// Entente's naming mentions that match no gold entity (`type: text`), in file order.
  public private(set) var spurious: [String] = []

  /// The share of Entente's naming mentions that match a gold entity.
  public var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }

  /// All types together.
  public var total: Counts {
    byType.values.reduce(into: Counts()) {
      $0.gold += $1.gold
      $0.found += $1.found
      $0.typed += $1.typed
    }
  }

  /// Creates empty scores.
  public init() {}

  private struct GoldMention {
    var bytes: Range<Int>
    /// The bytes of the words of the minimal span (`Seattle` and `Washington` in `Seattle,
    /// Washington`).
    var minimal: [Range<Int>]
    var type: String
    /// A named entity: an identity, and a proper noun in the span (not a pronoun of it).
    var named: Bool
  }

  /// Scores the documents of `sentences` (split at `# newdoc`), coding each from its text
  /// with `coder` (through the `tags` stage at least).
  public mutating func score(
    _ sentences: [CoNLLUSentence], coder: DocumentCoder
  ) {
    var start = 0
    while start < sentences.count {
      var end = start + 1
      while end < sentences.count && sentences[end].newDocument == nil { end += 1 }
      scoreDocument(sentences[start..<end], coder: coder)
      start = end
    }
  }

  private mutating func scoreDocument(
    _ sentences: ArraySlice<CoNLLUSentence>, coder: DocumentCoder
  ) {
    let text = sentences.map { $0.text ?? $0.forms.joined(separator: " ") }.joined(
      separator: "\n")
    let analysis = coder.code(text: text, date: nil)
    let doc = analysis.doc
    let gold = Self.goldMentions(sentences, in: Array(doc.text.utf8))
    documents += 1
    let found = analysis.mentions.filter(Self.names)
    func bytes(_ mention: ActorMention) -> Range<Int> {
      Int(
        doc.tokens[mention.tokens.lowerBound].start)..<Int(
          doc.tokens[mention.tokens.upperBound - 1].end)
    }
    // A found mention matches when it covers the gold mention's head and lies within it, or
    // holds more than it only to the left (a title: `NASA Administrator Charles Bolden`).
    func matches(_ span: Range<Int>, _ gold: GoldMention) -> Bool {
      span.upperBound <= gold.bytes.upperBound
        && gold.minimal.contains {
          span.lowerBound <= $0.lowerBound && span.upperBound >= $0.upperBound
        }
    }
    for mention in gold where mention.named {
      var counts = byType[mention.type, default: Counts()]
      counts.gold += 1
      let candidates = found.filter { matches(bytes($0), mention) }
      if !candidates.isEmpty {
        counts.found += 1
      } else {
        missed.append("\(mention.type): \(doc.string(bytes: mention.bytes))")
      }
      if candidates.contains(where: { Self.agrees($0, mention.type) }) { counts.typed += 1 }
      byType[mention.type] = counts
    }
    predicted += found.count
    for mention in found {
      if gold.contains(where: { matches(bytes(mention), $0) }) {
        correct += 1
      } else {
        spurious.append("\(mention.type.rawValue): \(doc.string(bytes: bytes(mention)))")
      }
    }
  }

  /// Whether a found mention names something rather than refers to or qualifies it.
  static func names(_ mention: ActorMention) -> Bool {
    switch mention.kind {
    case "pronoun", "role", "adjective", "nationality", "agent", "bloc": false
    default: true
    }
  }

  /// Whether a found mention's type agrees with a gold type.
  static func agrees(_ mention: ActorMention, _ type: String) -> Bool {
    switch type {
    case "person": mention.type == .person
    case "organization": mention.type == .organisation || mention.type == .actor
    default: mention.type == .country || mention.type == .location
    }
  }

  /// The gold person, organisation and place mentions of a document, as byte ranges of
  /// `text`, found by aligning the word forms with it in order.
  private static func goldMentions(_ sentences: ArraySlice<CoNLLUSentence>, in text: [UInt8])
    -> [GoldMention]
  {
    var result: [GoldMention] = []
    var position = 0
    for sentence in sentences {
      // The bytes of each word, found in order.
      var words: [Range<Int>?] = []
      for form in sentence.forms {
        let bytes = Array(form.utf8)
        if let start = find(bytes, in: text, from: position) {
          position = start + bytes.count
          words.append(start..<position)
        } else {
          words.append(nil)
        }
      }
      var open: [String: [(start: Int, type: String, named: Bool, minimal: [Int])]] = [:]
      func add(from first: Int, to last: Int, type: String, named: Bool, minimal: [Int]) {
        guard let start = words[first], let end = words[last] else { return }
        let indices = minimal.isEmpty ? Array(first...last) : minimal.map { first + $0 - 1 }
        let heads = indices.filter { $0 <= last }.compactMap { words[$0] }
        let proper = (first...last).contains { sentence.upos[$0] == "PROPN" }
        result.append(
          GoldMention(
            bytes: start.lowerBound..<end.upperBound, minimal: heads, type: type,
            named: named && proper))
      }
      for index in sentence.forms.indices {
        let misc = sentence.misc.indices.contains(index) ? sentence.misc[index] : ""
        guard let field = misc.split(separator: "|").first(where: { $0.hasPrefix("Entity=") })
        else { continue }
        for event in entityEvents(field.dropFirst(7)) {
          switch event {
          case .open(let id, let type, let named, let minimal, let closed):
            if closed {
              add(from: index, to: index, type: type, named: named, minimal: minimal)
            } else {
              open[id, default: []].append((index, type, named, minimal))
            }
          case .close(let id):
            if let opened = open[id]?.popLast() {
              add(
                from: opened.start, to: index, type: opened.type, named: opened.named,
                minimal: opened.minimal)
            }
          }
        }
      }
    }
    return result.filter { ["person", "organization", "place"].contains($0.type) }
  }

  /// The first occurrence of `needle` in `haystack` at or after `start`, within 200 bytes.
  private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty else { return nil }
    let limit = min(haystack.count - needle.count, start + 200)
    guard start <= limit else { return nil }
    for i in start...limit where haystack[i] == needle[0] {
      if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
    }
    return nil
  }

  enum EntityEvent: Equatable {
    case open(id: String, type: String, named: Bool, minimal: [Int], closed: Bool)
    case close(id: String)
  }

  /// The openings and closings of an `Entity=` value such as
  /// `(10-person-new-nnnss-cf6-1,2-coref-Charles_Bolden(1-organization-...-NASA)` or `5)`.
  static func entityEvents(_ value: Substring) -> [EntityEvent] {
    var events: [EntityEvent] = []
    var i = value.startIndex
    while i < value.endIndex {
      if value[i] == "(" {
        let bodyStart = value.index(after: i)
        var j = bodyStart
        while j < value.endIndex && value[j] != "(" && value[j] != ")" { j = value.index(after: j) }
        let body = value[bodyStart..<j].split(separator: "-", omittingEmptySubsequences: false)
        let closed = j < value.endIndex && value[j] == ")"
        if body.count >= 2 {
          // id, type, information status, salience, centering, minimal span, link, identity.
          let identity = body.count > 7 ? body[7...].joined(separator: "-") : ""
          let minimal = body.count > 5 ? body[5].split(separator: ",").compactMap { Int($0) } : []
          events.append(
            .open(
              id: String(body[0]), type: String(body[1]), named: !identity.isEmpty,
              minimal: minimal, closed: closed))
        }
        i = closed ? value.index(after: j) : j
      } else if value[i].isNumber {
        var j = i
        while j < value.endIndex && value[j].isNumber { j = value.index(after: j) }
        if j < value.endIndex && value[j] == ")" {
          events.append(.close(id: String(value[i..<j])))
          i = value.index(after: j)
        } else {
          i = j
        }
      } else {
        i = value.index(after: i)
      }
    }
    return events
  }
}
