import Foundation

/// One sentence of a CoNLL-U treebank: its words and their gold annotations.
///
/// Multiword-token lines (`1-2`) and empty nodes (`8.1`) are skipped; only the syntactic
/// words are kept, as the tagger and parser use them.
public struct CoNLLUSentence: Sendable, Equatable {
  /// The word forms.
  public var forms: [String] = []
  /// The lemmas.
  public var lemmas: [String] = []
  /// Universal POS tags.
  public var upos: [String] = []
  /// Language-specific (Penn Treebank) tags.
  public var xpos: [String] = []
  /// Heads, 1-based; 0 is the root.
  public var heads: [Int] = []
  /// Dependency relations.
  public var deprels: [String] = []
  /// Column 10 (MISC) of each word: `SpaceAfter=No`, `Entity=(...)`, ...
  public var misc: [String] = []
  /// The sentence text, from its `# text = ` comment.
  public var text: String?
  /// The id of the document this sentence starts, from a `# newdoc id = ` comment.
  public var newDocument: String?

  /// Creates an empty sentence.
  public init() {}

  /// The number of words.
  public var count: Int { forms.count }
}

/// A malformed CoNLL-U line.
public struct CoNLLUError: Error, Sendable, CustomStringConvertible {
  /// The file.
  public var path: String
  /// The 1-based line.
  public var line: Int
  /// What is wrong.
  public var message: String

  public var description: String {
    line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)"
  }
}

/// Reads CoNLL-U files.
public enum CoNLLUReader {
  /// The sentences of the CoNLL-U file at `path`.
  ///
  /// - Throws: ``CoNLLUError`` for an unreadable file or a malformed line.
  public static func read(path: String) throws(CoNLLUError) -> [CoNLLUSentence] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CoNLLUError(path: path, line: 0, message: "cannot be read")
    }
    return try parse(String(decoding: data, as: UTF8.self), path: path)
  }

  /// The sentences of CoNLL-U `text`.
  ///
  /// - Throws: ``CoNLLUError`` for a malformed line.
  public static func parse(_ text: String, path: String = "<text>") throws(CoNLLUError)
    -> [CoNLLUSentence]
  {
    var sentences: [CoNLLUSentence] = []
    var current = CoNLLUSentence()
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      if line.isEmpty {
        if current.count > 0 { sentences.append(current) }
        current = CoNLLUSentence()
        continue
      }
      if line.hasPrefix("#") {
        if line.hasPrefix("# text = ") {
          current.text = String(line.dropFirst(9))
        } else if line.hasPrefix("# newdoc id = ") {
          current.newDocument = String(line.dropFirst(14))
        } else if line.hasPrefix("# newdoc") {
          current.newDocument = ""
        }
        continue
      }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count == 10 else {
        throw CoNLLUError(
          path: path, line: lineNumber,
          message: "expected 10 tab-separated fields, found \(fields.count)")
      }
      let id = fields[0]
      if id.contains("-") || id.contains(".") { continue }
      guard let index = Int(id), index == current.count + 1 else {
        throw CoNLLUError(
          path: path, line: lineNumber, message: "word id '\(id)' is out of sequence")
      }
      guard let head = Int(fields[6]), head >= 0 else {
        throw CoNLLUError(
          path: path, line: lineNumber, message: "head '\(fields[6])' is not a number")
      }
      current.forms.append(String(fields[1]))
      current.lemmas.append(String(fields[2]))
      current.upos.append(String(fields[3]))
      current.xpos.append(String(fields[4]))
      current.heads.append(head)
      current.deprels.append(String(fields[7]))
      current.misc.append(String(fields[9]))
    }
    if current.count > 0 { sentences.append(current) }
    for (i, sentence) in sentences.enumerated()
    where sentence.heads.contains(where: { $0 > sentence.count }) {
      throw CoNLLUError(path: path, line: 0, message: "sentence \(i + 1) has a head past its end")
    }
    return sentences
  }
}
