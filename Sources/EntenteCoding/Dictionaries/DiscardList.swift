public import EntenteNLP
import Foundation

/// PETRARCH discard phrases (`*.discards.txt`): a sentence that contains one codes no
/// events, and a story-level phrase (`+TYPHOON`) stops the whole document from coding.
///
/// Phrases match whole tokens, case-insensitively; a word matches any token that starts
/// with it (a stem: `BASEBALL` matches `baseballs`) unless it ends with `_` (whole word).
public struct DiscardList: Sendable {
  /// One phrase: its words and whether it discards the whole story.
  struct Phrase: Sendable {
    var words: [(text: String, whole: Bool)]
    var story: Bool
  }

  private var phrases: [Phrase] = []
  /// Phrases by their first word's first three letters, so most tokens test none.
  private var byPrefix: [String: [Int]] = [:]

  /// Creates an empty list.
  public init() {}

  /// The number of phrases.
  public var count: Int { phrases.count }

  /// Reads a discard file; blank lines and comments (`#`, `<!-- -->`) are skipped.
  ///
  /// - Throws: ``DictionaryIssue`` when the file cannot be read or is not UTF-8 text.
  public static func read(path: String) throws(DictionaryIssue) -> DiscardList {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DictionaryIssue(path: path, line: 0, "cannot be read")
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      throw DictionaryIssue(path: path, line: 0, "is not UTF-8 text")
    }
    return parse(text)
  }

  /// Parses discard phrases.
  public static func parse(_ text: String) -> DiscardList {
    var list = DiscardList()
    var inComment = false
    for rawLine in text.split(whereSeparator: \.isNewline) {
      var line = Substring(rawLine)
      if inComment {
        guard let close = line.range(of: "-->") else { continue }
        line = line[close.upperBound...]
        inComment = false
      }
      if let open = line.range(of: "<!--") {
        if let close = line.range(of: "-->", range: open.upperBound..<line.endIndex) {
          line = line[..<open.lowerBound] + line[close.upperBound...]
        } else {
          line = line[..<open.lowerBound]
          inComment = true
        }
      }
      line = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
      var phrase = line.trimmingCharacters(in: .whitespaces)
      guard !phrase.isEmpty else { continue }
      let story = phrase.hasPrefix("+")
      if story { phrase.removeFirst() }
      let words = phrase.uppercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map {
        word in
        (text: String(word.hasSuffix("_") ? word.dropLast() : word), whole: word.hasSuffix("_"))
      }.filter { !$0.text.isEmpty }
      guard let first = words.first else { continue }
      list.byPrefix[String(first.text.prefix(3)), default: []].append(list.phrases.count)
      list.phrases.append(Phrase(words: words, story: story))
    }
    return list
  }

  /// What a phrase of the list discards in `doc`: nothing, some sentences, or the story.
  public struct Verdict: Sendable, Equatable {
    /// The indices of the sentences discarded.
    public var sentences: Set<Int> = []
    /// Whether the whole document is discarded.
    public var story = false
  }

  /// The sentences of `doc` (or the whole of it) that the list discards.
  public func verdict(for doc: Doc) -> Verdict {
    var verdict = Verdict()
    guard !phrases.isEmpty else { return verdict }
    let words = doc.tokens.map { doc.string(bytes: Int($0.start)..<Int($0.end)).uppercased() }
    for (index, sentence) in doc.sentences.enumerated() {
      let range = Int(sentence.tokenStart)..<Int(sentence.tokenEnd)
      for start in range {
        guard let candidates = byPrefix[String(words[start].prefix(3))] else { continue }
        for candidate in candidates
        where Self.matches(phrases[candidate].words, words: words, at: start, end: range.upperBound)
        {
          verdict.sentences.insert(index)
          if phrases[candidate].story { verdict.story = true }
        }
      }
    }
    return verdict
  }

  private static func matches(
    _ phrase: [(text: String, whole: Bool)], words: [String], at start: Int, end: Int
  ) -> Bool {
    guard start + phrase.count <= end else { return false }
    for (offset, word) in phrase.enumerated() {
      let token = words[start + offset]
      guard word.whole ? token == word.text : token.hasPrefix(word.text) else { return false }
    }
    return true
  }
}
